package dev.vigil.ingestion.cohort;

import dev.vigil.common.InvalidFileException;

/** A cohort specification that cannot be read (see {@link InvalidFileException}). */
public final class InvalidCohortSpecException extends InvalidFileException {

    private static final long serialVersionUID = 1L;

    InvalidCohortSpecException(String source, int line, String message, Throwable cause) {
        super(source, line, message, cause);
    }
}
