package dev.vigil.ingestion.dataset;

/**
 * A dataset file (binary or CSV) that cannot be read as a whole. The message names the file, the line
 * (CSV) or the section (binary), and what to do.
 */
public final class DatasetFormatException extends RuntimeException {

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
