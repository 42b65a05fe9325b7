package dev.vigil.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@code ./vigil survival fit} on R's lung data prints what R's coxph gives (lung-reference.txt). */
@QuarkusMainTest
class SurvivalCommandTest {

    private static final Path LUNG = Path.of("../../shared/data/survival-reference/lung.csv");

    /** The printed JSON: from the first line that opens an object (start-up logs may come before it). */
    static JsonNode json(String output) throws Exception {
        int start = output.startsWith("{") ? 0 : output.indexOf("\n{") + 1;
        return new ObjectMapper().readTree(output.substring(start));
    }

    @Test
    void efronFitMatchesR(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("survival", "fit", "--csv", LUNG.toString(), "--time", "time",
                "--event", "event", "--ties", "efron");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        JsonNode fit = json(result.getOutput());
        assertThat(fit.at("/terms/age/coefficient").asDouble()).isCloseTo(0.01106676, Offset.offset(1e-4));
        assertThat(fit.at("/terms/sex/coefficient").asDouble()).isCloseTo(-0.55261240, Offset.offset(1e-4));
        assertThat(fit.at("/terms/ph.ecog/standardError").asDouble()).isCloseTo(0.11357727, Offset.offset(1e-4));
        assertThat(fit.at("/logLikelihood").asDouble()).isCloseTo(-729.230121, Offset.offset(1e-3));
        assertThat(fit.at("/logLikelihoodNull").asDouble()).isCloseTo(-744.480456, Offset.offset(1e-3));
        assertThat(fit.at("/concordance").asDouble()).isCloseTo(0.637135, Offset.offset(1e-5));
    }

    @Test
    void breslowFitMatchesR(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("survival", "fit", "--csv", LUNG.toString(), "--time", "time",
                "--event", "event", "--ties", "breslow");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        JsonNode fit = json(result.getOutput());
        assertThat(fit.at("/terms/sex/coefficient").asDouble()).isCloseTo(-0.55188957, Offset.offset(1e-4));
        assertThat(fit.at("/logLikelihood").asDouble()).isCloseTo(-729.488705, Offset.offset(1e-3));
    }

    @Test
    void badInputIsOneClearLine(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult unknown = launcher.launch("survival", "fit", "--csv", LUNG.toString(), "--time", "days",
                "--event", "event");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("days").contains("lung.csv");
        Path bad = Files.createTempFile("surv", ".csv");
        Files.writeString(bad, "time,event,x\n5,1,1\n6,2,0\n");
        LaunchResult badEvent = launcher.launch("survival", "fit", "--csv", bad.toString(), "--time", "time",
                "--event", "event");
        assertThat(badEvent.exitCode()).isEqualTo(2);
        assertThat(badEvent.getErrorOutput()).contains("line 3");
        LaunchResult ties = launcher.launch("survival", "fit", "--csv", LUNG.toString(), "--time", "time",
                "--event", "event", "--ties", "exact");
        assertThat(ties.exitCode()).isEqualTo(2);
        assertThat(ties.getErrorOutput()).contains("breslow or efron");
    }
}
