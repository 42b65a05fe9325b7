package dev.vigil.offlinerl.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.common.Sha256;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.Outcome;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.discretise.ActionBins;
import dev.vigil.offlinerl.discretise.CostSource;
import dev.vigil.offlinerl.discretise.DiscretisationReport;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.discretise.DoseBins;
import dev.vigil.offlinerl.discretise.StateClusters;
import dev.vigil.offlinerl.safetyreport.PolicySafetyReports;
import dev.vigil.safety.constraint.SafetyConstraintReport;
import dev.vigil.safety.constraint.SafetyConstraintReportBuilder;
import dev.vigil.safety.constraint.SafetyThresholds;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
import dev.vigil.safety.cost.RuleStatus;
import dev.vigil.safety.guardian.KnnConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hand-made two-patient dataset and a one-cluster policy whose answers and report are computed by hand. */
class BedsidePolicyTest {

    // Features: spo2, map, lactate, urine_output_cum, weight. Actions: iv_fluid, vasopressor.
    // Patient p1, as in DerivedCostsTest: logged step costs 0, 2 (SpO2 90, MAP 60), 3 (lactate 5 rising, vaso 0.6,
    // fluid 2500). Patient p2 is healthy throughout and gets little: cost 0.
    static final double[][] P1_STATES = {{97, 70, 2, 500, 70}, {90, 60, 3, 900, 70}, {95, 70, 5, 1200, 70}};
    static final double[][] P1_ACTIONS = {{500, 0}, {1000, 0.1}, {2500, 0.6}};
    static final double[][] P2_STATES = {{97, 75, 1, 600, 70}, {96, 72, 1, 900, 70}, {98, 80, 1, 1300, 70}};
    static final double[][] P2_ACTIONS = {{250, 0}, {250, 0}, {0, 0}};

