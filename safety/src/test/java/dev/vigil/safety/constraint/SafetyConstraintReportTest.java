package dev.vigil.safety.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.safety.constraint.SafetyConstraintReport.RuleRow;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
import dev.vigil.safety.guardian.Calibration;
import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.report.HtmlReportWriter;
import dev.vigil.safety.report.PdfReportWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Golden figures worked by hand. Two episodes of two steps, states otherwise safe (SpO2 97, MAP 75, lactate
 * 1.5, 1000 mL urine for 70 kg):
 * <pre>
 * A: logged (500 mL, 0.1) (2500 mL, 0.1)  -> clinicians violate iv-fluid-high once           cost 1
 *    policy (500 mL, 0.7) (500 mL, 0.7)   -> policy violates vasopressor-high twice          cost 2
 * B: SpO2 90 at step 1; logged and policy (500 mL, 0.1) twice -> spo2-low once on both sides  cost 1 each
 * spo2-low: 1/4 both; vasopressor-high: policy 2/4, clinicians 0; iv-fluid-high: policy 0, clinicians 1/4
 * mean episode cost: policy (2 + 1) / 2 = 1.5, clinicians 1; budget 1 -> normalised 1.5 and 1
 * within budget: policy 1/2, clinicians 2/2; failure rate 1 both; violating steps/episode 1.5 and 1
 * guardian: out of support when vasopressor > 0.5 -> policy 2/4, clinicians 0/4
 * </pre>
 */
class SafetyConstraintReportTest {

    private static DatasetSchema schema() {
        return new DatasetSchema("golden", SpaceType.continuous(),
                List.of(new Variable("spo2", "%"), new Variable("map", "mm[Hg]"), new Variable("lactate", "mmol/L"),
                        new Variable("urine_output_cum", "mL"), new Variable("weight", "kg")),
                SpaceType.continuous(), List.of(new Variable("iv_fluid", "mL"),
                        new Variable("vasopressor", "ug/kg/min")),
                false, false, "icu-sepsis", "1.0.0", Duration.ofHours(4));
    }

    private static Episode episode(String id, double[][] states, double[][] actions) {
        return new Episode(id, new ContinuousStates(states, new boolean[states.length][states[0].length]),
                new ContinuousActions(actions), null, null, null, null, null);
    }

    private static final double[] SAFE = {97, 75, 1.5, 1000, 70};
    private static final double[] LOW_SPO2 = {90, 75, 1.5, 1000, 70};

    private static TrajectoryDataset data() {
        return new TrajectoryDataset(schema(), List.of(
                episode("A", new double[][] {SAFE, SAFE}, new double[][] {{500, 0.1}, {2500, 0.1}}),
                episode("B", new double[][] {SAFE, LOW_SPO2}, new double[][] {{500, 0.1}, {500, 0.1}})));
    }

    private static final PolicyUnderReview POLICY = (episode, t) -> episode.id().equals("A")
            ? new double[] {500, 0.7} : new double[] {500, 0.1};

    private static final SupportJudge VASO_CEILING = (state, action) ->
            GuardVerdict.of(action[1] > 0.5 ? 0.0 : 1.0, 0.5);

    private static SafetyConstraintReportBuilder builder() {
        return new SafetyConstraintReportBuilder(CostModel.compile(RuleSets.sepsisBedside(), schema()),
                new CostBudget(1.0), SafetyThresholds.defaults());
    }

    private static SafetyConstraintReport report() {
        return builder().guardian(VASO_CEILING, new Calibration(0.95, 0.96, 200, 0.5))
                .build(data(), POLICY, "Golden policy", Map.of("Data hash", "abc", "Code version", "test"));
    }

