package dev.vigil.offlinerl.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.Outcome;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.synth.sepsis.SepsisAction;
import dev.vigil.ingestion.synth.sepsis.SepsisFeature;
import dev.vigil.ingestion.synth.sepsis.SepsisObservation;
import dev.vigil.ingestion.synth.sepsis.SepsisReward;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SofaStepRewardTest {

    /** The score's columns in an order unlike the simulator's, with an unrelated column in front. */
    static DatasetSchema schema() {
        return new DatasetSchema("tiny-sofa", SpaceType.continuous(), List.of(new Variable("heart_rate", "/min"),
                new Variable("gcs", "{score}"), new Variable("map", "mm[Hg]"), new Variable("pf_ratio", "mm[Hg]"),
                new Variable("urine_output", "mL"), new Variable("creatinine", "mg/dL"),
                new Variable("bilirubin", "mg/dL"), new Variable("platelets", "10*3/uL")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"),
                        new Variable("vasopressor", "ug/kg/min")),
                false, false, "icu-sepsis", "1", Duration.ofHours(4));
    }

    // heart_rate, gcs, map, pf_ratio, urine_output (mL per 4 h bloc), creatinine, bilirubin, platelets
    /** resp 1 (350), coag 1 (120), liver 2 (2.5), CV 1 without vasopressor (MAP 68), CNS 1 (14), renal 0. */
    static final double[] MILD = {90, 14, 68, 350, 100, 1.0, 2.5, 120};
    /** Every organ at 4 (MAP 60, vasopressor > 0.1 for CV 4): SOFA 24, clipped to 12.5. */
    static final double[] WORST = {130, 5, 60, 90, 10, 6.0, 13, 15};
    /** Nothing abnormal: SOFA 0, clipped to 2.5 (urine 200 mL / bloc = 1200 mL / day). */
    static final double[] NORMAL = {70, 15, 80, 450, 200, 0.8, 0.5, 200};

    @Test
    void scoresHandComputedStates() {
        SofaStepReward sofa = SofaStepReward.forSchema(schema());

        assertThat(sofa.sofa(MILD, new double[] {500, 0})).isEqualTo(6);          // 1+1+2+1+1+0
        assertThat(sofa.step(MILD, new double[] {500, 0})).isEqualTo(-6.0);
        assertThat(sofa.sofa(MILD, new double[] {500, 0.05})).isEqualTo(8);       // CV 3 with any dose <= 0.1
        assertThat(sofa.sofa(WORST, new double[] {0, 0.2})).isEqualTo(24);
        assertThat(sofa.step(WORST, new double[] {0, 0.2})).isEqualTo(-12.5);
        assertThat(sofa.step(NORMAL, new double[] {0, 0})).isEqualTo(-2.5);
        // Urine 50 mL in the bloc = 300 mL / day: renal 3 (the score of the simulator's table).
        double[] oliguric = NORMAL.clone();
        oliguric[4] = 50;
        assertThat(sofa.sofa(oliguric, new double[] {0, 0})).isEqualTo(3);
        // A missing organ value scores 0.
        double[] missing = MILD.clone();
        missing[6] = Double.NaN;
        assertThat(sofa.sofa(missing, new double[] {0, 0})).isEqualTo(4);
    }

    @Test
    void equalsTheSimulatorsRewardOnRandomObservationsWhateverTheColumnOrder() {
        SofaStepReward sofa = SofaStepReward.forSchema(schema());
        List<String> names = schema().features().stream().map(Variable::name).toList();
        SplittableRandom rng = new SplittableRandom(7);
        for (int k = 0; k < 500; k++) {
            double[] obs = new double[SepsisFeature.COUNT];
            obs[SepsisFeature.PF_RATIO.index()] = rng.nextDouble(50, 500);
            obs[SepsisFeature.PLATELETS.index()] = rng.nextDouble(5, 300);
            obs[SepsisFeature.BILIRUBIN.index()] = rng.nextDouble(0.2, 15);
            obs[SepsisFeature.MAP.index()] = rng.nextDouble(40, 100);
            obs[SepsisFeature.GCS.index()] = rng.nextInt(3, 16);
            obs[SepsisFeature.CREATININE.index()] = rng.nextDouble(0.3, 7);
            obs[SepsisFeature.URINE_OUTPUT.index()] = rng.nextDouble(0, 400);
            double vaso = rng.nextBoolean() ? 0 : rng.nextDouble(0, 0.5);
            double[] state = new double[names.size()];
            for (int f = 0; f < state.length; f++) {
                state[f] = obs[SepsisFeature.byName(names.get(f)).index()];
            }
            assertThat(sofa.step(state, new double[] {100, vaso}))
                    .isEqualTo(SepsisReward.step(new SepsisObservation(obs), new SepsisAction(100, vaso)));
        }
    }

    static Episode episode(String id, double[][] states, double[][] actions, Outcome outcome) {
        return new Episode(id, new ContinuousStates(states, new boolean[states.length][states[0].length]),
                new ContinuousActions(actions), null, null, outcome, null, List.of());
    }

    @Test
    void episodeRewardsFollowTheSimulatorsTiming() {
        SofaStepReward sofa = SofaStepReward.forSchema(schema());
        double[][] actions = {{0, 0}, {0, 0.05}, {0, 0.2}};
        // Survivor over 3 of 5 blocs (cut off, not dead): r_t scores s_{t+1} with a_t; the last step scores its own
        // state (the next bloc is not charted) and adds +1.
        Episode survivor = episode("s", new double[][] {NORMAL, MILD, WORST}, actions, new Outcome(false, 90));
        assertThat(sofa.episodeRewards(survivor, 5, 1, -1)).containsExactly(-6.0, -12.5, -12.5 + 1);

        // Death in the window after 3 of 5 blocs: the death bloc (t = 2) scores -12.5 for each of the 3 blocs
        // left (2, 3, 4), plus the terminal -1.
        Episode dead = episode("d", new double[][] {NORMAL, MILD, WORST}, actions, new Outcome(true, 0.4));
        assertThat(sofa.episodeRewards(dead, 5, 1, -1)).containsExactly(-6.0, -12.5, -12.5 * 3 - 1);

        // Lived through the whole window, died later: no padding, terminal -1. NORMAL with a vasopressor running
        // scores CV 3 (dose 0.05) and CV 4 (dose 0.2).
        Episode late = episode("l", new double[][] {NORMAL, MILD, NORMAL}, actions, new Outcome(true, 30));
        assertThat(sofa.episodeRewards(late, 3, 1, -1)).containsExactly(-6.0, -3.0, -4.0 - 1);

        // For fixed-length rollouts: the death bloc scores -12.5 once, each frozen step after it -12.5.
        assertThat(sofa.episodeRewards(dead, 5, 1, -1, false)).containsExactly(-6.0, -12.5, -12.5 - 1);
        assertThat(sofa.frozenReward(dead, 5)).isEqualTo(-12.5);
        // A survivor stays as last charted: WORST with a 0.2 vasopressor dose, SOFA 24 -> -12.5; NORMAL -> -2.5.
        assertThat(sofa.frozenReward(survivor, 5)).isEqualTo(-12.5);
        Episode calm = episode("c", new double[][] {MILD, NORMAL}, new double[][] {{0, 0}, {0, 0}},
                new Outcome(false, 90));
        assertThat(sofa.frozenReward(calm, 2)).isEqualTo(-2.5);

        // Unknown outcome: no terminal reward.
        Episode unknown = episode("u", new double[][] {NORMAL, NORMAL}, new double[][] {{0, 0}, {0, 0}}, null);
        assertThat(sofa.episodeRewards(unknown, 2, 1, -1)).containsExactly(-2.5, -2.5);
    }

    @Test
    void refusesDataWithoutAScoreColumnNamingIt() {
        DatasetSchema full = schema();
        List<Variable> features = new ArrayList<>(full.features());
        features.removeIf(v -> v.name().equals("bilirubin"));
        DatasetSchema noBilirubin = new DatasetSchema("no-bili", SpaceType.continuous(), features,
                SpaceType.continuous(), full.actions(), false, false, "icu-sepsis", "1", Duration.ofHours(4));

        assertThatThrownBy(() -> SofaStepReward.forSchema(noBilirubin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-bili").hasMessageContaining("'bilirubin'").hasMessageContaining("reward: sofa");
        assertThat(SofaStepReward.fits(noBilirubin)).isFalse();
        assertThat(SofaStepReward.fits(full)).isTrue();

        DatasetSchema noVaso = new DatasetSchema("no-vaso", SpaceType.continuous(), full.features(),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL")), false, false, "icu-sepsis", "1",
                Duration.ofHours(4));
        assertThatThrownBy(() -> SofaStepReward.forSchema(noVaso)).hasMessageContaining("action column 'vasopressor'");

        List<Variable> wrongUnit = new ArrayList<>(full.features());
        wrongUnit.set(5, new Variable("creatinine", "umol/L"));
        DatasetSchema umol = new DatasetSchema("umol", SpaceType.continuous(), wrongUnit, SpaceType.continuous(),
                full.actions(), false, false, "icu-sepsis", "1", Duration.ofHours(4));
        assertThatThrownBy(() -> SofaStepReward.forSchema(umol)).hasMessageContaining("'creatinine'")
                .hasMessageContaining("umol/L").hasMessageContaining("mg/dL");
    }

    @Test
    void anEpisodeLongerThanTheWindowIsRefused() {
        SofaStepReward sofa = SofaStepReward.forSchema(schema());
        Episode e = episode("long", new double[][] {NORMAL, NORMAL}, new double[][] {{0, 0}, {0, 0}}, null);
        assertThatThrownBy(() -> sofa.episodeRewards(e, 1, 1, -1)).hasMessageContaining("long")
                .hasMessageContaining("window");
        assertThat(sofa.step(NORMAL, new double[] {0, 0})).isCloseTo(SepsisReward.BEST_STEP, within(0.0));
    }
}
