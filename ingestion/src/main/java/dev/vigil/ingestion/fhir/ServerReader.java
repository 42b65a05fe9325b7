package dev.vigil.ingestion.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * One read of a FHIR server: owns the HTTP client (closed at the end), counts what was fetched and how many
 * requests failed in a row.
 */
final class ServerReader implements AutoCloseable {

    /** What a request is for, which decides what its failure means. */
    private enum Request {
        PATIENT_SEARCH, PATIENT_READ, TYPE_SEARCH, NEXT_PAGE
    }

    /** Thrown inside a read when too many requests failed in a row; caught by {@link #readAll}. */
    private static final class ServerGone extends RuntimeException {
        ServerGone() {
            super(null, null, false, false);
        }
    }

    private final String baseUrl;
    private final FhirServerOptions options;
    private final Map<String, String> patientSearchParameters;
    private final Consumer<SourcedResource> sink;
    private final IngestionListener listener;
    private final CloseableHttpClient http;
    private final IGenericClient client;
    private final Set<String> unservedTypes = new HashSet<>();
    private long requests;
    private long fetched;
    private int failuresInARow;

    ServerReader(String baseUrl, FhirServerOptions options, Map<String, String> patientSearchParameters,
            Consumer<SourcedResource> sink, IngestionListener listener) {
        this.baseUrl = baseUrl;
        this.options = options;
        this.patientSearchParameters = patientSearchParameters;
        this.sink = sink;
        this.listener = listener;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        int readMillis = (int) Math.min(Integer.MAX_VALUE, options.readTimeout().toMillis());
        this.http = HttpClientBuilder.create()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connectMillis)
                        .setConnectionRequestTimeout(connectMillis)
                        .setSocketTimeout(readMillis)
                        .build())
                .build();
        // A context of our own: HAPI sends every request through the context's client factory, so timeouts and
        // the connection pool set on the shared context would apply to every source in the process.
        FhirContext context = FhirParsers.newContext();
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setHttpClient(http);
        this.client = factory.newGenericClient(baseUrl);
        if (options.bearerToken() != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(options.bearerToken()));
        }
    }

    void readAll() throws IOException {
        try {
            List<String> patientIds = options.patientIds().isEmpty() ? searchPatients() : readPatients();
            for (String patientId : patientIds) {
                for (Map.Entry<String, String> type : patientSearchParameters.entrySet()) {
                    if (!unservedTypes.contains(type.getKey())) {
                        searchForPatient(type.getKey(), type.getValue(), patientId);
                    }
                }
            }
        } catch (ServerGone e) {
            listener.issue(new IngestionIssue(IssueKind.SOURCE_UNAVAILABLE, new ResourceOrigin(baseUrl, 0, null,
                    null), "stopped reading after " + failuresInARow + " failed requests in a row: the server "
                    + "seems to be gone, so the rest was not read; read again when it is back"));
        }
    }

    /** All patients (up to maxPatients), delivered as they come; returns their ids for the per-type searches. */
    private List<String> searchPatients() throws IOException {
        List<String> ids = new ArrayList<>();
        String path = "Patient?_count=" + options.pageSize();
        Bundle page = request(Request.PATIENT_SEARCH, "Patient", path, () -> client.search()
                .forResource(Patient.class)
                .count(options.pageSize())
                .returnBundle(Bundle.class)
                .execute());
        while (page != null) {
            for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                if (options.maxPatients() > 0 && ids.size() >= options.maxPatients()) {
                    return ids;
                }
                if (entry.getResource() instanceof Patient patient && deliver(patient)) {
                    ids.add(patient.getIdElement().getIdPart());
                }
            }
            page = nextPage("Patient", page);
        }
        return ids;
    }

    /** The given patients, read one by one; a missing one is an issue, not the end. */
    private List<String> readPatients() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String id : options.patientIds()) {
            Patient patient = request(Request.PATIENT_READ, "Patient", "Patient/" + id,
                    () -> client.read().resource(Patient.class).withId(id).execute());
            if (patient != null && deliver(patient)) {
                ids.add(patient.getIdElement().getIdPart());
            }
        }
        return ids;
    }

    private void searchForPatient(String type, String parameter, String patientId) throws IOException {
        String path = type + "?" + parameter + "=Patient/" + patientId + "&_count=" + options.pageSize();
        Bundle page = request(Request.TYPE_SEARCH, type, path, () -> client.search().forResource(type)
                .where(new ReferenceClientParam(parameter).hasId("Patient/" + patientId))
                .count(options.pageSize())
                .returnBundle(Bundle.class)
                .execute());
        while (page != null) {
            for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                // Only the searched type: servers may add OperationOutcomes (search mode "outcome").
                if (entry.getResource() != null && type.equals(entry.getResource().fhirType())) {
                    deliver(entry.getResource());
                }
            }
            page = nextPage(type, page);
        }
    }

    private Bundle nextPage(String type, Bundle page) throws IOException {
        Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
        if (next == null || next.getUrl() == null || next.getUrl().isBlank()) {
            return null;
        }
        String url = next.getUrl();
        String path = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        return request(Request.NEXT_PAGE, type, path, () -> client.loadPage().next(page).execute());
    }

    /**
     * Runs one request. The first request's failure is thrown as an IOException; later failures become issues
     * and give null (the search in question ends), until too many in a row end the whole read.
     */
    private <T> T request(Request kind, String type, String path, Supplier<T> call) throws IOException {
        boolean first = requests++ == 0;
        try {
            T result = call.get();
            failuresInARow = 0;
            return result;
        } catch (RuntimeException e) {
            RequestFailure failure = RequestFailure.of(e);
            boolean notFound = e instanceof ResourceNotFoundException || e instanceof ResourceGoneException;
            boolean patientRead = kind == Request.PATIENT_READ;
            if (first && !(notFound && patientRead)) {
                throw new IOException("FHIR server at " + baseUrl + " " + failure.what() + " to GET " + path + ": "
                        + failure.advice(options.bearerToken() != null), e);
            }
            String consequence = "this search was skipped, reading went on";
            if (notFound && patientRead) {
                consequence = "this patient was skipped, reading went on";
            } else if (notFound && kind == Request.TYPE_SEARCH) {
                // The server does not serve this type at all: one issue, not one per patient.
                unservedTypes.add(type);
                consequence = "the server does not serve " + type + " searches, so " + type + " was skipped for "
                        + "all patients";
            }
            listener.issue(new IngestionIssue(IssueKind.SOURCE_UNAVAILABLE, new ResourceOrigin(baseUrl, 0, type,
                    null), "GET " + path + " " + failure.what() + ": " + failure.advice(options.bearerToken() != null)
                    + "; " + consequence));
            if (!(notFound && kind != Request.NEXT_PAGE) && ++failuresInARow >= options.maxConsecutiveFailures()) {
                throw new ServerGone();
            }
            return null;
        }
    }

    /** Delivers one resource; false (nothing delivered) when it has no id to name it by. */
    private boolean deliver(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        if (id == null) {
            listener.issue(new IngestionIssue(IssueKind.MALFORMED, new ResourceOrigin(baseUrl, 0,
                    resource.fhirType(), null), "the server sent a " + resource.fhirType() + " without an id: "
                    + "it cannot be traced back to the server, so it was dropped"));
            return false;
        }
        sink.accept(new SourcedResource(resource, new ResourceOrigin(baseUrl, 0, resource.fhirType(), id)));
        listener.resourceRead(resource.fhirType());
        listener.progress(++fetched, -1);
        return true;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
