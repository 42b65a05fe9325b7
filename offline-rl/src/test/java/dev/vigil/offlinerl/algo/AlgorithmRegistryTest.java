package dev.vigil.offlinerl.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.offlinerl.algo.tabular.GuardMode;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgorithmRegistryTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void knowsTheTabularAlgorithms() {
        assertThat(AlgorithmRegistry.defaults().names()).containsExactly("bc", "cql", "ogsrl", "cql-continuous",
                "ccql", "gcql", "mb-trpo", "gmb-trpo", "mb-cpo", "gmb-cpo", "glagrangian");
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> AlgorithmRegistry.defaults().get("sac"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown algorithm 'sac'; known algorithms are bc, cql, ogsrl, cql-continuous, ccql, gcql, "
                        + "mb-trpo, gmb-trpo, mb-cpo, gmb-cpo, glagrangian");
    }

    @Test
    void yamlFileOverridesDefaultsAndKeepsTheRest() throws IOException {
        Path file = write("ogsrl.yaml", """
                algorithm: ogsrl
                config:
                  minCount: 10
                  mode: penalty
                """);

        AlgorithmConfigs.ConfigFile read = AlgorithmConfigs.read(file);
        OgsrlConfig config = (OgsrlConfig) AlgorithmRegistry.defaults().get(read.algorithm())
                .config(read.fields(), file.toString());

        assertThat(config.minCount()).isEqualTo(10);
        assertThat(config.mode()).isEqualTo(GuardMode.PENALTY);
        assertThat(config.costBudget()).isEqualTo(OgsrlConfig.defaults().costBudget());
    }

    @Test
    void fitsFromAJsonFileAndRecordsTheConfig() throws IOException {
        Path file = write("bc.json", "{\"algorithm\": \"bc\", \"config\": {\"smoothing\": 1, \"seed\": 4}}");

        TrainedPolicy policy = AlgorithmRegistry.defaults().fit(file, TabularDatasets.small(), TrainingListener.NONE);

        assertThat(policy.provenance().algorithm()).isEqualTo("bc");
        assertThat(policy.provenance().configJson()).isEqualTo("{\"seed\":4,\"smoothing\":1.0}");
    }

    @Test
    void rejectsUnknownFieldListingKnownOnes() throws IOException {
        Path file = write("typo.yaml", "algorithm: ogsrl\nconfig:\n  minCont: 3\n");

        assertThatThrownBy(() -> AlgorithmRegistry.defaults().fit(file, TabularDatasets.small(), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown config field 'minCont'")
                .hasMessageContaining("minCount");
    }

    @Test
    void rejectsUnknownTopLevelField() {
        assertThatThrownBy(() -> AlgorithmConfigs.parse("algorithm: bc\nseed: 3\n", true, "x.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown top-level field(s) [seed]");
    }

    @Test
    void rejectsNegativeBudgetFromFileWithTheConfigMessage() throws IOException {
        Path file = write("budget.yaml", "algorithm: ogsrl\nconfig:\n  costBudget: -1\n");

        assertThatThrownBy(() -> AlgorithmRegistry.defaults().fit(file, TabularDatasets.small(), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget.yaml")
                .hasMessageContaining("costBudget must be finite and >= 0");
    }

    @Test
    void rejectsMissingAlgorithmName() {
        assertThatThrownBy(() -> AlgorithmConfigs.parse("{\"config\": {}}", false, "x.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 'algorithm: <name>'");
    }

    @Test
    void rejectsDuplicateRegistration() {
        AlgorithmRegistry registry = AlgorithmRegistry.defaults();

        assertThatThrownBy(() -> registry.register(AlgorithmRegistry.defaults().get("bc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
    }
}
