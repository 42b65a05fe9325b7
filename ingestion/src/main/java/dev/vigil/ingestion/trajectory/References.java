package dev.vigil.ingestion.trajectory;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Reads patient ids out of FHIR references. */
final class References {

    private static final String URN_UUID = "urn:uuid:";
    private static final String PATIENT = "Patient";

    private References() {
    }

    /**
     * The Patient id a subject reference points at: {@code Patient/123}, an absolute
     * {@code .../Patient/123[/_history/n]}, or {@code urn:uuid:...} (Bundle entries). Null when the
     * reference is empty or points at another resource type.
     */
    static String patientId(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        String text = reference.getReference();
        if (text.startsWith(URN_UUID)) {
            String id = text.substring(URN_UUID.length());
            return id.isEmpty() ? null : id;
        }
        String[] parts = text.split("/");
        int history = -1;
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].equals("_history")) {
                history = i;
            }
        }
        int end = history >= 0 ? history : parts.length;
        if (end < 2 || !parts[end - 2].equals(PATIENT) || parts[end - 1].isEmpty()) {
            return null;
        }
        return parts[end - 1];
    }

    /**
     * A resource's own logical id: {@code Patient/123/_history/2} gives {@code 123}; a Bundle entry identified
     * only by {@code urn:uuid:...} gives the UUID, matching what {@link #patientId} reads from references.
     * Null when the resource has no id.
     */
    static String ownId(Resource resource) {
        IdType id = resource.getIdElement();
        if (id == null || id.isEmpty() || id.getValue() == null) {
            return null;
        }
        if (id.getValue().startsWith(URN_UUID)) {
            String uuid = id.getValue().substring(URN_UUID.length());
            return uuid.isEmpty() ? null : uuid;
        }
        return id.getIdPart();
    }

    /** Why {@link #patientId} gave null, for the MISSING_SUBJECT message. */
    static String describeProblem(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return "has no subject (a reference to its Patient)";
        }
        return "has a subject that is not a Patient reference (expected Patient/<id> or urn:uuid:<id>)";
    }
}
