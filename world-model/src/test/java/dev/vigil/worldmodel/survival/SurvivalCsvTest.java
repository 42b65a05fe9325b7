package dev.vigil.worldmodel.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurvivalCsvTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("cohort.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsQuotedHeadersAndSkipsNonNumericColumns() throws IOException {
        Path file = write("\"id\",\"time\",\"age\",\"status\",\"dose\"\nP1,5,60,1,2.5\nP2,7,70,0,1\nP3,9,65,1,3\n");
        SurvivalData data = SurvivalCsv.read(file, "time", "status");
        assertThat(data.covariateNames()).containsExactly("age", "dose");
        assertThat(data.times()).containsExactly(5, 7, 9);
        assertThat(data.events()).containsExactly(1, 0, 1);
        assertThat(data.covariates()[1]).containsExactly(70, 1);
        assertThat(data.source()).isEqualTo("cohort.csv");

        SurvivalData selected = SurvivalCsv.read(file, "time", "status", List.of("dose"));
        assertThat(selected.covariateNames()).containsExactly("dose");
        assertThat(selected.covariates()[2]).containsExactly(3);
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,age\n5,1,60\n6,1,abc\n"), "time", "event"))
                .hasMessageContaining("cohort.csv").hasMessageContaining("line 3").hasMessageContaining("'age'")
                .hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,age\n5,1,60\n6,1,NA\n"), "time", "event"))
                .hasMessageContaining("line 3").hasMessageContaining("'age'").hasMessageContaining("missing value");
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,age\n5,1,60\n,1,61\n"), "time", "event"))
                .hasMessageContaining("line 3").hasMessageContaining("'time'").hasMessageContaining("missing");
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,age\n5,1,60\n-2,1,61\n"), "time", "event"))
                .hasMessageContaining("line 3").hasMessageContaining("negative time -2");
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,age\n5,2,60\n6,1,61\n"), "time", "event"))
                .hasMessageContaining("line 2").hasMessageContaining("'event'")
                .hasMessageContaining("0 (censored) or 1");
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,age\n5,1,60\n6,1\n"), "time", "event"))
                .hasMessageContaining("line 3").hasMessageContaining("2 fields");
    }

    @Test
    void unknownColumnsListTheAvailableOnes() throws IOException {
        Path file = write("time,event,age\n5,1,60\n6,0,61\n");
        assertThatThrownBy(() -> SurvivalCsv.read(file, "days", "event"))
                .hasMessageContaining("unknown time column 'days'").hasMessageContaining("[time, event, age]");
        assertThatThrownBy(() -> SurvivalCsv.read(file, "time", "event", List.of("weight")))
                .hasMessageContaining("unknown covariate 'weight'").hasMessageContaining("[time, event, age]");
    }

    @Test
    void refusesConstantColumnsAndTooFewRows() throws IOException {
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,age,site\n5,1,60,3\n6,0,61,3\n7,1,62,3\n"),
                "time", "event"))
                .hasMessageContaining("'site'").hasMessageContaining("same value 3.0 on all 3 rows");
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event,a,b\n5,1,60,1\n6,0,61,2\n"), "time", "event"))
                .hasMessageContaining("2 rows for 2 covariates");
        assertThatThrownBy(() -> SurvivalCsv.read(write("time,event\n"), "time", "event"))
                .hasMessageContaining("no data rows");
    }
}
