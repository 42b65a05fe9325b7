package dev.vigil.ingestion.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.dataset.ContinuousActions;
import dev.vigil.ingestion.dataset.ContinuousStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.pipeline.IngestionPipeline;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.synth.truth.GroundTruth;
import dev.vigil.ingestion.synth.truth.GroundTruthBloc;
import dev.vigil.ingestion.synth.truth.GroundTruthPatient;
import dev.vigil.ingestion.synth.truth.GroundTruthReader;
import dev.vigil.ingestion.units.UnitConverter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground truth says what the cohort computes: a synthetic cohort run through the real ingestion pipeline
 * gives, for every patient and every bloc (the bloc of death included), the ground truth's value of every
 * feature measured in the bloc, and the ground truth's actions.
 */
class GroundTruthMatchesIngestionTest {

    /** Seed 7 holds the reported patient d64e9a89..., who dies in the window 36 minutes after a single heart rate. */
    private static final long SEED = 7;
    private static final int PATIENTS = 150;
    private static final double TOLERANCE = 1e-9;

    @Test
    void everyMeasuredFeatureAndEveryActionOfEveryBlocMatchesTheGroundTruth(@TempDir Path dir) throws IOException {
        new SepsisCohortGenerator(2).generate(SepsisCohortConfig.of(PATIENTS, SEED), dir);
        GroundTruth truth = new GroundTruthReader().read(dir);
        TrajectoryDataset dataset = new IngestionPipeline(UnitConverter.load()).run(new BulkNdjsonSource(dir),
                CohortSpecs.shipped("icu-sepsis"), IngestionListener.NONE, "t");

        List<String> truthFeatures = truth.header().features();
        List<String> features = dataset.schema().features().stream().map(Variable::name).toList();
        List<String> actions = dataset.schema().actions().stream().map(Variable::name).toList();
        int ivFluid = actions.indexOf("iv_fluid");
        int vasopressor = actions.indexOf("vasopressor");
        assertThat(features).containsExactlyInAnyOrderElementsOf(truthFeatures);
        assertThat(ivFluid).isNotNegative();
        assertThat(vasopressor).isNotNegative();

        Map<String, Episode> episodes = dataset.episodes().stream()
                .collect(Collectors.toMap(Episode::id, Function.identity()));
        assertThat(episodes).hasSize(PATIENTS).hasKeySatisfying(
                new org.assertj.core.api.Condition<>(id -> id.startsWith("d64e9a89"), "the reported patient"));
        List<String> mismatches = new ArrayList<>();
        int deathBlocs = 0;
        int deathBlocsCut = 0;
        int compared = 0;
        for (GroundTruthPatient patient : truth.patients()) {
            Episode episode = episodes.get(patient.patientId());
            assertThat(episode).as(patient.key()).isNotNull();
            assertThat(episode.steps()).as(patient.key() + " steps").isEqualTo(patient.blocs().size());
            ContinuousStates states = (ContinuousStates) episode.states();
            for (GroundTruthBloc bloc : patient.blocs()) {
                int t = bloc.bloc();
                boolean deathBloc = t == patient.deathBloc();
                int measured = 0;
                for (int f = 0; f < features.size(); f++) {
                    if (states.isMissing(t, f)) {
                        continue;
                    }
                    measured++;
                    String name = features.get(f);
                    double expected = bloc.observation()[truthFeatures.indexOf(name)];
                    double actual = states.value(t, f);
                    if (!(Math.abs(actual - expected) <= tolerance(expected))) {
                        mismatches.add(patient.key() + " (" + patient.patientId() + ") bloc " + t
                                + (deathBloc ? " [death bloc, died " + patient.deathTime() + "]" : "") + " " + name
                                + ": dataset " + actual + ", ground truth " + expected);
                    }
                    compared++;
                }
                if (deathBloc) {
                    deathBlocs++;
                    deathBlocsCut += measured < features.size() ? 1 : 0;
                }
                double[] action = ((ContinuousActions) episode.actions()).values()[t];
                if (Math.abs(action[ivFluid] - bloc.ivFluidMl()) > TOLERANCE
                        || Math.abs(action[vasopressor] - bloc.vasopressor()) > TOLERANCE) {
                    mismatches.add(patient.key() + " bloc " + t + (deathBloc ? " [death bloc]" : "")
                            + " action: dataset " + action[ivFluid] + " mL, " + action[vasopressor]
                            + "; ground truth " + bloc.ivFluidMl() + " mL, " + bloc.vasopressor());
                }
            }
        }

        assertThat(mismatches).isEmpty();
        // The cohort must exercise what the test is about: deaths in the window, some cut before a bloc's end.
        assertThat(deathBlocs).isGreaterThanOrEqualTo(5);
        assertThat(deathBlocsCut).isPositive();
        assertThat(compared).isGreaterThan(PATIENTS * 10 * 15);
    }

    /** 1e-9 relative: the ground truth aggregates the very values the writer rounded and charted. */
    private static double tolerance(double expected) {
        return TOLERANCE * Math.max(1, Math.abs(expected));
    }
}
