package dev.vigil.offlinerl.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularMdpCsvTest {

    private static Path chain() throws URISyntaxException {
        return Path.of(TabularMdpCsvTest.class.getResource("/tabular/chain/transitions.csv").toURI()).getParent();
    }

    @Test
    void loadsTheSavedChain() throws Exception {
        TabularMdp mdp = TabularMdpCsv.read(chain(), Objective.discounted(0.9));

        assertThat(mdp.stateCount()).isEqualTo(3);
        assertThat(mdp.actionCount()).isEqualTo(2);
        assertThat(mdp.isAbsorbing(2)).isTrue();
        assertThat(mdp.probability(0, 0, 1)).isEqualTo(0.5);
        assertThat(mdp.probability(1, 1, 0)).isEqualTo(0.25);
        assertThat(mdp.expectedReward(0, 0)).isEqualTo(1.0);
        // Reward -1 only on the (certain) move to 2.
        assertThat(mdp.expectedReward(0, 1)).isEqualTo(-1.0);
        // Reward 2 on the move to 0 (p 0.25), 0 on the move to 2.
        assertThat(mdp.expectedReward(1, 1)).isEqualTo(0.5);
        assertThat(mdp.initialProbability(0)).isEqualTo(0.75);
    }

    @Test
    void solvesTheSavedChainExactly() throws Exception {
        TabularMdp mdp = TabularMdpCsv.read(chain(), Objective.discounted(0.9));

        OptimalSolution optimal = new ValueIteration(ValueIterationConfig.defaults()).solve(mdp);

        // By hand: in state 1, action 0 gives 5 and ends; action 1 gives 0.5 + 0.9 * 0.25 * V(0) < 5 for V(0) <= 10.
        // In state 0, action 0: V0 = 1 + 0.9 (0.5 V0 + 0.5 * 5) = 3.25 + 0.45 V0, so V0 = 3.25 / 0.55.
        double v0 = 3.25 / 0.55;
        assertThat(optimal.initialValues()[0]).isCloseTo(v0, within(1e-8));
        assertThat(optimal.initialValues()[1]).isCloseTo(5.0, within(1e-8));
        assertThat(optimal.action(0, 0)).isZero();
        assertThat(optimal.action(0, 1)).isZero();
        assertThat(optimal.expectedReturn()).isCloseTo(0.75 * v0 + 0.25 * 5, within(1e-8));
    }

    @Test
    void namesFileLineAndFieldOfABadNumber(@TempDir Path dir) throws Exception {
        copyChain(dir);
        Files.writeString(dir.resolve("transitions.csv"), "state,action,next_state,probability\n0,0,0,0.5\n"
                + "0,0,1,half\n0,1,2,1\n1,0,2,1\n1,1,2,1\n");

        assertThatThrownBy(() -> TabularMdpCsv.read(dir, Objective.discounted(0.9)))
                .isInstanceOf(MdpFormatException.class)
                .hasMessage("transitions.csv line 3, field probability: 'half' is not a number");
    }

    @Test
    void rejectsRowsThatDoNotSumToOne(@TempDir Path dir) throws Exception {
        copyChain(dir);
        Files.writeString(dir.resolve("transitions.csv"), "state,action,next_state,probability\n0,0,0,0.5\n"
                + "0,0,1,0.4\n0,1,2,1\n1,0,2,1\n1,1,2,1\n");
        Files.writeString(dir.resolve("rewards.csv"), "state,action,reward\n");

        assertThatThrownBy(() -> TabularMdpCsv.read(dir, Objective.discounted(0.9)))
                .isInstanceOf(MdpFormatException.class)
                .hasMessageStartingWith("transitions.csv line 2, field probability: the probabilities of state 0, "
                        + "action 0 sum to 0.9");
    }

    @Test
    void rejectsAMissingActionRow(@TempDir Path dir) throws Exception {
        copyChain(dir);
        Files.writeString(dir.resolve("transitions.csv"), "state,action,next_state,probability\n0,0,1,1\n"
                + "0,1,2,1\n1,0,2,1\n");
        Files.writeString(dir.resolve("rewards.csv"), "state,action,reward\n");

        assertThatThrownBy(() -> TabularMdpCsv.read(dir, Objective.discounted(0.9)))
                .isInstanceOf(MdpFormatException.class)
                .hasMessageContaining("state 1 has no positive-probability row for action 1");
    }

    @Test
    void rejectsARewardOnAnImpossibleTransition(@TempDir Path dir) throws Exception {
        copyChain(dir);
        Files.writeString(dir.resolve("rewards.csv"), "state,action,reward,next_state\n0,1,3,0\n");

        assertThatThrownBy(() -> TabularMdpCsv.read(dir, Objective.discounted(0.9)))
                .isInstanceOf(MdpFormatException.class)
                .hasMessage("rewards.csv line 2, field next_state: state 0, action 1 never leads to state 0 (no "
                        + "positive probability in transitions.csv)");
    }

    @Test
    void rejectsADuplicateInitialState(@TempDir Path dir) throws Exception {
        copyChain(dir);
        Files.writeString(dir.resolve("initial.csv"), "state,probability\n0,0.5\n0,0.5\n");

        assertThatThrownBy(() -> TabularMdpCsv.read(dir, Objective.discounted(0.9)))
                .isInstanceOf(MdpFormatException.class)
                .hasMessage("initial.csv line 3, field state: state 0 is already given on line 2");
    }

    @Test
    void rejectsAWrongHeader(@TempDir Path dir) throws Exception {
        copyChain(dir);
        Files.writeString(dir.resolve("initial.csv"), "state,prob\n0,1\n");

        assertThatThrownBy(() -> TabularMdpCsv.read(dir, Objective.discounted(0.9)))
                .isInstanceOf(MdpFormatException.class)
                .hasMessage("initial.csv line 1: the header is 'state,prob'; it must be 'state,probability'");
    }

    private static void copyChain(Path dir) throws IOException, URISyntaxException {
        for (String name : new String[] {"transitions.csv", "rewards.csv", "initial.csv", "terminal.csv"}) {
            Files.copy(chain().resolve(name), dir.resolve(name));
        }
    }
}
