package dev.vigil.offlinerl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.report.EvaluationReport.CandidateBound;
import dev.vigil.offlinerl.report.EvaluationReport.OpeRow;
import dev.vigil.offlinerl.report.EvaluationReport.RewardCostPoint;
import dev.vigil.safety.cost.CostBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoint selection and the OPE and cost rows on {@link TinyData}, with hand-computed values. */
class CheckpointSelectionTest {

    private static final TrajectoryDataset DATA = TinyData.dataset();

    private static EvaluationReportBuilder builder() {
        // Good checkpoint at 10, a mixed one at 15, the bad last policy at 20.
        return EvaluationReportBuilder.forData(DATA, EvaluationSpace.discrete(DATA))
                .checkpoints(List.of(new Checkpoint(10, TinyData.policy("good", 1)),
                        new Checkpoint(15, TinyData.policy("mixed", 0.5))))
                .policy(TinyData.policy("bad", 0), 20).budget(new CostBudget(1)).bootstrap(200, 0.95).seed(3);
    }

    @Test
    void bestByLowerBoundShowsTheGoodCheckpoint() {
        EvaluationReport report = builder().selection(CheckpointSelection.BEST_LOWER_BOUND).build();

        assertThat(report.checkpoint().selection()).isEqualTo("best-by-ope-lower-bound");
        assertThat(report.checkpoint().iteration()).isEqualTo(10);
        List<CandidateBound> c = report.checkpoint().candidates();
        assertThat(c).extracting(CandidateBound::iteration).containsExactly(10, 15, 20);
        assertThat(c.get(0).estimate()).isCloseTo(1, within(1e-12));
        assertThat(c.get(0).lowerBound()).isCloseTo(1, within(1e-12));
        assertThat(c.get(1).estimate()).isCloseTo(0.5, within(1e-12));
        assertThat(c.get(1).lowerBound()).isBetween(0.0, 0.5);
        assertThat(c.get(2).estimate()).isCloseTo(0, within(1e-12));
        assertThat(c.get(2).lowerBound()).isCloseTo(0, within(1e-12));

        OpeRow wis = report.ope().policy().get(0);
        assertThat(wis.estimator()).isEqualTo("WIS");
        assertThat(wis.estimate()).isCloseTo(1, within(1e-12));
        // Half the episodes have weight 2, half weight 0: ESS = (5 * 2)^2 / (5 * 4) = 5.
        assertThat(wis.effectiveSampleSize()).isCloseTo(5, within(1e-12));
        assertThat(report.ope().policy()).extracting(OpeRow::estimator).containsExactly("WIS", "WPDIS", "FQE", "WDR");
        assertThat(report.ope().policy()).allSatisfy(r -> assertThat(r.estimate()).isCloseTo(1, within(1e-12)));
        // The clinicians' own WIS is the mean return.
        assertThat(report.ope().clinicians().get(0).estimate()).isCloseTo(0.5, within(1e-12));
        assertThat(report.ope().flooredPairs()).isZero();
    }

    @Test
    void lastShowsTheLastPolicyWhateverItsBound() {
        EvaluationReport report = builder().selection(CheckpointSelection.LAST).build();

        assertThat(report.checkpoint().selection()).isEqualTo("last");
        assertThat(report.checkpoint().iteration()).isEqualTo(20);
        assertThat(report.ope().policy().get(0).estimate()).isCloseTo(0, within(1e-12));
    }

    @Test
    void wdrCanRankTheCandidates() {
        EvaluationReport report = builder().selection(CheckpointSelection.BEST_LOWER_BOUND, "WDR").build();
        assertThat(report.checkpoint().selectionEstimator()).isEqualTo("WDR");
        assertThat(report.checkpoint().iteration()).isEqualTo(10);
        assertThatThrownBy(() -> builder().selection(CheckpointSelection.LAST, "IS"))
                .hasMessageContaining("WIS or WDR");
    }

    @Test
    void rewardVersusCostHasTheCliniciansThePolicyAndEveryCheckpoint() {
        EvaluationReport report = builder().build();

        assertThat(report.rewardVersusCost().budget()).isEqualTo(1);
        List<RewardCostPoint> points = report.rewardVersusCost().points();
        assertThat(points).extracting(RewardCostPoint::kind)
                .containsExactly("clinicians", "policy", "checkpoint", "checkpoint", "checkpoint");
        // Clinicians: mean return 0.5, mean cost 1 (half the episodes cost 2): within the budget of 1.
        assertThat(points.get(0).reward()).isCloseTo(0.5, within(1e-12));
        assertThat(points.get(0).cost()).isCloseTo(1, within(1e-12));
        assertThat(points.get(0).withinBudget()).isTrue();
        assertThat(points.get(1).cost()).isCloseTo(0, within(1e-12));
        assertThat(points.get(4).cost()).isCloseTo(2, within(1e-12));
        assertThat(points.get(4).withinBudget()).isFalse();
        assertThat(report.ruleCosts()).extracting(EvaluationReport.RuleCost::rule).containsExactly("data", "total");
        // Discrete data without dose bins: no heat maps, dose excess or OOD, each said in a note.
        assertThat(report.actions()).isNull();
        assertThat(report.doseExcess()).isEmpty();
        assertThat(report.ood()).isNull();
        assertThat(report.notes()).anyMatch(n -> n.contains("heat maps")).anyMatch(n -> n.contains("guardian"));
    }

    @Test
    void whenNoCandidateHasALowerBoundTheLastIsShownAndANoteSaysWhy() {
        // A third action nobody logged: policies taking only it give every episode weight 0, so WIS is undefined.
        EvaluatedPolicy never = new EvaluatedPolicy() {
            @Override
            public String name() {
                return "never";
            }

            @Override
            public double[] actionProbabilities(LoggedStep step) {
                return new double[] {0, 0, 1};
            }

            @Override
            public double[] recommendedDoses(LoggedStep step) {
                return null;
            }
        };
        EvaluationReport report = EvaluationReportBuilder.forData(DATA, new EvaluationSpace(null, null, 1, 3))
                .checkpoints(List.of(new Checkpoint(1, never))).policy(never, 2).bootstrap(20, 0.95).seed(1).build();

        assertThat(report.checkpoint().iteration()).isEqualTo(2);
        assertThat(report.checkpoint().candidates()).allSatisfy(c -> assertThat(c.lowerBound()).isNaN());
        assertThat(report.ope().policy().get(0).estimate()).isNaN();
        assertThat(report.notes()).anyMatch(n -> n.contains("showing the last checkpoint"))
                .anyMatch(n -> n.startsWith("Low effective sample size"));
        assertThat(ReportJson.read(ReportJson.write(report)).ope().policy().get(0).estimate()).isNaN();
    }

    @Test
    void sameSeedSameReport() {
        assertThat(ReportJson.write(builder().build())).isEqualTo(ReportJson.write(builder().build()));
    }

    @Test
    void aPolicyWithTheWrongNumberOfActionsIsRejectedByName() {
        assertThatThrownBy(() -> EvaluationReportBuilder.forData(DATA, EvaluationSpace.discrete(DATA))
                .policy(new EvaluatedPolicy() {
                    @Override
                    public String name() {
                        return "three";
                    }

                    @Override
                    public double[] actionProbabilities(LoggedStep step) {
                        return new double[] {1, 0, 0};
                    }

                    @Override
                    public double[] recommendedDoses(LoggedStep step) {
                        return null;
                    }
                }, 1).seed(1).build())
                .hasMessageContaining("three").hasMessageContaining("episode e0");
    }
}
