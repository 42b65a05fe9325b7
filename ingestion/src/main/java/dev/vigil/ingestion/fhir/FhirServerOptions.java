package dev.vigil.ingestion.fhir;

import java.time.Duration;
import java.util.List;

/**
 * How {@link FhirServerSource} talks to a FHIR server. Start from {@link #defaults()} and change what differs
 * with the {@code with...} methods.
 *
 * @param bearerToken sent as {@code Authorization: Bearer ...}, or null for none; never printed
 * @param patientIds read only these patients (by id), or empty to search all patients
 * @param maxPatients stop after this many patients of the search, or 0 for no limit (ignored with
 *     {@code patientIds})
 * @param pageSize the {@code _count} asked for on every search (the server may answer with fewer per page)
 * @param resourceTypes the resource types read per patient, searched by {@code subject} (or by {@code patient}
 *     for types that have no {@code subject} search parameter)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer (between bytes of it, strictly)
 * @param maxConsecutiveFailures stop after this many failed requests in a row (the server is gone), rather
 *     than report a failure for every remaining patient
 */
public record FhirServerOptions(
        String bearerToken,
        List<String> patientIds,
        int maxPatients,
        int pageSize,
        List<String> resourceTypes,
        Duration connectTimeout,
        Duration readTimeout,
        int maxConsecutiveFailures) {

    /** The clinical resource types read per patient unless told otherwise. */
    public static final List<String> DEFAULT_RESOURCE_TYPES = List.of("Observation", "Condition", "Encounter",
            "MedicationAdministration", "Procedure", "ImagingStudy", "DocumentReference");

    /** Checks every value so that a bad option fails here, with its name, not in the middle of a read. */
    public FhirServerOptions {
        patientIds = List.copyOf(patientIds);
        resourceTypes = List.copyOf(resourceTypes);
        if (bearerToken != null && bearerToken.isBlank()) {
            throw new IllegalArgumentException("bearerToken is blank: pass null for no token");
        }
        if (maxPatients < 0) {
            throw new IllegalArgumentException("maxPatients must be 0 (no limit) or more, was " + maxPatients);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, were connect " + connectTimeout
                    + " and read " + readTimeout);
        }
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be at least 1, was "
                    + maxConsecutiveFailures);
        }
    }

    /**
     * No token, all patients, pages of 100, {@link #DEFAULT_RESOURCE_TYPES}, 10 s to connect, 60 s to answer,
     * stop after 5 failures in a row.
     */
    public static FhirServerOptions defaults() {
        return new FhirServerOptions(null, List.of(), 0, 100, DEFAULT_RESOURCE_TYPES, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 5);
    }

    /** The same options with {@code token} as bearer token (null for none). */
    public FhirServerOptions withBearerToken(String token) {
        return new FhirServerOptions(token, patientIds, maxPatients, pageSize, resourceTypes, connectTimeout,
                readTimeout, maxConsecutiveFailures);
    }

    /** The same options reading only the patients {@code ids}. */
    public FhirServerOptions withPatientIds(List<String> ids) {
        return new FhirServerOptions(bearerToken, ids, maxPatients, pageSize, resourceTypes, connectTimeout,
                readTimeout, maxConsecutiveFailures);
    }

    /** The same options stopping after {@code max} patients (0: no limit). */
    public FhirServerOptions withMaxPatients(int max) {
        return new FhirServerOptions(bearerToken, patientIds, max, pageSize, resourceTypes, connectTimeout,
                readTimeout, maxConsecutiveFailures);
    }

    /** The same options asking for {@code size} resources per page. */
    public FhirServerOptions withPageSize(int size) {
        return new FhirServerOptions(bearerToken, patientIds, maxPatients, size, resourceTypes, connectTimeout,
                readTimeout, maxConsecutiveFailures);
    }

    /** The same options reading {@code types} per patient. */
    public FhirServerOptions withResourceTypes(List<String> types) {
        return new FhirServerOptions(bearerToken, patientIds, maxPatients, pageSize, types, connectTimeout,
                readTimeout, maxConsecutiveFailures);
    }

    /** The same options with other timeouts. */
    public FhirServerOptions withTimeouts(Duration connect, Duration read) {
        return new FhirServerOptions(bearerToken, patientIds, maxPatients, pageSize, resourceTypes, connect, read,
                maxConsecutiveFailures);
    }

    /** The same options giving up after {@code failures} failed requests in a row. */
    public FhirServerOptions withMaxConsecutiveFailures(int failures) {
        return new FhirServerOptions(bearerToken, patientIds, maxPatients, pageSize, resourceTypes, connectTimeout,
                readTimeout, failures);
    }

    /** Like the record's own, but the token is masked: options end up in logs and reports. */
    @Override
    public String toString() {
        return "FhirServerOptions[bearerToken=" + (bearerToken == null ? "none" : "***") + ", patientIds="
                + patientIds + ", maxPatients=" + maxPatients + ", pageSize=" + pageSize + ", resourceTypes="
                + resourceTypes + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxConsecutiveFailures=" + maxConsecutiveFailures + "]";
    }
}
