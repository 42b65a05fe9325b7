package dev.vigil.offlinerl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static EvaluationReport report() {
        TrajectoryDataset data = TinyData.dataset();
        return EvaluationReportBuilder.forData(data, EvaluationSpace.discrete(data)).runName("tiny <run>")
                .policy(TinyData.policy("good", 0.9), 3)
                .metrics(List.of(new MetricSample(2, "loss", 0.5), new MetricSample(1, "loss", 1.0),
                        new MetricSample(1, "return", Double.NaN), new MetricSample(3, "return", 0.7)))
                .bootstrap(50, 0.9).seed(5).build();
    }

    @Test
    void roundTripsAndStartsWithTheFormat() {
        EvaluationReport report = report();
        String json = ReportJson.write(report);

        assertThat(json.trim()).startsWith("{\n  \"format\" : \"vigil-evaluation-report\",\n  \"formatVersion\" : 1,");
        EvaluationReport read = ReportJson.read(json);
        assertThat(ReportJson.write(read)).isEqualTo(json);
        assertThat(read.runName()).isEqualTo("tiny <run>");
        assertThat(read.ope().policy()).isEqualTo(report.ope().policy());
        assertThat(read.checkpoint()).isEqualTo(report.checkpoint());
        // Learning curves: sorted by iteration, non-finite values dropped.
        assertThat(read.learningCurves().keySet()).containsExactly("loss", "return");
        assertThat(read.learningCurves().get("loss")).containsExactly(new EvaluationReport.CurvePoint(1, 1.0),
                new EvaluationReport.CurvePoint(2, 0.5));
        assertThat(read.learningCurves().get("return")).containsExactly(new EvaluationReport.CurvePoint(3, 0.7));
    }

    @Test
    void rejectsAnotherFormatOrVersion() {
        String json = ReportJson.write(report());
        assertThatThrownBy(() -> ReportJson.read(json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> ReportJson.read("{\"format\":\"other\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
