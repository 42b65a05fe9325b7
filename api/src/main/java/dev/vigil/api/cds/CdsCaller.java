package dev.vigil.api.cds;

/**
 * A verified CDS Hooks client.
 *
 * @param issuer the JWT's {@code iss}
 * @param subject the JWT's {@code sub} (the client id), or ""
 * @param jti the token id
 */
public record CdsCaller(String issuer, String subject, String jti) {

    /** How the audit trail names the caller: {@code cds:<iss> <sub>}. */
    public String auditName() {
        return "cds:" + issuer + (subject.isEmpty() ? "" : " " + subject);
    }
}
