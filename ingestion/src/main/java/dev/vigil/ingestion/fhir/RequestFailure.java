package dev.vigil.ingestion.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.EnglishReasonPhraseCatalog;

/**
 * Why one request to a FHIR server failed, in words that point at the fix, without the server's own error text
 * (an OperationOutcome may quote patient data).
 *
 * @param status the HTTP status, or 0 when there was no HTTP answer
 * @param what e.g. "answered 401 (Unauthorized)", "could not be reached (connection refused)", "timed out"
 * @param timeout whether the request timed out
 */
record RequestFailure(int status, String what, boolean timeout) {

    static RequestFailure of(Throwable failure) {
        Throwable timeoutCause = cause(failure, SocketTimeoutException.class, ConnectTimeoutException.class);
        if (timeoutCause != null) {
            return new RequestFailure(0, "did not answer in time (" + timeoutCause.getClass().getSimpleName() + ")",
                    true);
        }
        if (cause(failure, UnknownHostException.class) != null) {
            return new RequestFailure(0, "could not be reached (unknown host)", false);
        }
        if (cause(failure, ConnectException.class) != null) {
            return new RequestFailure(0, "could not be reached (connection refused)", false);
        }
        if (failure instanceof FhirClientConnectionException) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new RequestFailure(0, "could not be reached (" + root.getClass().getSimpleName() + ")", false);
        }
        if (failure instanceof BaseServerResponseException response && response.getStatusCode() > 0) {
            int status = response.getStatusCode();
            String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
            return new RequestFailure(status, "answered " + status + (reason == null ? "" : " (" + reason + ")"),
                    false);
        }
        return new RequestFailure(0, "gave an answer that is not valid FHIR (" + ParseError.of(failure).describe()
                + ")", false);
    }

    /** What the person running the ingestion should check. */
    String advice(boolean hasToken) {
        if (status == 401) {
            return hasToken ? "check the bearer token" : "the server needs a bearer token: pass one";
        }
        if (status == 403) {
            return "the bearer token is not allowed to read these resources: ask for a token with read access";
        }
        if (timeout) {
            return "check that the server is up, or raise the read timeout";
        }
        if (status == 0 && what.startsWith("could not be reached")) {
            return "check the URL and that the server is running";
        }
        if (status == 404) {
            return "check the base URL (it should end at the FHIR base, e.g. .../fhir) and the ids";
        }
        return "see the server's log";
    }

    @SafeVarargs
    private static Throwable cause(Throwable failure, Class<? extends Throwable>... types) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
