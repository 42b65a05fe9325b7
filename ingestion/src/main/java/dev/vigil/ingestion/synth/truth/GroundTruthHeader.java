package dev.vigil.ingestion.synth.truth;

import java.util.List;

/**
 * The first line of {@code ground-truth.ndjson}: what produced the file and how to read the rest.
 *
 * @param kind always {@link GroundTruthFormat#KIND}
 * @param formatVersion {@link GroundTruthFormat#VERSION}; readers reject other versions
 * @param modelVersion the simulator's equations ({@code SepsisSimulator.MODEL_VERSION})
 * @param codeVersion the Vigil build that wrote the file
 * @param config the generator config, seed included
 * @param blocHours hours per bloc (4)
 * @param blocs blocs in the window (18)
 * @param onsetBloc the bloc that starts at onset (6)
 * @param features the observation vector's feature names, in order
 */
public record GroundTruthHeader(String kind, int formatVersion, String modelVersion, String codeVersion,
        GroundTruthConfig config, int blocHours, int blocs, int onsetBloc, List<String> features) {

    public GroundTruthHeader {
        features = List.copyOf(features);
    }
}
