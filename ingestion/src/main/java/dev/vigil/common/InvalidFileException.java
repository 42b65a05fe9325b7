package dev.vigil.common;

/**
 * A specification file (cohort, rule set, config) that cannot be read. The message names the file, the line
 * and column when known, the field, and how to fix it; {@link #source()} and {@link #line()} say where for
 * programs that point a person at it.
 */
public class InvalidFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    protected InvalidFileException(String source, int line, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) that was read. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it concerns the file as a whole. */
    public int line() {
        return line;
    }
}
