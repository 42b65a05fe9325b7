package dev.vigil.offlinerl.tabular;

/**
 * A CSV table of a tabular MDP is wrong; the message names the file, the line (1 = header) and the field.
 */
public final class MdpFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    public MdpFormatException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? " line " + line : "") + (field.isEmpty() ? "" : ", field " + field) + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** The file name, e.g. {@code transitions.csv}. */
    public String file() {
        return file;
    }

    /** The 1-based line (1 is the header), or 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }

    /** The column, or "" when the problem is not with one field. */
    public String field() {
        return field;
    }
}
