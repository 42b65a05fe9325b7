package dev.vigil.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `./vigil import` on a tabular CSV, exactly as the README documents it, and on broken files. */
@QuarkusMainTest
class ImportCommandTest {

    @Test
    void importsATabularDatasetWithTheDocumentedCommand(QuarkusMainLauncher launcher) throws Exception {
        Path csv = Files.createTempFile("tabular-", ".csv");
        Files.writeString(csv, """
                episode,step,state,action,reward,done
                0,0,0,1,0,0
                0,1,2,0,1,1
                1,0,1,1,0,0
                1,1,0,0,-1,1
                """);
        LaunchResult result = launcher.launch("import", "--format", "csv", "--state-type", "discrete",
                "--action-type", "discrete", "--name", "tiny-mdp", csv.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).containsPattern("Dataset [0-9a-f]{64} \\(tiny-mdp\\): 2 episodes, 4 steps")
                .contains("DISCRETE(3)").contains("DISCRETE(2)");

        LaunchResult list = launcher.launch("datasets", "list");
        assertThat(list.getOutput()).contains("tiny-mdp").contains("DISCRETE/DISCRETE");
    }

    @Test
    void aBrokenRowIsNamedByLineAndTheGoodEpisodesAreKept(QuarkusMainLauncher launcher) throws Exception {
        Path csv = Files.createTempFile("broken-", ".csv");
        Files.writeString(csv, """
                episode,step,state,action,reward,done
                0,0,0,1,0,0
                0,1,x,0,1,1
                1,0,1,1,0,0
                1,1,0,0,-1,1
                """);
        LaunchResult result = launcher.launch("import", "--format", "csv", "--state-type", "discrete",
                "--action-type", "discrete", "--name", "half-good", csv.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getErrorOutput()).contains("line 3");
        assertThat(result.getOutput()).contains("1 episodes");
    }

    @Test
    void refusesAnUnknownFormatAndAMissingFile(QuarkusMainLauncher launcher) {
        LaunchResult format = launcher.launch("import", "--format", "parquet", "--state-type", "discrete",
                "--action-type", "discrete", "--name", "x", "whatever.csv");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.getErrorOutput()).contains("Unknown --format 'parquet'");

        LaunchResult missing = launcher.launch("import", "--format", "csv", "--state-type", "discrete",
                "--action-type", "discrete", "--name", "x", "/no/such/file.csv");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getErrorOutput()).contains("No such file: /no/such/file.csv");
    }
}
