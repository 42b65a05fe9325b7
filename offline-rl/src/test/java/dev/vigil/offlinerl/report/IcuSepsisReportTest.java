package dev.vigil.offlinerl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.synth.SepsisCohortConfig;
import dev.vigil.ingestion.synth.SepsisCohortGenerator;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.algo.continuous.MlpSnapshot;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;
import dev.vigil.offlinerl.discretise.DiscretisedOgsrl;
import dev.vigil.offlinerl.discretise.DiscretisedOgsrlConfig;
import dev.vigil.offlinerl.discretise.DiscretisedPolicy;
import dev.vigil.offlinerl.experiment.IcuSepsisExperiment;
import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessBin;
import dev.vigil.offlinerl.report.EvaluationReport.DoseExcessCurve;
import dev.vigil.offlinerl.report.EvaluationReport.RuleCost;
import dev.vigil.offlinerl.report.chart.Figure;
import dev.vigil.safety.cost.CostBudget;
import dev.vigil.safety.cost.CostModel;
import dev.vigil.safety.cost.RuleSets;
import dev.vigil.safety.guardian.KnnConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A complete report on a small synthetic ICU cohort (ingested through icu-sepsis), for guarded OGSRL with the
 * unguarded fit as an earlier checkpoint, the sepsis-bedside costs and a k-NN guardian; then its HTML.
 */
class IcuSepsisReportTest {

    private static final String HOSTILE_NAME = "<script>alert('x')</script> & run";

    private static TrajectoryDataset data;
    private static DiscretisedPolicy guarded;
    private static CostModel costs;
    private static EvaluationReport report;
    private static List<MetricSample> metrics;

    @BeforeAll
    static void build() throws Exception {
        Path dir = Files.createTempDirectory("vigil-report");
        new SepsisCohortGenerator(2).generate(SepsisCohortConfig.of(60, 5), dir);
        data = new IngestionPipeline(UnitConverter.load()).run(new BulkNdjsonSource(dir),
                CohortSpecs.shipped("icu-sepsis"), IngestionListener.NONE, "report-test");
        MetricSample.Recorder recorder = new MetricSample.Recorder();
        guarded = fit(IcuSepsisExperiment.guarded(4), recorder);
        DiscretisedPolicy unguarded = fit(IcuSepsisExperiment.unguarded(4), new MetricSample.Recorder());
        metrics = recorder.samples();
        int last = metrics.stream().mapToInt(MetricSample::iteration).max().orElse(1);
        costs = CostModel.compile(RuleSets.sepsisBedside(), data.schema());
        report = EvaluationReportBuilder.forData(data, EvaluationSpace.of(guarded)).runName(HOSTILE_NAME)
                .provenance(guarded.provenance())
                .policy(EvaluatedPolicies.softened(EvaluatedPolicies.of("ogsrl", guarded), 0.1), last)
                .checkpoints(List.of(new Checkpoint(0,
                        EvaluatedPolicies.softened(EvaluatedPolicies.of("ogsrl-unguarded", unguarded), 0.1))))
                .note("Policies softened with epsilon 0.1 for importance sampling.")
                .metrics(metrics).costModel(costs).budget(CostBudget.ogsrl())
                .guardian(ReportGuardian.fitKnn(data, KnnConfig.defaults(), 0.2, 7))
                .bootstrap(200, 0.95).seed(11).build();
    }

    private static DiscretisedPolicy fit(OgsrlConfig ogsrl, MetricSample.Recorder recorder) {
        DiscretisedOgsrlConfig config = DiscretisedOgsrlConfig.of(ogsrl).withClusters(20).withSeed(4);
        return (DiscretisedPolicy) new DiscretisedOgsrl().fit(data, config, recorder);
    }

