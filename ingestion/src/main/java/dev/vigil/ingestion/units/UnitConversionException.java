package dev.vigil.ingestion.units;

import dev.vigil.ingestion.report.IssueKind;

/**
 * A value that cannot be brought to the unit asked for. {@link #kind()} is what the ingestion report counts:
 * {@link IssueKind#MISSING_UNIT}, {@link IssueKind#UNKNOWN_UNIT} or {@link IssueKind#UNCONVERTIBLE_UNIT}.
 *
 * <p>Thrown on the ingestion hot path (once per bad value), so it carries no stack trace: the message names
 * the units, which is all a person needs to fix the data or the specification.
 */
public final class UnitConversionException extends RuntimeException {

    private final IssueKind kind;

    public UnitConversionException(IssueKind kind, String message) {
        super(message, null, false, false);
        if (kind != IssueKind.MISSING_UNIT && kind != IssueKind.UNKNOWN_UNIT
                && kind != IssueKind.UNCONVERTIBLE_UNIT) {
            throw new IllegalArgumentException("A unit conversion fails with MISSING_UNIT, UNKNOWN_UNIT or "
                    + "UNCONVERTIBLE_UNIT, not " + kind);
        }
        this.kind = kind;
    }

    /** Why the conversion failed. */
    public IssueKind kind() {
        return kind;
    }
}
