package dev.vigil.offlinerl.safetyreport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.safety.constraint.SafetyConstraintReport;
import dev.vigil.safety.constraint.SafetyThresholds;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.RuleSets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolicySafetyReportsTest {

    /** 60 episodes of 6 steps: safe vitals with noise, fluids 200-800 mL, vasopressor 0-0.3, some NaN SpO2. */
    private static TrajectoryDataset data() {
        DatasetSchema schema = new DatasetSchema("guarded", SpaceType.continuous(),
                List.of(new Variable("spo2", "%"), new Variable("map", "mm[Hg]"), new Variable("lactate", "mmol/L"),
                        new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"),
                        new Variable("vasopressor", "ug/kg/min")),
                false, false, "icu-sepsis", "1.0.0", Duration.ofHours(4));
        SplittableRandom random = new SplittableRandom(5);
        List<Episode> episodes = new ArrayList<>();
        for (int e = 0; e < 60; e++) {
            double[][] s = new double[6][];
            boolean[][] missing = new boolean[6][5];
            double[][] a = new double[6][];
            for (int t = 0; t < 6; t++) {
                double spo2 = random.nextDouble() < 0.1 ? Double.NaN : 94 + 4 * random.nextDouble();
                missing[t][0] = Double.isNaN(spo2);
                s[t] = new double[] {spo2, 70 + 10 * random.nextDouble(), 1 + random.nextDouble(),
                    300 * (t + 1), 70};
                a[t] = new double[] {200 + 600 * random.nextDouble(), 0.3 * random.nextDouble()};
            }
            episodes.add(new Episode("p" + e, new ContinuousStates(s, missing), new ContinuousActions(a), null, null,
                    null, null, null));
        }
        return new TrajectoryDataset(schema, episodes);
    }

    @Test
    void theGuardianKeepsLoggedDecisionsAndFlagsDosesFarOutsideTheData() {
        TrajectoryDataset data = data();
        DatasetGuardian guardian = DatasetGuardian.fit(data, 7);
        assertThat(guardian.calibration().measuredCoverage()).isGreaterThan(0.85);
        double[] state = {96, 75, 1.5, 600, 70};
        assertThat(guardian.judge(state, new double[] {500, 0.15}).inSupport()).isTrue();
        assertThat(guardian.judge(state, new double[] {4000, 1.5}).inSupport()).isFalse();
        // A missing feature is imputed with the training mean rather than breaking the judgement.
        assertThat(guardian.judge(new double[] {Double.NaN, 75, 1.5, 600, 70}, new double[] {500, 0.15})
                .inSupport()).isTrue();
    }

    @Test
    void anEscalatingPolicyIsChargedForItsDosesAndLeavesTheSupport() {
        TrajectoryDataset data = data();
        SafetyConstraintReport report = PolicySafetyReports.build((episode, t) -> new double[] {2500, 0.8}, data,
                RuleSets.sepsisBedside(), new CostBudget(0.5), SafetyThresholds.defaults(), 7, "escalating",
                Map.of("Data hash", data.contentHash()));
        assertThat(report.policy().oodRate()).isEqualTo(1.0);
        assertThat(report.clinicians().oodRate()).isLessThan(0.2);
        // Both dose ceilings are violated at every step: cost 2 per step, 12 per episode.
        assertThat(report.policy().meanEpisodeCost()).isEqualTo(12.0);
        assertThat(report.clinicians().meanEpisodeCost()).isEqualTo(0.0);
        assertThat(report.verdict().pass()).isFalse();
        assertThat(report.provenance()).containsEntry("Data hash", data.contentHash());
    }
}
