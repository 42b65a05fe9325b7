package dev.vigil.api.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The parts of a CDS Hooks request that Vigil reads.
 *
 * @param fhirServer the EHR's FHIR base URL, or null
 * @param accessToken {@code fhirAuthorization.access_token}, or null
 * @param prefetch the prefetch object, or null
 */
public record HookCall(String hook, String hookInstance, String fhirServer, String accessToken, String patientId,
        JsonNode context, JsonNode prefetch) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /**
     * @throws CdsException 400 naming the field when the request is malformed
     */
    public static HookCall parse(JsonNode body, String expectedHook) {
        if (body == null || !body.isObject()) {
            throw new CdsException(400, "invalid", "The request body must be a CDS Hooks request object");
        }
        String hook = text(body, "hook");
        if (!expectedHook.equals(hook)) {
            throw new CdsException(400, "invalid", "hook is '" + hook + "'; this service answers '" + expectedHook
                    + "'");
        }
        String instance = text(body, "hookInstance");
        if (instance == null || instance.isBlank()) {
            throw new CdsException(400, "required", "hookInstance is required");
        }
        JsonNode context = body.get("context");
        if (context == null || !context.isObject()) {
            throw new CdsException(400, "required", "context is required");
        }
        String patient = text(context, "patientId");
        if (patient == null || !ID.matcher(patient).matches()) {
            throw new CdsException(400, patient == null ? "required" : "invalid",
                    "context.patientId is required and must be a FHIR id (1-64 of A-Z a-z 0-9 - .)");
        }
        String server = text(body, "fhirServer");
        JsonNode auth = body.get("fhirAuthorization");
        String token = auth == null || auth.isNull() ? null : text(auth, "access_token");
        if (server != null && !(server.startsWith("https://") || server.startsWith("http://"))) {
            throw new CdsException(400, "invalid", "fhirServer must be an http(s) URL");
        }
        JsonNode prefetch = body.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            throw new CdsException(400, "invalid", "prefetch must be an object of key -> FHIR resource");
        }
        return new HookCall(hook, instance, server, token, patient, context,
                prefetch == null || prefetch.isNull() ? null : prefetch);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CdsException(400, "invalid", field + " must be a string");
        }
        return value.asText();
    }
}
