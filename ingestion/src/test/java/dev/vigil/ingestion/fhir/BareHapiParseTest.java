package dev.vigil.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class BareHapiParseTest {

    @Test
    void parsesEveryResourceLineOfTheSyntheaExport() throws IOException {
        BareHapiParse.Result result = BareHapiParse.measure(SyntheaExportTest.export(), 2);

        assertThat(result.resources())
                .isEqualTo(SyntheaExportTest.LINES_PER_TYPE.values().stream().mapToLong(Long::longValue).sum());
        assertThat(result.failures()).isZero();
        assertThat(result.resourcesPerSecond()).isPositive();
        assertThat(BareHapiParse.parseFolder(SyntheaExportTest.export(), 1)).isPositive();
    }
}