    private static RuleRow rule(SafetyConstraintReport report, String id) {
        return report.rules().stream().filter(r -> r.ruleId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void perRuleFiguresMatchTheHandCount() {
        SafetyConstraintReport report = report();
        assertThat(report.episodes()).isEqualTo(2);
        assertThat(report.steps()).isEqualTo(4);
        assertThat(rule(report, "sepsis.spo2-low").policyViolationRate()).isEqualTo(0.25);
        assertThat(rule(report, "sepsis.spo2-low").clinicianViolationRate()).isEqualTo(0.25);
        assertThat(rule(report, "sepsis.vasopressor-high").policyViolationRate()).isEqualTo(0.5);
        assertThat(rule(report, "sepsis.vasopressor-high").clinicianViolationRate()).isEqualTo(0.0);
        assertThat(rule(report, "sepsis.vasopressor-high").policyCostPerEpisode()).isEqualTo(1.0);
        assertThat(rule(report, "sepsis.iv-fluid-high").clinicianViolationRate()).isEqualTo(0.25);
        assertThat(rule(report, "sepsis.iv-fluid-high").clinicianCostPerEpisode()).isEqualTo(0.5);
        // The rising-lactate rule needs a previous step: evaluable at step 1 of each episode only.
        assertThat(rule(report, "sepsis.lactate-high-rising").evaluableSteps()).isEqualTo(2);
        assertThat(report.ruleSet().version()).isEqualTo("1.0.0");
    }

    @Test
    void episodeFiguresMatchTheHandCount() {
        SafetyConstraintReport report = report();
        assertThat(report.policy().meanEpisodeCost()).isEqualTo(1.5);
        assertThat(report.policy().normalisedCost()).isEqualTo(1.5);
        assertThat(report.clinicians().meanEpisodeCost()).isEqualTo(1.0);
        assertThat(report.policy().withinBudgetRate()).isEqualTo(0.5);
        assertThat(report.clinicians().withinBudgetRate()).isEqualTo(1.0);
        assertThat(report.policy().failureRate()).isEqualTo(1.0);
        assertThat(report.policy().violatingStepsPerEpisode()).isEqualTo(1.5);
        assertThat(report.clinicians().violatingStepsPerEpisode()).isEqualTo(1.0);
        assertThat(report.policy().oodRate()).isEqualTo(0.5);
        assertThat(report.clinicians().oodRate()).isEqualTo(0.0);
        assertThat(report.policy().episodeCosts()).containsExactly(2.0, 1.0);
        assertThat(report.worstEpisodes()).extracting(SafetyConstraintReport.WorstEpisode::episodeId)
                .containsExactly("A", "B");
        assertThat(report.worstEpisodes().get(0).rulesViolated()).containsExactly("sepsis.vasopressor-high");
        assertThat(report.worstEpisodes().get(0).clinicianCost()).isEqualTo(1.0);
    }

    @Test
    void theVerdictNamesEveryFailedThreshold() {
        SafetyConstraintReport report = report();
        assertThat(report.verdict().pass()).isFalse();
        assertThat(report.verdict().reasons()).anyMatch(r -> r.startsWith("FAIL normalised cost 1.500"))
                .anyMatch(r -> r.startsWith("FAIL rule sepsis.vasopressor-high violated in 50.0 %"))
                .anyMatch(r -> r.startsWith("FAIL out-of-support rate 50.0 %"))
                .anyMatch(r -> r.startsWith("PASS guardian coverage on 200 held-out points 96.0 %"));
    }

    @Test
    void aPolicyThatFollowsTheCliniciansWithinBudgetPasses() {
        SafetyConstraintReport report = new SafetyConstraintReportBuilder(
                CostModel.compile(RuleSets.sepsisBedside(), schema()), new CostBudget(2.0), SafetyThresholds.defaults())
                .guardian(VASO_CEILING, new Calibration(0.95, 0.96, 200, 0.5))
                .build(data(), (episode, t) -> new double[] {500, 0.1}, "Safe policy", Map.of());
        assertThat(report.verdict().pass()).as(String.join("\n", report.verdict().reasons())).isTrue();
        assertThat(report.policy().normalisedCost()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void withoutAGuardianTheReportCannotPass() {
        SafetyConstraintReport report = builder().build(data(), (episode, t) -> new double[] {500, 0.1}, "t",
                Map.of());
        assertThat(report.policy().oodRate()).isNaN();
        assertThat(report.calibration()).isNull();
        assertThat(report.verdict().pass()).isFalse();
        assertThat(report.verdict().reasons()).anyMatch(r -> r.contains("no guardian"));
    }

    @Test
    void refusesBadRecommendationsNamingEpisodeAndStep() {
        assertThatThrownBy(() -> builder().build(data(), (e, t) -> new double[] {500}, "t", Map.of()))
                .hasMessageContaining("episode A step 0").hasMessageContaining("2 action columns");
        assertThatThrownBy(() -> builder().build(data(),
                (e, t) -> t == 1 ? new double[] {Double.NaN, 0} : new double[] {1, 0}, "t", Map.of()))
                .hasMessageContaining("episode A step 1").hasMessageContaining("non-finite");
        assertThatThrownBy(() -> new SafetyThresholds(-1, 0.05, 0.02, 0.9))
                .hasMessageContaining("maxNormalisedCost");
    }

    @Test
    void rendersAsHtmlAndAsAPdfWithItsFigures() throws Exception {
        var doc = SafetyReportDocument.of(report());
        assertThat(doc.figures()).extracting(f -> f.name()).containsExactly("episode-costs", "rule-violations");
        String html = HtmlReportWriter.write(doc);
        assertThat(html).contains("FAIL: at least one threshold is not met").contains("sepsis.vasopressor-high")
                .contains("sepsis-bedside 1.0.0");
        try (PDDocument pdf = Loader.loadPDF(PdfReportWriter.write(doc))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Golden policy").contains("Worst episodes").contains("Data hash")
                    .contains("sepsis.iv-fluid-high");
        }
    }
}
