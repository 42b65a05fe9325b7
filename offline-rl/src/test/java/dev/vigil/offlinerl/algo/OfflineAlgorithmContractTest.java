package dev.vigil.offlinerl.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.common.Sha256;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every offline algorithm must do (d3rlpy's shared algorithm tester, in Java): each algorithm's test
 * extends this class and supplies the algorithm and a config.
 */
public abstract class OfflineAlgorithmContractTest<C extends AlgorithmConfig> {

    /** A fresh algorithm. */
    protected abstract OfflineAlgorithm<C> algorithm();

    /** A config with the given seed. */
    protected abstract C config(long seed);

    private TrainedPolicy fitSmall(long seed) {
        return algorithm().fit(TabularDatasets.small(), config(seed), TrainingListener.NONE);
    }

    @Test
    void fitReturnsAProbabilityRowPerState() {
        TrainedPolicy policy = fitSmall(7);

        assertThat(policy.stateCount()).isEqualTo(3);
        assertThat(policy.actionCount()).isEqualTo(2);
        for (int s = 0; s < 3; s++) {
            double[] row = policy.actionProbabilities(s);
            assertThat(row).hasSize(2);
            for (double p : row) {
                assertThat(p).isBetween(0.0, 1.0);
            }
            assertThat(row[0] + row[1]).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void neverLoggedStateGetsUniformAndIsReported() {
        TrainedPolicy policy = fitSmall(7);

        assertThat(policy.actionProbabilities(2)).containsExactly(0.5, 0.5);
        assertThat(policy.report().uniformStates()).containsExactly(2);
    }

    @Test
    void sameSeedGivesIdenticalPolicy() {
        TrainedPolicy first = fitSmall(11);
        TrainedPolicy second = fitSmall(11);

        for (int s = 0; s < 3; s++) {
            assertThat(second.actionProbabilities(s)).containsExactly(first.actionProbabilities(s));
        }
        assertThat(second.provenance()).isEqualTo(first.provenance());
    }

    @Test
    void actDrawsOnlyActionsWithProbability() {
        TrainedPolicy policy = fitSmall(7);
        SplittableRandom rng = new SplittableRandom(3);

        for (int i = 0; i < 200; i++) {
            int s = i % 3;
            assertThat(policy.actionProbabilities(s)[policy.act(s, rng)]).isPositive();
        }
    }

    @Test
    void rejectsContinuousStatesWithAClearMessage() {
        assertThatThrownBy(() -> algorithm().fit(TabularDatasets.continuousStates(), config(1), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("continuous states")
                .hasMessageContaining("--state-type discrete");
    }

    @Test
    void rejectsContinuousActionsWithAClearMessage() {
        assertThatThrownBy(() -> algorithm().fit(TabularDatasets.continuousActions(), config(1), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("continuous actions")
                .hasMessageContaining("--action-type discrete");
    }

    @Test
    void rejectsEmptyDatasetWithAClearMessage() {
        assertThatThrownBy(() -> algorithm().fit(TabularDatasets.empty(), config(1), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty (no episodes)");
    }

    @Test
    void rejectsNullConfig() {
        assertThatThrownBy(() -> algorithm().fit(TabularDatasets.small(), null, TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a config");
    }

    @Test
    void provenanceNamesAlgorithmConfigDataAndCode() {
        TrajectoryDataset data = TabularDatasets.small();
        TrainedPolicy policy = algorithm().fit(data, config(5), TrainingListener.NONE);
        PolicyProvenance p = policy.provenance();

        assertThat(p.algorithm()).isEqualTo(algorithm().name());
        assertThat(p.configJson()).contains("\"seed\":5");
        assertThat(p.configSha256()).isEqualTo(Sha256.hex(p.configJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(p.datasetSha256()).isEqualTo(data.contentHash());
        assertThat(p.ruleSetVersion()).isNotBlank();
        assertThat(p.codeVersion()).isNotBlank();
    }

    @Test
    void configRoundTripsThroughJson() {
        C config = config(9);
        String json = AlgorithmConfigs.toJson(config);
        @SuppressWarnings("unchecked")
        Class<C> type = (Class<C>) config.getClass();
        C read = AlgorithmConfigs.withFields(config(0), type,
                (com.fasterxml.jackson.databind.node.ObjectNode) AlgorithmConfigs.parse(
                        "{\"algorithm\":\"x\",\"config\":" + json + "}", false, "test").fields(), "test");

        assertThat(read).isEqualTo(config);
    }

    @Test
    void reportsMetricsWithIncreasingIterations() {
        List<Integer> iterations = new ArrayList<>();
        List<Map<String, Double>> metrics = new ArrayList<>();
        algorithm().fit(TabularDatasets.small(), config(1), (k, m) -> {
            iterations.add(k);
            metrics.add(m);
        });

        assertThat(iterations).isNotEmpty();
        for (int i = 0; i < iterations.size(); i++) {
            assertThat(iterations.get(i)).isEqualTo(i + 1);
        }
        assertThat(metrics).allSatisfy(m -> assertThat(m).isNotEmpty());
    }
}
