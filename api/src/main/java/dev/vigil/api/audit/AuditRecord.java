package dev.vigil.api.audit;

/**
 * What one audit entry records, before it gets its place in the chain.
 *
 * @param kind e.g. {@code recommendation}, {@code cds-patient-view}, {@code cds-order-select}, {@code cds-feedback}
 * @param caller who asked: a user name, or for CDS Hooks {@code <iss> <sub>} of the verified JWT
 * @param patientId the patient the request was about, or null
 * @param requestSha256 SHA-256 of the request (docs/bedside.md says of what exactly, per kind)
 * @param responseJson the response as sent
 * @param modelVersion e.g. {@code run <id> ogsrl config <sha256>}, or "" when no model answered
 * @param dataVersion the dataset's content hash, or ""
 * @param ruleVersion e.g. {@code sepsis-bedside@1.0.0 sha256:<hash>}, or ""
 */
public record AuditRecord(String kind, String caller, String patientId, String requestSha256, String responseJson,
        String modelVersion, String dataVersion, String ruleVersion) {

    public AuditRecord {
        if (kind == null || kind.isBlank() || caller == null || caller.isBlank()) {
            throw new IllegalArgumentException("An audit record needs a kind and a caller");
        }
        dev.vigil.common.Sha256.requireHex(requestSha256);
        if (responseJson == null) {
            throw new IllegalArgumentException("An audit record needs the response");
        }
        modelVersion = modelVersion == null ? "" : modelVersion;
        dataVersion = dataVersion == null ? "" : dataVersion;
        ruleVersion = ruleVersion == null ? "" : ruleVersion;
        caller = dev.vigil.common.Texts.truncate(caller, 300);
    }
}
