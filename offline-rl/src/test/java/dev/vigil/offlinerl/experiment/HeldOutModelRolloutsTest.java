package dev.vigil.offlinerl.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.continuous.FixedDosePolicy;
import dev.vigil.offlinerl.algo.continuous.LineEnvironment;
import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.MinMaxScaler;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutModelRolloutsTest {

    /** next = state + dose / 2; reward -|next|; cost 1 when next > 0.5; ends when next exceeds {@code end}. */
    record DriftEnvironment(double end, List<double[]> previousSeen) implements LineEnvironment {
        @Override
        public StepOutcome step(double[] previousState, double[] state, double[] action) {
            previousSeen.add(previousState == null ? null : previousState.clone());
            double next = state[0] + 0.5 * action[0];
            return new StepOutcome(new double[] {next}, -Math.abs(next), next > 0.5 ? 1 : 0, next > end);
        }
    }

    /** In support when the dose is within 0.25 of the state. */
    static final OodGuardian BAND = new OodGuardian() {
        @Override
        public GuardVerdict judge(double[] point) {
            return GuardVerdict.of(0.25 - Math.abs(point[1] - point[0]), 0);
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    /** Fitted on [-1, 1] in both columns: the identity scale. */
    private static final MinMaxScaler IDENTITY = MinMaxScaler.fit(new double[][] {{-1, -1}, {1, 1}});

    @Test
    void judgesEveryStepAndSumsModelRewardAndCostByHand() {
        // Dose 0.4 from 0: states 0 (flagged, 0.4 away), 0.2, 0.4; next 0.2, 0.4, 0.6: return -1.2, cost 1.
        // From 0.5: states 0.5, 0.7 (flagged), 0.9 (flagged); next 0.7, 0.9, 1.1: return -2.7, cost 3.
        List<double[]> previous = new ArrayList<>();
        HeldOutModelRollouts.Result r = HeldOutModelRollouts.run(new DriftEnvironment(99, previous), BAND,
                new FixedDosePolicy(0.4), IDENTITY, new double[][] {{0}, {0.5}}, 3);

        assertThat(r.oodRate()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(r.meanReturn()).isCloseTo(-1.95, within(1e-12));
        assertThat(r.meanCost()).isCloseTo(2, within(1e-12));
        // The model sees no previous state at a rollout's first step, then the one before.
        assertThat(previous.get(0)).isNull();
        assertThat(previous.get(1)).containsExactly(0);
        assertThat(previous.get(3)).isNull();
    }

    @Test
    void stopsWhereTheModelEndsTheEpisode() {
        // Ends when next > 0.8: from 0.5 only two steps (0.5 in support, 0.7 flagged): 2 of 5 judged steps flagged.
        HeldOutModelRollouts.Result r = HeldOutModelRollouts.run(new DriftEnvironment(0.8, new ArrayList<>()), BAND,
                new FixedDosePolicy(0.4), IDENTITY, new double[][] {{0}, {0.5}}, 3);

        assertThat(r.oodRate()).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(r.meanReturn()).isCloseTo((-1.2 - 1.6) / 2, within(1e-12));
        assertThat(r.meanCost()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void dosesAreScaledAndClippedToTheModelsRangeBeforeTheyAreJudged() {
        // Raw doses on [0, 10] map to [-1, 1]; a dose of 40 scales to 7 and is clipped to 1: from 0.8 the state moves
        // to 1.3 and (0.8, 1) is in support (0.2 away), (1.3, 1) too (0.3 away: not).
        MinMaxScaler scaler = MinMaxScaler.fit(new double[][] {{-1, 0}, {1, 10}});
        HeldOutModelRollouts.Result r = HeldOutModelRollouts.run(new DriftEnvironment(99, new ArrayList<>()), BAND,
                new FixedDosePolicy(40), scaler, new double[][] {{0.8}}, 2);

        assertThat(r.oodRate()).isCloseTo(0.5, within(1e-12));
        assertThat(r.meanReturn()).isCloseTo(-1.3 - 1.8, within(1e-12));
    }

    @Test
    void initialStatesAreTheFirstBlocsScaledWithMissingFeaturesFilled() throws Exception {
        TrajectoryDataset ingested = IcuSepsisExperiment.ingest(12, 3);
        // Episode 0's first bloc loses its first feature, as a missing lab would.
        List<dev.vigil.ingestion.dataset.Episode> episodes = new ArrayList<>(ingested.episodes());
        dev.vigil.ingestion.dataset.Episode e0 = episodes.get(0);
        ContinuousStates states = (ContinuousStates) e0.states();
        double[][] values = states.values().clone();
        boolean[][] missing = states.missing().clone();
        values[0] = values[0].clone();
        missing[0] = missing[0].clone();
        values[0][0] = Double.NaN;
        missing[0][0] = true;
        episodes.set(0, new dev.vigil.ingestion.dataset.Episode(e0.id(), new ContinuousStates(values, missing),
                e0.actions(), e0.rewards(), e0.costs(), e0.outcome(), e0.provenance(), e0.imaging()));
        TrajectoryDataset cohort = new TrajectoryDataset(ingested.schema(), episodes);
        int s = cohort.schema().features().size();
        int a = cohort.schema().actions().size();
        double[][] rows = new double[cohort.episodes().size()][];
        double[] fill = new double[s];
        for (int f = 0; f < s; f++) {
            fill[f] = 1000 + f;   // far from any real value: a filled feature is recognisable
        }
        for (int e = 0; e < rows.length; e++) {
            double[] first = ((ContinuousStates) cohort.episodes().get(e).states()).values()[0];
            rows[e] = java.util.Arrays.copyOf(first, s + a);
            for (int f = 0; f < s; f++) {
                if (!Double.isFinite(rows[e][f])) {
                    rows[e][f] = fill[f];
                }
            }
        }
        MinMaxScaler scaler = MinMaxScaler.fit(rows);

        double[][] starts = HeldOutModelRollouts.initialStates(cohort, scaler, fill);

        assertThat(starts).hasNumberOfRows(12);
        boolean sawMissing = false;
        for (int e = 0; e < 12; e++) {
            double[] first = ((ContinuousStates) cohort.episodes().get(e).states()).values()[0];
            assertThat(starts[e]).hasSize(s);
            double[] expected = java.util.Arrays.copyOf(scaler.transform(rows[e]), s);
            assertThat(starts[e]).containsExactly(expected, within(1e-12));
            for (double v : first) {
                sawMissing |= !Double.isFinite(v);
            }
        }
        assertThat(sawMissing).isTrue();
        // The filled value is the fill's, on the scale.
        assertThat(starts[0][0]).isCloseTo(scaler.transform(rows[0])[0], within(1e-12)).isEqualTo(1.0);
    }
}