    @Test
    void everySectionIsFilled() {
        long steps = data.totalSteps();
        assertThat(report.run().algorithm()).isEqualTo("ogsrl");
        assertThat(report.run().datasetSha256()).isEqualTo(data.contentHash());
        assertThat(report.run().ruleSetVersion()).startsWith("sepsis-bedside@");
        assertThat(report.run().steps()).isEqualTo(steps);
        assertThat(report.checkpoint().candidates()).hasSize(2);
        assertThat(report.learningCurves()).isNotEmpty();
        assertThat(report.ope().onDiscretisedData()).isTrue();
        assertThat(report.ope().rewardSource()).isEqualTo("outcome");
        assertThat(report.ope().policy()).hasSize(4);
        assertThat(report.ope().clinicians()).allSatisfy(r -> assertThat(r.estimate()).isBetween(-1.0, 1.0));
        assertThat(report.rewardVersusCost().points()).hasSize(4);

        assertThat(report.ood().guardian()).startsWith("k-NN distance");
        assertThat(report.ood().steps()).isEqualTo(steps);
        assertThat(report.ood().policyRate()).isBetween(0.0, 1.0);
        assertThat(report.ood().clinicianRate()).isBetween(0.0, 1.0);
        assertThat(report.ood().targetCoverage()).isCloseTo(0.95, within(1e-12));
        assertThat(report.ood().measuredCoverage()).isBetween(0.0, 1.0);
    }

    @Test
    void heatMapsCountEveryLoggedStepOnce() {
        long steps = data.totalSteps();
        var maps = report.actions();
        assertThat(maps.rowAction()).isEqualTo("vasopressor");
        assertThat(maps.columnAction()).isEqualTo("iv_fluid");
        assertThat(sum(maps.clinician())).isEqualTo(steps);
        assertThat(sum(maps.policy())).isEqualTo(steps);
        assertThat(sum(maps.confusion())).isEqualTo(steps);
        // The confusion matrix's row sums are the clinicians' joint-id counts, counted here independently.
        long[] logged = new long[guarded.actionCount()];
        for (Episode e : data.episodes()) {
            for (double[] doses : ((dev.vigil.ingestion.dataset.ContinuousActions) e.actions()).values()) {
                logged[guarded.bins().id(doses)]++;
            }
        }
        for (int a = 0; a < logged.length; a++) {
            assertThat(Arrays.stream(maps.confusion()[a]).sum()).as("clinician id %d", a).isEqualTo(logged[a]);
        }
    }

    @Test
    void doseExcessCoversEveryStepWithAKnownOutcome() {
        assertThat(report.doseExcess()).extracting(DoseExcessCurve::action).containsExactly(
                data.schema().actions().stream().map(v -> v.name()).toArray(String[]::new));
        for (DoseExcessCurve c : report.doseExcess()) {
            long binned = c.bins().stream().mapToLong(DoseExcessBin::steps).sum();
            assertThat(binned + c.skippedSteps()).isEqualTo(data.totalSteps());
            assertThat(c.bins()).hasSize(9);
        }
    }

    @Test
    void cliniciansRuleCostsAreTheObservedMeanCostPerEpisode() {
        double observed = data.episodes().stream().mapToDouble(e -> costs.evaluate(e).total()).average().orElseThrow();
        RuleCost total = report.ruleCosts().get(report.ruleCosts().size() - 1);
        assertThat(total.rule()).isEqualTo("total");
        assertThat(total.clinicians()).isCloseTo(observed, within(1e-9));
        assertThat(report.ruleCosts()).extracting(RuleCost::rule).startsWith(costs.ruleIds().toArray(String[]::new));
        double perRule = report.ruleCosts().stream().filter(r -> !r.rule().equals("total"))
                .mapToDouble(RuleCost::clinicians).sum();
        assertThat(perRule).isCloseTo(observed, within(1e-9));
    }

