package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behaviour on the narrow-support bandit of {@link ToyBandits}: doses logged densely on [0, 0.3] and rarely at 1.0,
 * reward = dose. Trained once per variant (DJL training is the slow part) and shared by the tests.
 */
class CqlLearnerTest {

    private static final int STEPS = 350;
    private static final double[] STATE = {0};
    private static TrajectoryDataset data;
    private static CqlPolicy ddpg;
    private static CqlPolicy cql;
    private static CqlPolicy gcql;

    @BeforeAll
    static void train() {
        data = ToyBandits.narrowSupport(400, 1);
        ddpg = fit(CqlContinuousConfig.cql().withAlpha(0));
        cql = fit(CqlContinuousConfig.cql());
        gcql = fit(CqlContinuousConfig.gcql().withAlpha(0.1).withGuardian(0.15, 5));
    }

    private static CqlPolicy fit(CqlContinuousConfig preset) {
        return new CqlLearner("test").fit(data, ToyBandits.fast(preset, STEPS), TrainingListener.NONE);
    }

    private static CqlPolicy fit(CqlContinuousConfig preset, long seed) {
        return new CqlLearner("test").fit(data, ToyBandits.fast(preset, STEPS).withSeed(seed), TrainingListener.NONE);
    }

    @Test
    void cqlValuesOutOfSupportDosesBelowPlainDdpg() {
        double gap = 0.65;
        double ddpgGap = ddpg.qValue(STATE, new double[] {gap});
        double cqlGap = cql.qValue(STATE, new double[] {gap});
        // Plain DDPG extrapolates the rising reward into the gap; CQL pushes the unlogged doses down.
        assertThat(ddpgGap).isGreaterThan(0.3);
        assertThat(cqlGap).isLessThan(ddpgGap - 0.5);
        // Inside the dense support both stay near the logged reward (dose 0.15 pays 0.15).
        assertThat(cql.qValue(STATE, new double[] {0.15})).isCloseTo(0.15, within(0.25));
        assertThat(ddpg.qValue(STATE, new double[] {0.15})).isCloseTo(0.15, within(0.25));
    }

    @Test
    void gcqlKeepsItsDosesInsideTheDenseSupportMoreThanCql() {
        // A light CQL penalty leaves the rare logged dose attractive; the guardian calls it OOD (3 % of the data,
        // below the 5th density percentile with a bandwidth narrower than OGSRL's on this 2-D toy). Whether light
        // CQL ends up taking it is a coin flip of the seed (3 of seeds 5-11 stay inside, 4 leave), and a last-bit
        // difference in a float kernel can flip one seed's outcome, so the claim is checked over seven seeds.
        double lightInside = 0;
        double gcqlInside = 0;
        for (long seed = 5; seed <= 11; seed++) {
            lightInside += insideShare(fit(CqlContinuousConfig.cql().withAlpha(0.1).withGuardian(0.15, 5), seed)) / 7;
            gcqlInside += insideShare(fit(CqlContinuousConfig.gcql().withAlpha(0.1).withGuardian(0.15, 5), seed)) / 7;
        }
        assertThat(gcqlInside).isGreaterThanOrEqualTo(0.9);
        assertThat(lightInside).isLessThan(gcqlInside - 0.25);
        Map<String, Double> report = gcql.report().summary();
        assertThat(report.get("oodShare")).isLessThan(0.2);
        assertThat(report.get("guardianTargetCoverage")).isCloseTo(0.95, within(1e-12));
        assertThat(report).containsKeys("guardianMeasuredCoverage", "guardianThreshold", "gradientStepsPerSecond");
    }

    /** Share of 21 states on [-1, 1] whose dose lies in the dense support [0, 0.35]. */
    private static double insideShare(CqlPolicy policy) {
        int inside = 0;
        for (int i = 0; i <= 20; i++) {
            double dose = policy.act(new double[] {-1 + i * 0.1})[0];
            inside += dose <= ToyBandits.DENSE_MAX + 0.05 ? 1 : 0;
        }
        return inside / 21.0;
    }

    @Test
    void policyActsInDatasetUnitsThroughItsSnapshotAndReportsProvenance() {
        double[] a = cql.act(new double[] {0.3});
        assertThat(a).hasSize(1);
        assertThat(a[0]).isBetween(0.0, 1.0);
        assertThat(cql.network().apply(new double[] {0.3})[0]).isCloseTo(a[0], within(1e-12));
        assertThat(cql.stateDimension()).isEqualTo(1);
        assertThat(cql.actionDimension()).isEqualTo(1);
        assertThat(cql.network().layers()).hasSize(3);
        assertThat(cql.network().layers().get(2).activation()).isEqualTo(MlpSnapshot.Activation.TANH);
        assertThat(cql.provenance().algorithm()).isEqualTo("test");
        assertThat(cql.provenance().datasetSha256()).isEqualTo(data.contentHash());
        assertThat(cql.provenance().configJson()).contains("\"alpha\":1.0");
    }

    @Test
    void sameSeedGivesTheSamePolicyAndAnotherSeedAnother() {
        CqlContinuousConfig config = ToyBandits.fast(CqlContinuousConfig.ccql(), 30);
        List<Double> steps = new ArrayList<>();
        CqlPolicy first = new CqlLearner("ccql").fit(data, config, (i, m) -> steps.add(m.get("step")));
        CqlPolicy second = new CqlLearner("ccql").fit(data, config, TrainingListener.NONE);
        CqlPolicy other = new CqlLearner("ccql").fit(data, config.withSeed(8), TrainingListener.NONE);
        for (int l = 0; l < first.network().layers().size(); l++) {
            assertThat(second.network().layers().get(l).weights()).isEqualTo(first.network().layers().get(l).weights());
            assertThat(second.critic().layers().get(l).weights()).isEqualTo(first.critic().layers().get(l).weights());
        }
        assertThat(other.network().layers().get(0).weights()).isNotEqualTo(first.network().layers().get(0).weights());
        assertThat(steps).hasSize(30).startsWith(1.0, 2.0).endsWith(30.0);
    }
}
