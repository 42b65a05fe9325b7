package dev.vigil.ingestion.pipeline;

/** An ingestion in which no patient qualified for the cohort: there is no dataset to write. */
public final class NoEpisodeException extends RuntimeException {

    public NoEpisodeException(String message) {
        super(message);
    }
}