    @Test
    void aContinuousPolicySoftenedIntoTheBinsRecommendsTheSameBins() {
        // The guarded policy's own doses as a continuous policy: its bins are the discretised policy's choices.
        ContinuousPolicy continuous = new ContinuousPolicy() {
            @Override
            public int stateDimension() {
                return data.schema().stateWidth();
            }

            @Override
            public int actionDimension() {
                return data.schema().actionWidth();
            }

            @Override
            public double[] act(double[] state) {
                return guarded.actionFor(state);
            }

            @Override
            public MlpSnapshot network() {
                throw new UnsupportedOperationException("not a network");
            }

            @Override
            public PolicyProvenance provenance() {
                return guarded.provenance();
            }

            @Override
            public FitReport report() {
                return guarded.report();
            }
        };
        // A space of its own (k-means on the data, quartile dose bins: the same bins as the guarded fit's).
        EvaluationSpace space = EvaluationSpace.fit(data, 15, 3);
        assertThat(space.stateCount()).isEqualTo(15);
        EvaluatedPolicy softened = EvaluatedPolicies.of("continuous", continuous, space.bins(),
                space.clusters().fill(), 0.1);
        EvaluatedPolicy tabular = EvaluatedPolicies.of("tabular", guarded);
        double[] state = ((dev.vigil.ingestion.dataset.ContinuousStates) data.episodes().get(0).states()).values()[0];
        LoggedStep step = new LoggedStep(0, 0, state, guarded.stateId(state), 0, new double[] {0, 0});
        int bin = tabular.recommendedActionId(step);
        assertThat(softened.recommendedActionId(step)).isEqualTo(bin);
        double[] p = softened.actionProbabilities(step);
        assertThat(p[bin]).isCloseTo(0.9 + 0.1 / p.length, within(1e-12));
        assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));

        EvaluationReport continuousReport = EvaluationReportBuilder.forData(data, space)
                .policy(softened, 1).costModel(costs).bootstrap(50, 0.95).seed(2).build();
        assertThat(continuousReport.ope().stateCount()).isEqualTo(15);
        assertThat(continuousReport.ope().actionCount()).isEqualTo(guarded.actionCount());
        assertThat(continuousReport.ope().policy().get(0).estimate()).isBetween(-1.0, 1.0);
        assertThat(continuousReport.doseExcess()).hasSize(2);
    }

    @Test
    void htmlIsSelfContainedEscapedAndHasEveryFigure() throws Exception {
        ReportHtmlWriter writer = new ReportHtmlWriter();
        String html = writer.html(report);
        Map<String, Figure> figures = writer.figures(report);

        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; run");
        for (String id : List.of("notes", "run", "checkpoint", "learning-curves", "ope", "reward-vs-cost", "ood",
                "actions", "dose-excess", "rule-costs")) {
            assertThat(html).contains("<h2 id=\"" + id + "\">");
        }
        assertThat(figures.keySet()).contains("reward-vs-cost", "ood-rates", "actions-clinicians", "actions-policy",
                "actions-confusion", "dose-excess-iv-fluid", "dose-excess-vasopressor");
        assertThat(figures.keySet()).anyMatch(n -> n.startsWith("learning-curve-"));
        Pattern img = Pattern.compile("<figure id=\"figure-([a-z0-9-]+)\"><img alt=\"[^\"]*\" width=\"(\\d+)\" "
                + "height=\"(\\d+)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");
        Matcher m = img.matcher(html);
        int found = 0;
        while (m.find()) {
            found++;
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(4))));
            assertThat(image).as(m.group(1)).isNotNull();
            assertThat(image.getWidth()).as(m.group(1)).isEqualTo(Integer.parseInt(m.group(2)))
                    .isEqualTo(figures.get(m.group(1)).width());
            assertThat(image.getHeight()).as(m.group(1)).isEqualTo(Integer.parseInt(m.group(3)));
        }
        assertThat(found).isEqualTo(figures.size());

        if (System.getenv("VIGIL_REPORT_OUT") != null) {
            Files.writeString(Path.of(System.getenv("VIGIL_REPORT_OUT") + ".html"), html);
            Files.writeString(Path.of(System.getenv("VIGIL_REPORT_OUT") + ".json"), ReportJson.write(report));
        }
        Path file = Files.createTempFile("vigil-report", ".html");
        writer.write(report, file);
        assertThat(Files.readString(file)).isEqualTo(html);
        Files.delete(file);
    }

    private static long sum(long[][] m) {
        return Arrays.stream(m).flatMapToLong(Arrays::stream).sum();
    }
}
