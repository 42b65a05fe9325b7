package dev.vigil.ingestion.fhir;

import ca.uhn.fhir.context.RuntimeResourceDefinition;
import dev.vigil.ingestion.report.IngestionListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A live FHIR R4 server, read through HAPI's generic client: all patients (or the given ones), then per patient
 * each resource type of interest ({@code Observation?subject=Patient/x}, ...), following {@code next} links of
 * every search. Origins carry the server's base URL and line 0.
 *
 * <p>A failing request (an HTTP error status, a timeout, a dropped connection) becomes a SOURCE_UNAVAILABLE
 * issue naming the request and the status, and reading goes on with the next search; after
 * {@link FhirServerOptions#maxConsecutiveFailures()} failures in a row the server is taken to be gone and reading
 * stops with one more issue. Only when the very first request fails (wrong URL, server down, 401/403) does
 * {@link #read} throw, because then nothing at all can be read and the caller should hear it plainly.
 *
 * <p>Progress is resources fetched; the total is unknown (-1). The sink is called on the calling thread.
 */
public final class FhirServerSource implements FhirSource {

    private final String baseUrl;
    private final FhirServerOptions options;
    private final Map<String, String> patientSearchParameters;

    /** Reads {@code baseUrl} with {@link FhirServerOptions#defaults()}. */
    public FhirServerSource(String baseUrl) {
        this(baseUrl, FhirServerOptions.defaults());
    }

    /**
     * Reads {@code baseUrl}, e.g. {@code https://fhir.example.org/r4}.
     *
     * @throws IllegalArgumentException if the URL is not http(s) or a resource type cannot be searched by patient
     */
    public FhirServerSource(String baseUrl, FhirServerOptions options) {
        if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("FHIR server base URL must start with http:// or https://, was "
                    + baseUrl);
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.options = options;
        this.patientSearchParameters = patientSearchParameters(options);
    }

    @Override
    public String describe() {
        return "FHIR server " + baseUrl;
    }

    /**
     * Reads every patient and their resources.
     *
     * @throws IOException if the first request fails: the server cannot be reached, refuses the token, or
     *     answers with an error
     */
    @Override
    public void read(Consumer<SourcedResource> sink, IngestionListener listener) throws IOException {
        listener.sourceStarted(describe());
        try (ServerReader reader = new ServerReader(baseUrl, options, patientSearchParameters, sink, listener)) {
            reader.readAll();
        }
    }

    /** For each type, the search parameter that selects a patient's resources: subject, else patient. */
    private static Map<String, String> patientSearchParameters(FhirServerOptions options) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String type : options.resourceTypes()) {
            if (!FhirParsers.isResourceType(type)) {
                throw new IllegalArgumentException("'" + type + "' is not an R4 resource type: check the spelling "
                        + "(types are case-sensitive, e.g. Observation)");
            }
            RuntimeResourceDefinition definition = FhirParsers.context().getResourceDefinition(type);
            if (type.equals("Patient")) {
                throw new IllegalArgumentException("Patient is read by the patient search: leave it out of the "
                        + "resource types");
            } else if (definition.getSearchParam("subject") != null) {
                parameters.put(type, "subject");
            } else if (definition.getSearchParam("patient") != null) {
                parameters.put(type, "patient");
            } else {
                throw new IllegalArgumentException(type + " has neither a subject nor a patient search parameter, "
                        + "so it cannot be read per patient: leave it out of the resource types");
            }
        }
        return parameters;
    }
}
