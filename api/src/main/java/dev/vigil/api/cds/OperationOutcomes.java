package dev.vigil.api.cds;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome;

/** CDS Hooks errors as FHIR R4 OperationOutcomes ({@code application/fhir+json}). */
public final class OperationOutcomes {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private OperationOutcomes() {
    }

    /** A response with one error issue. */
    public static Response of(int status, String issueType, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(issueType)).setDiagnostics(diagnostics);
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome);
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(json);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
