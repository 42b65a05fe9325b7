package dev.vigil.offlinerl.algo.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.DatasetSchema;
import dev.vigil.ingestion.dataset.DiscreteActions;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.SpaceType;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.algo.AlgorithmConfigs;
import dev.vigil.offlinerl.algo.TrainingListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals before any training, and config files. */
class CqlValidationTest {

    private final CqlLearner learner = new CqlLearner("gcql");

    @Test
    void refusesDiscreteActions() {
        DatasetSchema schema = new DatasetSchema("ids", SpaceType.continuous(), List.of(new Variable("x", "")),
                SpaceType.discrete(2), List.of(), true, false, "", "", Duration.ZERO);
        Episode e = new Episode("e0", new ContinuousStates(new double[][] {{1}}, new boolean[1][1]),
                new DiscreteActions(new int[] {1}), new double[] {0}, null, null, null, List.of());
        TrajectoryDataset data = new TrajectoryDataset(schema, List.of(e));
        assertThatThrownBy(() -> learner.fit(data, CqlContinuousConfig.gcql(), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dataset ids has discrete actions (field 'actionType' = DISCRETE(2))")
                .hasMessageContaining("'gcql'");
    }

    @Test
    void refusesEmptyDataAndNullConfig() {
        TrajectoryDataset empty = new TrajectoryDataset(ToyBandits.schema(1, 1, true), List.of());
        assertThatThrownBy(() -> learner.fit(empty, CqlContinuousConfig.gcql(), TrainingListener.NONE))
                .hasMessageContaining("Dataset toy is empty (no episodes)");
        assertThatThrownBy(() -> learner.fit(ToyBandits.narrowSupport(3, 1), null, TrainingListener.NONE))
                .hasMessageContaining("needs a config");
    }

    @Test
    void refusesMissingStatesWhenNotFillingThemAndFillsThemOtherwise() {
        Episode e = new Episode("p7", new ContinuousStates(new double[][] {{1}, {Double.NaN}},
                new boolean[][] {{false}, {true}}), new ContinuousActions(new double[][] {{0}, {1}}),
                new double[] {0, 1}, null, null, null, List.of());
        TrajectoryDataset data = new TrajectoryDataset(ToyBandits.schema(1, 1, true), List.of(e));
        CqlContinuousConfig strict = ToyBandits.fast(CqlContinuousConfig.cql(), 1).withFillMissingStates(false);
        assertThatThrownBy(() -> new CqlLearner("cql-continuous").fit(data, strict, TrainingListener.NONE))
                .hasMessageContaining("episode p7, step 1: state feature 'x0' is NaN");
        CqlPolicy filled = new CqlLearner("cql-continuous").fit(data, ToyBandits.fast(CqlContinuousConfig.cql(), 1),
                TrainingListener.NONE);
        assertThat(filled.report().summary().get("filledStateValues")).isEqualTo(1.0);
        assertThatThrownBy(() -> filled.act(new double[] {Double.NaN})).hasMessageContaining("State feature 0 is NaN");
        assertThatThrownBy(() -> filled.act(new double[] {1, 2})).hasMessageContaining("needs 1 features; got 2");
    }

    @Test
    void refusesNegativeWeightsNamingTheField() {
        assertThatThrownBy(() -> CqlContinuousConfig.cql().withAlpha(-1))
                .hasMessageContaining("alpha must be finite and >= 0");
        assertThatThrownBy(() -> CqlContinuousConfig.cql().withGuardianWeight(-0.5))
                .hasMessageContaining("guardianWeight must be finite and >= 0");
        assertThatThrownBy(() -> CqlContinuousConfig.cql().withTraining(10, 8, 1e-3, 1e-3, 0))
                .hasMessageContaining("tau must be in (0, 1]");
    }

    @Test
    void configFilesSetFieldsOverThePresetAndRefuseUnknownOnes() {
        AlgorithmConfigs.ConfigFile file = AlgorithmConfigs.parse("algorithm: gcql\nconfig:\n  alpha: 0.5\n"
                + "  gradientSteps: 100\n", true, "gcql.yaml");
        CqlContinuousConfig config = CqlRegistration.config(file.algorithm(), file.fields(), "gcql.yaml");
        assertThat(config.alpha()).isEqualTo(0.5);
        assertThat(config.gradientSteps()).isEqualTo(100);
        assertThat(config.guardianWeight()).isEqualTo(1);
        assertThat(CqlRegistration.defaults("ccql").actionBalanced()).isTrue();
        assertThat(CqlRegistration.names()).containsExactly("cql-continuous", "ccql", "gcql");

        ObjectNode unknown = JsonMapper.builder().build().createObjectNode().put("alpah", 1);
        assertThatThrownBy(() -> CqlRegistration.config("ccql", unknown, "ccql.yaml"))
                .hasMessageContaining("ccql.yaml: unknown config field 'alpah'")
                .hasMessageContaining("guardianWeight");
        ObjectNode negative = JsonMapper.builder().build().createObjectNode().put("guardianWeight", -2);
        assertThatThrownBy(() -> CqlRegistration.config("gcql", negative, "gcql.yaml"))
                .hasMessageContaining("guardianWeight must be finite and >= 0");
        assertThatThrownBy(() -> CqlRegistration.defaults("sac")).hasMessageContaining("known are cql-continuous");
    }
}
