package dev.vigil.safety.cost;

import dev.vigil.common.InvalidFileException;

/** A rule set file that cannot be read (see {@link InvalidFileException}). */
public final class InvalidRuleSetException extends InvalidFileException {

    private static final long serialVersionUID = 1L;

    InvalidRuleSetException(String source, int line, String message, Throwable cause) {
        super(source, line, message, cause);
    }
}
