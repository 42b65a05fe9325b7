package dev.vigil.ingestion.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The one HAPI {@link FhirContext} of the process and the parsers built from it.
 *
 * <p>Why a shared context: building one scans the whole R4 model (hundreds of milliseconds and megabytes), and a
 * context is thread-safe once configured. Why parsers per thread: HAPI parsers are cheap but not thread-safe.
 *
 * <p>Parsing is lenient so that real-world data is kept: unknown elements, unexpected repeats and similar are
 * accepted silently; only a value that cannot be represented (an invalid date, a boolean "yes") or content that
 * is not FHIR makes HAPI throw a {@link DataFormatException}, which the sources report as
 * {@link IssueKind#MALFORMED}. Resource ids are kept as the resource states them, not replaced by the Bundle
 * entry's {@code fullUrl}, because provenance names logical ids. The HAPI validator is never run here: it is far
 * too slow for ingestion (25 s for a 2.9 MB bundle on our machines).
 */
public final class FhirParsers {

    private static final ThreadLocal<IParser> JSON = ThreadLocal.withInitial(() -> context().newJsonParser());
    private static final ThreadLocal<IParser> XML = ThreadLocal.withInitial(() -> context().newXmlParser());

    private FhirParsers() {
    }

    /** Created on first use, once: the holder idiom makes this lazy and thread-safe without locks. */
    private static final class Holder {
        static final FhirContext CONTEXT = newContext();
        static final Set<String> RESOURCE_TYPES = Set.copyOf(CONTEXT.getResourceTypes());
    }

    /**
     * A new R4 context configured like the shared one. Only for what must not share state: HAPI's generic client
     * sends every request through its context's HTTP client factory, so a FHIR server source with its own
     * timeouts and connection pool needs a context of its own.
     */
    static FhirContext newContext() {
        FhirContext context = FhirContext.forR4();
        // false: do not log; unknown elements are normal in real exports, and logs must never carry data.
        context.setParserErrorHandler(new LenientErrorHandler(false));
        context.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
        return context;
    }

    /** The shared R4 context (configured as described above). Do not reconfigure it. */
    public static FhirContext context() {
        return Holder.CONTEXT;
    }

    /** This thread's JSON parser; never hand it to another thread. */
    public static IParser json() {
        return JSON.get();
    }

    /** This thread's XML parser; never hand it to another thread. */
    public static IParser xml() {
        return XML.get();
    }

    /** Whether {@code name} is an R4 resource type, e.g. {@code Observation} (case-sensitive, as in FHIR). */
    public static boolean isResourceType(String name) {
        return name != null && Holder.RESOURCE_TYPES.contains(name);
    }

    /**
     * Parses one JSON resource on this thread's parser, or reports why it could not.
     *
     * @param json one resource as JSON text
     * @param origin where it came from, used for the issue
     * @return the resource, or null after a {@link IssueKind#MALFORMED} issue went to {@code listener}
     */
    public static Resource parseJsonOrReport(String json, ResourceOrigin origin, IngestionListener listener) {
        IBaseResource parsed;
        try {
            parsed = json().parseResource(json);
        } catch (RuntimeException e) {
            // DataFormatException mostly; HAPI also throws others on odd input, and none may stop an ingestion.
            listener.issue(new IngestionIssue(IssueKind.MALFORMED, origin,
                    ParseError.of(e).describeInLine() + ": fix the resource or remove it"));
            return null;
        }
        if (!(parsed instanceof Resource resource)) {
            listener.issue(new IngestionIssue(IssueKind.MALFORMED, origin,
                    "parsed as " + parsed.getClass().getSimpleName() + ", which is not an R4 resource"));
            return null;
        }
        return resource;
    }
}
