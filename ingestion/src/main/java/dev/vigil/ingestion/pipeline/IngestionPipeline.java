package dev.vigil.ingestion.pipeline;

import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.fhir.FhirSource;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.trajectory.CohortAccumulator;
import dev.vigil.ingestion.trajectory.CohortFacts;
import dev.vigil.ingestion.trajectory.EpisodeLayout;
import dev.vigil.ingestion.trajectory.TrajectoryBuilder;
import dev.vigil.ingestion.units.UnitConverter;
import java.io.IOException;
import java.util.List;

/**
 * Source -> {@link CohortAccumulator} -> {@link TrajectoryBuilder} -> {@link TrajectoryDataset}.
 *
 * <p>The listener hears every issue (from the source, the mapping and the trajectory building) and every
 * resource read; the caller supplies it, typically an ingestion report collector. Thread-safe: one
 * pipeline may run several ingestions at once.
 */
public final class IngestionPipeline {

    private final UnitConverter units;

    /** @param units shared by every run (it caches conversions) */
    public IngestionPipeline(UnitConverter units) {
        this.units = units;
    }

    /**
     * Reads {@code source} whole and builds the cohort's dataset; resources are mapped as they arrive and
     * dropped.
     *
     * @param datasetName the name recorded in the dataset's schema
     * @throws IOException when the source as a whole cannot be read
     * @throws IllegalArgumentException when the specification's units are not valid UCUM
     * @throws NoEpisodeException when no patient qualifies (the listener has heard why for each)
     */
    public TrajectoryDataset run(FhirSource source, CohortSpec spec, IngestionListener listener, String datasetName)
            throws IOException {
        CohortAccumulator accumulator = new CohortAccumulator(spec, units, listener);
        source.read(accumulator::accept, listener);
        CohortFacts facts = accumulator.finish();
        List<Episode> episodes = new TrajectoryBuilder(spec, units, source.describe()).buildAll(facts, listener);
        if (episodes.isEmpty()) {
            throw new NoEpisodeException("No patient of " + source.describe() + " qualifies for cohort " + spec.id()
                    + " (" + facts.patients().size() + " patients seen); the ingestion report says why for each "
                    + "(PATIENT_EXCLUDED, UNKNOWN_PATIENT)");
        }
        return new TrajectoryDataset(new EpisodeLayout(spec).schema(datasetName), episodes);
    }
}
