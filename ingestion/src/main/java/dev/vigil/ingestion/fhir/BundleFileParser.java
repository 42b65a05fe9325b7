package dev.vigil.ingestion.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Parses one Bundle file (or a file holding a single resource), JSON or XML, into a {@link ParsedFile}.
 *
 * <p>The whole file is parsed by HAPI in one go (the fast path). When that fails on a JSON file, the file is
 * read again entry by entry so that one bad entry costs only itself: the good entries are kept and the bad one
 * is reported with its entry number and id. XML files have no such fallback: a malformed XML file is one
 * MALFORMED issue with HAPI's line and column.
 */
final class BundleFileParser {

    /** Exact decimals: FHIR decimals keep their precision ("1.50" is not "1.5"), also when re-serialised. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private BundleFileParser() {
    }

    /** Whether the file is read as XML (by its extension; JSON otherwise). */
    static boolean isXml(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    static ParsedFile parse(Path file) {
        String source = file.toString();
        List<Object> items = new ArrayList<>();
        IBaseResource parsed;
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            parsed = isXml(file) ? FhirParsers.xml().parseResource(reader) : FhirParsers.json().parseResource(reader);
        } catch (IOException e) {
            items.add(fileIssue(IssueKind.SOURCE_UNAVAILABLE, source, "could not be read ("
                    + e.getClass().getSimpleName() + "): check that the file exists and is readable"));
            return new ParsedFile(items);
        } catch (RuntimeException e) {
            if (isXml(file)) {
                items.add(fileIssue(IssueKind.MALFORMED, source, "is not a valid FHIR XML file: "
                        + ParseError.of(e).describe() + "; fix the file, the other files were read"));
            } else {
                readEntryByEntry(file, source, e, items);
            }
            return new ParsedFile(items);
        }
        if (parsed instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Resource resource = bundle.getEntry().get(i).getResource();
                if (resource != null) {
                    items.add(new SourcedResource(resource, new ResourceOrigin(source, i + 1L, resource.fhirType(),
                            resource.getIdElement().getIdPart())));
                }
            }
        } else if (parsed instanceof Resource resource) {
            items.add(new SourcedResource(resource, new ResourceOrigin(source, 0, resource.fhirType(),
                    resource.getIdElement().getIdPart())));
        }
        return new ParsedFile(items);
    }

    /** The slow path for a JSON file HAPI rejected as a whole: find which entries are bad, keep the rest. */
    private static void readEntryByEntry(Path file, String source, RuntimeException hapiFailure,
            List<Object> items) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            items.add(fileIssue(IssueKind.MALFORMED, source, "is not valid JSON: " + ParseError.of(e).describe()
                    + "; fix the file, the other files were read"));
            return;
        } catch (IOException e) {
            items.add(fileIssue(IssueKind.SOURCE_UNAVAILABLE, source, "could not be read ("
                    + e.getClass().getSimpleName() + "): check that the file exists and is readable"));
            return;
        }
        String type = textField(root, "resourceType");
        if (root == null || !root.isObject()) {
            items.add(fileIssue(IssueKind.MALFORMED, source, "is not a JSON object: a Bundle file must hold one "
                    + "FHIR Bundle or resource, {...}"));
        } else if (type == null) {
            items.add(fileIssue(IssueKind.MISSING_RESOURCE_TYPE, source, "has no top-level \"resourceType\": "
                    + "a Bundle file must hold a FHIR Bundle or resource"));
        } else if (!FhirParsers.isResourceType(type)) {
            items.add(fileIssue(IssueKind.UNKNOWN_RESOURCE_TYPE, source, "holds a \"" + type + "\", which is "
                    + "not an R4 resource type: check the spelling and that the file is FHIR R4"));
        } else if (!"Bundle".equals(type)) {
            items.add(new IngestionIssue(IssueKind.MALFORMED, new ResourceOrigin(source, 0, type,
                    textField(root, "id")), "the file's resource is not valid FHIR: "
                    + ParseError.of(hapiFailure).describe() + "; fix the file, the other files were read"));
        } else {
            readEntries(root.path("entry"), source, hapiFailure, items);
        }
    }

    private static void readEntries(JsonNode entries, String source, RuntimeException hapiFailure,
            List<Object> items) {
        int issuesBefore = items.size();
        IngestionListener collect = new IngestionListener() {
            @Override
            public void issue(IngestionIssue issue) {
                items.add(issue);
            }

            @Override
            public void resourceRead(String resourceType) {
            }

            @Override
            public void progress(long unitsDone, long unitsTotal) {
            }
        };
        boolean anyEntryBad = false;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode node = entries.get(i).get("resource");
            if (node == null || node.isNull()) {
                continue;
            }
            String type = textField(node, "resourceType");
            String id = textField(node, "id");
            ResourceOrigin origin = new ResourceOrigin(source, i + 1L, type, id);
            if (type == null) {
                items.add(new IngestionIssue(IssueKind.MISSING_RESOURCE_TYPE, origin, "the entry's resource has "
                        + "no \"resourceType\": the entry was skipped, the others were read"));
                anyEntryBad = true;
            } else if (!FhirParsers.isResourceType(type)) {
                items.add(new IngestionIssue(IssueKind.UNKNOWN_RESOURCE_TYPE, origin, "\"" + type + "\" is not an "
                        + "R4 resource type: the entry was skipped, the others were read"));
                anyEntryBad = true;
            } else {
                Resource resource = FhirParsers.parseJsonOrReport(node.toString(), origin, collect);
                if (resource != null) {
                    items.add(new SourcedResource(resource, origin));
                } else {
                    anyEntryBad = true;
                }
            }
        }
        if (!anyEntryBad) {
            // Every entry is fine on its own: the Bundle's own elements are what HAPI rejected.
            items.add(issuesBefore, new IngestionIssue(IssueKind.MALFORMED, new ResourceOrigin(source, 0, "Bundle",
                    null), "the Bundle itself is not valid FHIR: " + ParseError.of(hapiFailure).describe()
                    + "; its entries were read one by one and all kept"));
        }
    }

    private static String textField(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static IngestionIssue fileIssue(IssueKind kind, String source, String message) {
        return new IngestionIssue(kind, new ResourceOrigin(source, 0, null, null), "the file " + message);
    }
}
