package dev.vigil.ingestion.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvTest {

    @Test
    void exportsOneRowPerStepAsDocumented() throws IOException {
        assertThat(export(DatasetFixtures.continuous())).isEqualTo("""
                episode,step,heart_rate,lactate,heart_rate_missing,lactate_missing,iv_fluid,vasopressor,reward,cost,\
                done,outcome_event,outcome_days
                #units,,/min,mmol/L,,,mL,ug/kg/min,,,,,
                p1,0,88.5,2.1,0,0,500.0,0.0,,,0,1,2.75
                p1,1,90.0,2.1,0,1,250.0,0.12,,,0,1,2.75
                p1,2,,,1,1,0.0,0.3,,,1,1,2.75
                p2,0,-0.0,1.0E-7,0,0,1.0E10,0.1,,,1,0,
                """);
        assertThat(export(DatasetFixtures.tabular())).isEqualTo("""
                episode,step,state,action,reward,cost,done
                1,0,0,2,0.0,0.0,0
                1,1,1,0,0.0,1.0,0
                1,2,3,1,1.0,0.0,1
                2,0,2,1,-1.0,0.5,1
                3,0,1,0,0.25,0.0,0
                3,1,1,0,-0.125,0.0,1
                """);
    }

    @Test
    void exportThenImportKeepsTheContentHash(@TempDir Path dir) throws IOException {
        TrajectoryDataset continuous = DatasetFixtures.continuous();
        Path file = dir.resolve("continuous.csv");
        DatasetCsvWriter.write(continuous, file);
        CsvImportResult back = DatasetCsvReader.read(file, CsvImportOptions.continuous("fixture"));
        assertThat(back.issues()).isEmpty();
        assertThat(back.dataset().contentHash()).isEqualTo(continuous.contentHash());
        assertThat(back.dataset().schema().features()).isEqualTo(continuous.schema().features());

        TrajectoryDataset tabular = DatasetFixtures.tabular();
        Path tabularFile = dir.resolve("tabular.csv");
        DatasetCsvWriter.write(tabular, tabularFile);
        CsvImportResult tabularBack = DatasetCsvReader.read(tabularFile, CsvImportOptions.tabular(4, 3, "tabular"));
        assertThat(tabularBack.dataset().contentHash()).isEqualTo(tabular.contentHash());
        assertThat(Files.list(dir)).hasSize(2); // no temporary files left behind
    }

    @Test
    void importsTabularDataWithoutCostColumn() throws IOException {
        CsvImportResult result = read("""
                episode,step,state,action,reward,done
                a,0,0,1,0,0
                a,1,1,0,1.5,1
                """, CsvImportOptions.tabular(2, 2, "t"));
        Episode a = result.dataset().episodes().get(0);
        assertThat(((DiscreteStates) a.states()).ids()).containsExactly(0, 1);
        assertThat(a.rewards()).containsExactly(0.0, 1.5);
        assertThat(result.dataset().schema().hasCosts()).isFalse();
    }

    @Test
    void keepsGoodEpisodesAndListsEachBadOneWithLineAndColumn() throws IOException {
        CsvImportResult result = read("""
                episode,step,state,action,reward,cost,done
                good1,0,0,1,0,0,1
                count,0,0,1,0,0
                negative,0,-1,1,0,0,1
                text,0,x,1,0,0,1
                big,0,7,1,0,0,1
                nan,0,0,1,NaN,0,1
                inf,0,0,1,0,Infinity,1
                gap,0,0,1,0,0,0
                gap,2,0,1,0,0,1
                open,0,0,1,0,0,0
                good2,0,1,0,0.5,0,0
                good2,1,2,1,0.5,0,1
                good1,0,0,1,0,0,1
                after,0,0,1,0,0,1
                after,1,0,1,0,0,1
                """, CsvImportOptions.tabular(4, 2, "t"));
        assertThat(result.dataset().episodes()).extracting(Episode::id).containsExactly("good1", "good2");
        assertThat(result.issues()).extracting(i -> i.origin().resourceId()).containsExactly("count", "negative",
                "text", "big", "nan", "inf", "gap", "open", "good1", "after");
        assertThat(result.issues()).extracting(i -> i.origin().line())
                .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 10L, 11L, 14L, 16L);
        assertThat(messages(result)).containsExactly(
                "t.csv line 3, column 7: the row has 6 cells, the header 7 (commas inside values are not allowed)",
                "t.csv line 4, column 3: column 'state': the state is not a non-negative integer (discrete states are "
                        + "ids 0..3)",
                "t.csv line 5, column 3: column 'state': the state is not a non-negative integer (discrete states are "
                        + "ids 0..3)",
                "t.csv line 6, column 3: column 'state': the state id is not below 4, the number of states stated for "
                        + "this import",
                "t.csv line 7, column 5: column 'reward': the value is NaN or infinite; values are finite decimal "
                        + "numbers",
                "t.csv line 8, column 6: column 'cost': the value is NaN or infinite; values are finite decimal "
                        + "numbers",
                "t.csv line 10, column 2: column 'step': step 2 where step 1 was expected; the steps of an episode are "
                        + "0, 1, 2, ... in order, without gaps",
                "t.csv line 11, column 7: episode open has no done=1 on its last step; mark the last step of every "
                        + "episode done=1",
                "t.csv line 14, column 1: episode good1 appears again (it started at line 2); keep each episode's "
                        + "rows together and episode ids unique",
                "t.csv line 16, column 7: episode after continues after the step marked done=1; only its last step "
                        + "is done");
        assertThat(result.issues()).extracting(IngestionIssue::kind).containsExactly(IssueKind.MALFORMED,
                IssueKind.MALFORMED, IssueKind.MALFORMED, IssueKind.MALFORMED, IssueKind.MALFORMED,
                IssueKind.MALFORMED, IssueKind.OUT_OF_ORDER_TIME, IssueKind.MISSING_VALUE, IssueKind.DUPLICATE_ID,
                IssueKind.OUT_OF_ORDER_TIME);
        assertThat(result.issues().get(0).message()).endsWith("; episode count was not imported");
    }

    @Test
    void checksContinuousCellsAndMissingFlags() throws IOException {
        CsvImportResult result = read("""
                episode,step,hr,hr_missing,fluid,reward,cost,done
                ok,0,,1,0,,,1
                unflagged,0,,0,0,,,1
                flag,0,80,2,0,,,1
                word,0,80,0,lots,,,1
                reward,0,80,0,0,1,,1
                """, CsvImportOptions.continuous("c"));
        assertThat(result.dataset().episodes()).extracting(Episode::id).containsExactly("ok");
        assertThat(messages(result)).containsExactly(
                "t.csv line 3, column 3: column 'hr': the value is empty but hr_missing is 0; set it to 1 for a missing "
                        + "value",
                "t.csv line 4, column 4: column 'hr_missing': expected 0 or 1",
                "t.csv line 5, column 5: column 'fluid': the value is not a decimal number (write e.g. 97.5 or 1.2E-3)",
                "t.csv line 6, column 6: column 'reward': earlier rows have no reward; give every step a reward or "
                        + "none");
        assertThat(result.dataset().schema().hasRewards()).isFalse();
        assertThat(messages(result)).noneMatch(m -> m.contains("lots"));
    }

    @Test
    void rejectsAHeaderThatDoesNotFitTheStatedTypes() {
        assertThatThrownBy(() -> read("episode,step,hr,hr_missing,fluid,reward,done\n",
                CsvImportOptions.tabular(2, 2, "t")))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("t.csv line 1, column 3: unknown column 'hr'; expected 'state' here (the layout is in "
                        + "docs/dataset-csv.md)");
        assertThatThrownBy(() -> read("episode,step,hr,fluid,reward,done\n", CsvImportOptions.continuous("c")))
                .hasMessageStartingWith("t.csv line 1, column 3: the states are continuous");
        assertThatThrownBy(() -> read("episode,step,hr,hr_missing,fluid,reward,done,colour\n",
                CsvImportOptions.continuous("c")))
                .hasMessageStartingWith("t.csv line 1, column 8: unknown column 'colour'; expected 'outcome_event'");
        assertThatThrownBy(() -> read("episode,step,hr,hr_missing,fluid,done\n", CsvImportOptions.continuous("c")))
                .hasMessageStartingWith("t.csv line 1, column 7: there is no 'reward' column");
    }

    @Test
    void anImportThatKeepsNothingIsAnError() {
        assertThatThrownBy(() -> read("episode,step,state,action,reward,done\nx,0,0,0,0,0\n",
                CsvImportOptions.tabular(2, 2, "t")))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("t.csv: no valid episode; 1 rejected, the first: t.csv line 2, column 6: "
                        + "episode x has no done=1");
        assertThatThrownBy(() -> read("episode,step,state,action,reward,done\n", CsvImportOptions.tabular(2, 2, "t")))
                .hasMessage("t.csv: no valid episode (the file has no data rows)");
        assertThatThrownBy(() -> read("", CsvImportOptions.tabular(2, 2, "t")))
                .hasMessageStartingWith("t.csv: the file has no header line");
    }

    private static String export(TrajectoryDataset dataset) throws IOException {
        StringWriter out = new StringWriter();
        DatasetCsvWriter.write(dataset, out);
        return out.toString();
    }

    private static CsvImportResult read(String csv, CsvImportOptions options) throws IOException {
        return DatasetCsvReader.read(new StringReader(csv), "t.csv", options);
    }

    private static java.util.List<String> messages(CsvImportResult result) {
        return result.issues().stream().map(i -> i.message().replaceAll("; episode \\S+ was not imported$", ""))
                .toList();
    }
}
