package dev.vigil.api.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/**
 * Gets a patient's resources for a hook call: from the prefetch when the EHR sent every key, otherwise the
 * missing ones from {@code fhirServer} with {@code fhirAuthorization}'s bearer token (HAPI FHIR client); with
 * neither, a 412 naming the missing keys.
 */
public final class PrefetchLoader {

    /** Prefetch key -> template; {@code {{context.patientId}}} is the patient. */
    public static final Map<String, String> TEMPLATES;

    static {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("patient", "Patient/{{context.patientId}}");
        t.put("vitals", "Observation?patient={{context.patientId}}&category=vital-signs,exam&_sort=-date&_count=500");
        t.put("labs", "Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=500");
        t.put("medications", "MedicationAdministration?patient={{context.patientId}}&_sort=-effective-time"
                + "&_count=500");
        TEMPLATES = java.util.Collections.unmodifiableMap(t);
    }

    private final FhirContext fhir;

    public PrefetchLoader(FhirContext fhir) {
        this.fhir = fhir;
    }

    public PatientData load(HookCall call) {
        Map<String, IBaseResource> resources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        IParser parser = fhir.newJsonParser();
        for (String key : TEMPLATES.keySet()) {
            JsonNode value = call.prefetch() == null ? null : call.prefetch().get(key);
            if (value == null || value.isNull()) {
                missing.add(key);
                continue;
            }
            try {
                resources.put(key, parser.parseResource(value.toString()));
            } catch (DataFormatException e) {
                throw new CdsException(400, "invalid", "prefetch." + key + " is not a FHIR R4 resource: "
                        + firstLine(e.getMessage()));
            }
        }
        if (!missing.isEmpty()) {
            if (call.fhirServer() == null) {
                throw new CdsException(412, "required", "Prefetch is missing " + String.join(", ", missing)
                        + " and the request gives no fhirServer to fetch them from. Templates: "
                        + String.join("; ", missing.stream().map(k -> k + " = " + TEMPLATES.get(k)).toList()));
            }
            fetch(call, missing, resources);
        }
        Patient patient = typed(resources.get("patient"), Patient.class, "patient");
        if (patient.hasIdElement() && patient.getIdElement().getIdPart() != null
                && !patient.getIdElement().getIdPart().equals(call.patientId())) {
            throw new CdsException(400, "invalid", "prefetch.patient is Patient/" + patient.getIdElement().getIdPart()
                    + ", not context.patientId " + call.patientId());
        }
        List<Observation> observations = new ArrayList<>();
        observations.addAll(entries(resources.get("vitals"), Observation.class, "vitals"));
        observations.addAll(entries(resources.get("labs"), Observation.class, "labs"));
        return new PatientData(patient, observations,
                entries(resources.get("medications"), MedicationAdministration.class, "medications"));
    }

    private void fetch(HookCall call, List<String> keys, Map<String, IBaseResource> into) {
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = fhir.newRestfulGenericClient(call.fhirServer());
        if (call.accessToken() != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(call.accessToken()));
        }
        for (String key : keys) {
            String url = TEMPLATES.get(key).replace("{{context.patientId}}", call.patientId());
            try {
                into.put(key, key.equals("patient")
                        ? client.read().resource(Patient.class).withId(call.patientId()).execute()
                        : client.search().byUrl(url).returnBundle(Bundle.class).execute());
            } catch (BaseServerResponseException e) {
                throw new CdsException(412, "required", "Could not fetch " + key + " (" + url + ") from fhirServer: "
                        + "HTTP " + e.getStatusCode());
            } catch (RuntimeException e) {
                throw new CdsException(412, "required", "Could not fetch " + key + " (" + url + ") from fhirServer: "
                        + firstLine(e.getMessage()));
            }
        }
    }

    private static <T extends IBaseResource> T typed(IBaseResource resource, Class<T> type, String key) {
        if (!type.isInstance(resource)) {
            throw new CdsException(400, "invalid", "prefetch." + key + " is a " + resource.fhirType() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(resource);
    }

    private static <T extends IBaseResource> List<T> entries(IBaseResource resource, Class<T> type, String key) {
        Bundle bundle = typed(resource, Bundle.class, key);
        List<T> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (type.isInstance(entry.getResource())) {
                out.add(type.cast(entry.getResource()));
            }
        }
        return out;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