    static TrajectoryDataset data() {
        DatasetSchema schema = new DatasetSchema("tiny-sepsis", SpaceType.continuous(),
                List.of(new Variable("spo2", "%"), new Variable("map", "mm[Hg]"), new Variable("lactate", "mmol/L"),
                        new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"), new Variable("vasopressor", "ug/kg/min")),
                false, false, "icu-sepsis", "1", Duration.ofHours(4));
        return new TrajectoryDataset(schema, List.of(episode("p1", P1_STATES, P1_ACTIONS, true),
                episode("p2", P2_STATES, P2_ACTIONS, false)));
    }

    static Episode episode(String id, double[][] states, double[][] actions, boolean died) {
        return new Episode(id, new ContinuousStates(states, new boolean[states.length][states[0].length]),
                new ContinuousActions(actions), null, null, new Outcome(died, 10), null, List.of());
    }

    /** One cluster; fluid bins {0, 250, 2500}, vasopressor bins {0, 0.1, 0.6}; pi = 0.6 on (2, 2), 0.3 on (1, 1), 0.1 on (0, 0). */
    static DiscretisedPolicy policy(TrajectoryDataset data) {
        StateClusters clusters = new StateClusters(new double[] {95, 70, 2, 900, 70}, new double[] {90, 60, 1, 500, 70},
                new double[] {98, 80, 5, 1300, 70}, new double[][] {{0.5, 0.5, 0.5, 0.5, 0}});
        DoseBins bins = new DoseBins(List.of(new ActionBins("iv_fluid", new double[] {500}, new double[] {0, 250, 2500}),
                new ActionBins("vasopressor", new double[] {0.2}, new double[] {0, 0.1, 0.6})));
        double[][] p = new double[1][9];
        p[0][8] = 0.6;
        p[0][4] = 0.3;
        p[0][0] = 0.1;
        String config = "{}";
        return new DiscretisedPolicy(p, clusters, bins, new DiscretisationReport(1, List.of(3, 3), CostSource.RULE_SET,
                RuleSets.sepsisBedside().ref(), "", false, "", 0),
                new PolicyProvenance("ogsrl", config, Sha256.hex(config.getBytes(StandardCharsets.UTF_8)),
                        data.contentHash(), "sepsis-bedside@1.0.0", "test"),
                new FitReport(Map.of(), List.of(), List.of()));
    }

    static BedsidePolicy served() {
        TrajectoryDataset data = data();
        return BedsidePolicy.load(policy(data), data, RuleSets.sepsisBedside(),
                new BedsideConfig(new KnnConfig(1, 5, 0), 2, 3));
    }

    @Test
    void recommendsTheMostProbableBinWithAlternativesRulesAndSimilarPatients() {
        BedsidePolicy served = served();

        Recommendation answer = served.recommend(new ClinicalState(P2_STATES[0], null, new double[] {250, 0}));

        assertThat(answer.policyChoice().actionId()).isEqualTo(8);
        assertThat(answer.policyChoice().bins()).containsExactly(2, 2);
        assertThat(answer.policyChoice().doses()).containsExactly(2500, 0.6);
        assertThat(answer.policyChoice().probability()).isEqualTo(0.6);
        assertThat(answer.alternatives()).extracting(DoseChoice::actionId).containsExactly(4, 0);
        assertThat(answer.alternatives().get(0).doses()).containsExactly(250, 0.1);
        // 2500 mL > 2000 and 0.6 > 0.5; the state itself is healthy; lactate has no previous bloc.
        assertThat(answer.rules()).extracting(RuleCheck::ruleId, RuleCheck::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sepsis.spo2-low", RuleStatus.SATISFIED),
                org.assertj.core.groups.Tuple.tuple("sepsis.urine-output-low", RuleStatus.SATISFIED),
                org.assertj.core.groups.Tuple.tuple("sepsis.map-low", RuleStatus.SATISFIED),
                org.assertj.core.groups.Tuple.tuple("sepsis.lactate-high-rising", RuleStatus.NOT_EVALUABLE),
                org.assertj.core.groups.Tuple.tuple("sepsis.vasopressor-high", RuleStatus.VIOLATED),
                org.assertj.core.groups.Tuple.tuple("sepsis.iv-fluid-high", RuleStatus.VIOLATED));
        assertThat(answer.totalCost()).isEqualTo(2.0);
        assertThat(answer.similar()).hasSize(2);
        assertThat(answer.similar().get(0).patientId()).isEqualTo("p2");
        assertThat(answer.similar().get(0).bloc()).isZero();
        assertThat(answer.similar().get(0).distance()).isZero();
        assertThat(answer.similar().get(0).died()).isFalse();
        assertThat(answer.similar().get(0).loggedDoses()).containsExactly(250, 0);
        assertThat(answer.similar().get(1).patientId()).isEqualTo("p1");
    }

    @Test
    void outsideTheSupportItSaysSoAndContinuesTheCurrentDoses() {
        BedsidePolicy served = served();
        double[] extreme = {40, 200, 25, 50, 70};

        Recommendation answer = served.recommend(new ClinicalState(extreme, null, new double[] {250, 0.1}));

        assertThat(answer.inSupport()).isFalse();
        assertThat(answer.guardian().score()).isLessThan(answer.guardian().threshold());
        assertThat(answer.fallback().currentDosesKnown()).isTrue();
        assertThat(answer.recommended().doses()).containsExactly(250, 0.1);
        assertThat(answer.recommended().bins()).containsExactly(1, 1);
        assertThat(answer.fallback().rules()).extracting(RuleCheck::ruleId).contains("sepsis.map-low");

        Recommendation unknown = served.recommend(new ClinicalState(extreme, null, null));
        assertThat(unknown.fallback().choice()).isNull();
        assertThat(unknown.fallback().explanation()).contains("not known");
    }

    @Test
    void refusesWrongShapesAndInfiniteValuesNamingThem() {
        BedsidePolicy served = served();
        assertThatThrownBy(() -> served.recommend(new ClinicalState(new double[] {97, 70}, null, null)))
                .hasMessageContaining("2 features").hasMessageContaining("spo2, map, lactate");
        assertThatThrownBy(() -> served.recommend(new ClinicalState(
                new double[] {97, Double.POSITIVE_INFINITY, 1, 1, 70}, null, null))).hasMessageContaining("map");
        assertThatThrownBy(() -> served.assess(new ClinicalState(P1_STATES[0], null, null), new double[] {1}))
                .hasMessageContaining("iv_fluid, vasopressor");
    }

    /**
     * The served policy's recommendations, charged by the full safety-constraint report (the gate for serving it),
     * match the hand count: the report reads the same most probable dose bin that {@link BedsidePolicy} recommends.
     */
    @Test
    void safetyConstraintReportOfTheServedPolicyMatchesTheHandCount() {
        TrajectoryDataset data = data();
        SafetyConstraintReport report = new SafetyConstraintReportBuilder(
                CostModel.compile(RuleSets.sepsisBedside(), data.schema()), new CostBudget(5), SafetyThresholds.defaults())
                .build(data, PolicySafetyReports.of(policy(data)), "bedside", Map.of());

        assertThat(report.episodes()).isEqualTo(2);
        assertThat(report.steps()).isEqualTo(6);
        // Clinicians: p1 costs 0 + 2 + 3, p2 nothing: 5 / 2 episodes.
        assertThat(report.clinicians().meanEpisodeCost()).isCloseTo(2.5, within(1e-12));
        // Policy: 2500 mL and 0.6 everywhere (+2 per bloc, 12), plus p1's state rules 2 + 1: 15 / 2.
        assertThat(report.policy().meanEpisodeCost()).isCloseTo(7.5, within(1e-12));
        assertThat(report.policy().normalisedCost()).isCloseTo(1.5, within(1e-12));
        Map<String, SafetyConstraintReport.RuleRow> byRule = new java.util.HashMap<>();
        report.rules().forEach(r -> byRule.put(r.ruleId(), r));
        assertThat(byRule.get("sepsis.vasopressor-high").policyViolationRate()).isEqualTo(1.0);
        assertThat(byRule.get("sepsis.vasopressor-high").clinicianViolationRate()).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(byRule.get("sepsis.spo2-low").policyViolationRate()).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(byRule.get("sepsis.urine-output-low").clinicianViolationRate()).isZero();
        // Lactate rising needs the previous bloc: the first bloc of each patient is not evaluable.
        assertThat(byRule.get("sepsis.lactate-high-rising").evaluableSteps()).isEqualTo(4);
        assertThat(report.verdict().pass()).isFalse();
        assertThat(report.ruleSet().version()).isEqualTo("1.0.0");
    }

    @Test
    void refusesAPolicyOfAnotherDataset() {
        TrajectoryDataset data = data();
        TrajectoryDataset other = new TrajectoryDataset(data.schema(), List.of(data.episodes().get(0)));
        assertThatThrownBy(() -> BedsidePolicy.load(policy(data), other, RuleSets.sepsisBedside(),
                BedsideConfig.defaults())).hasMessageContaining("trained on dataset");
    }
}
