package dev.vigil.api.cds;

/**
 * A CDS Hooks request that cannot be answered, with the HTTP status and the FHIR issue type of the
 * OperationOutcome that says why (e.g. 412 {@code required} for missing prefetch and no FHIR server).
 */
public class CdsException extends RuntimeException {

    private final int status;
    private final String issueType;

    public CdsException(int status, String issueType, String message) {
        super(message);
        this.status = status;
        this.issueType = issueType;
    }

    public int status() {
        return status;
    }

    /** A FHIR IssueType code, e.g. {@code required}, {@code invalid}, {@code security}, {@code not-found}. */
    public String issueType() {
        return issueType;
    }
}
