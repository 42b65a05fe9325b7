package dev.vigil.ingestion.cohort;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the YAML form of a {@link CohortSpec} with Jackson: unknown fields, duplicate keys, wrong types and
 * invalid values are errors naming the file, line, column and field path.
 */
final class CohortSpecReader {

    private final ObjectMapper mapper;

    CohortSpecReader() {
        YAMLMapper yaml = YAMLMapper.builder(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SpecYamlModule())
                .build();
        // A version written as 1.10 would silently become "1.1": text must be written as text.
        yaml.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = yaml;
    }

    CohortSpec read(String yaml, String source) {
        checkFormatVersion(yaml, source);
        try {
            CohortSpec spec = mapper.readValue(yaml, CohortSpec.class);
            if (spec == null) {
                throw new InvalidCohortSpecException(source, 0, source + ": the file is empty; see docs/cohort-spec.md",
                        null);
            }
            return spec;
        } catch (JsonProcessingException e) {
            throw translate(e, source, yaml);
        }
    }

    /** Unknown versions are rejected before anything else, so a newer file is not reported field by field. */
    private void checkFormatVersion(String yaml, String source) {
        try (JsonParser parser = mapper.getFactory().createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidCohortSpecException(source, 1, source + ": a cohort specification is a YAML mapping "
                        + "starting with 'formatVersion: 1'; see docs/cohort-spec.md", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("formatVersion")) {
                    int line = parser.currentTokenLocation().getLineNr();
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != CohortSpec.FORMAT_VERSION) {
                        throw new InvalidCohortSpecException(source, line, source + " line " + line + ": formatVersion "
                                + parser.getText() + " is not supported: this Vigil reads formatVersion "
                                + CohortSpec.FORMAT_VERSION + " (see docs/cohort-spec.md)", null);
                    }
                    return;
                }
                parser.skipChildren();
            }
            throw new InvalidCohortSpecException(source, 1, source + ": formatVersion is missing: add "
                    + "'formatVersion: " + CohortSpec.FORMAT_VERSION + "' at the top", null);
        } catch (JsonProcessingException e) {
            throw translate(e, source, yaml);
        } catch (IOException e) {
            throw new InvalidCohortSpecException(source, 0, source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private InvalidCohortSpecException translate(JsonProcessingException e, String source, String yaml) {
        JsonLocation location = e.getLocation();
        String path = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            path = path(mapping.getPath());
            location = locate(yaml, mapping.getPath(), location);
        }
        int line = location == null ? 0 : location.getLineNr();
        StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(" line ").append(line).append(", column ").append(location.getColumnNr());
        }
        if (!path.isEmpty()) {
            where.append(" (").append(path).append(')');
        }
        String what;
        if (e instanceof UnrecognizedPropertyException unknown) {
            what = "unknown field '" + unknown.getPropertyName() + "'; the fields allowed here are "
                    + names(unknown.getKnownPropertyIds()) + ". Remove it or correct its spelling (docs/cohort-spec.md)";
        } else if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            what = invalid.getCause().getMessage();
        } else if (e instanceof JsonMappingException) {
            what = e.getOriginalMessage();
        } else {
            what = "not valid YAML: " + e.getOriginalMessage();
        }
        return new InvalidCohortSpecException(source, line, where + ": " + what, e);
    }

    /**
     * Where the element at {@code path} starts. Jackson builds records only after reading all their fields,
     * so its own location for a bad field is the end of the enclosing mapping; a person needs the field's
     * line, found here by walking the document again.
     */
    private JsonLocation locate(String yaml, List<JsonMappingException.Reference> path, JsonLocation fallback) {
        try (JsonParser parser = mapper.getFactory().createParser(yaml)) {
            JsonToken token = parser.nextToken();
            JsonLocation found = parser.currentTokenLocation();
            for (JsonMappingException.Reference step : path) {
                if (token == JsonToken.START_OBJECT && step.getFieldName() != null) {
                    boolean hit = false;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        boolean match = parser.currentName().equals(step.getFieldName());
                        JsonLocation at = parser.currentTokenLocation();
                        token = parser.nextToken();
                        if (match) {
                            found = at;
                            hit = true;
                            break;
                        }
                        parser.skipChildren();
                    }
                    if (!hit) {
                        return found;
                    }
                } else if (token == JsonToken.START_ARRAY && step.getIndex() >= 0) {
                    for (int i = 0; i <= step.getIndex(); i++) {
                        token = parser.nextToken();
                        if (token == JsonToken.END_ARRAY) {
                            return found;
                        }
                        if (i < step.getIndex()) {
                            parser.skipChildren();
                        }
                    }
                    found = parser.currentTokenLocation();
                } else {
                    return found;
                }
            }
            return found;
        } catch (IOException e) {
            return fallback;
        }
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String names(Collection<Object> ids) {
        TreeSet<String> sorted = new TreeSet<>();
        ids.forEach(id -> sorted.add(String.valueOf(id)));
        return String.join(", ", sorted);
    }
}
