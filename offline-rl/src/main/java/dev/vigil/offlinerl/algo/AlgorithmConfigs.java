package dev.vigil.offlinerl.algo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads algorithm config files and writes configs as canonical JSON.
 *
 * <p>File format (JSON, or YAML for {@code .yaml}/{@code .yml}):
 *
 * <pre>
 * algorithm: ogsrl        # a registry name
 * config:                 # optional; any field left out keeps its default
 *   minCount: 6
 *   mode: forbid
 * </pre>
 *
 * Unknown fields are refused with the list of known ones: a misspelt field silently falling back to its
 * default would train a different policy than the one the user asked for.
 */
public final class AlgorithmConfigs {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AlgorithmConfigs() {
    }

    /**
     * A config file's content: the algorithm's name and the fields it sets.
     *
     * @param algorithm the registry name
     * @param fields the fields given in the file (possibly none)
     */
    public record ConfigFile(String algorithm, ObjectNode fields) {
    }

    /**
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static ConfigFile read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the algorithm config " + file, e);
        }
        return parse(text, yaml, file.toString());
    }

    /**
     * @param yaml whether {@code text} is YAML (else JSON)
     * @param source names the text in messages, e.g. the file name
     */
    public static ConfigFile parse(String text, boolean yaml, String source) {
        JsonNode root;
        try {
            root = (yaml ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must be a mapping with 'algorithm' and optionally 'config'");
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(field -> {
            if (!field.equals("algorithm") && !field.equals("config")) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + " has unknown top-level field(s) " + unknown
                    + "; only 'algorithm' and 'config' are allowed");
        }
        JsonNode algorithm = root.get("algorithm");
        if (algorithm == null || !algorithm.isTextual() || algorithm.asText().isBlank()) {
            throw new IllegalArgumentException(source + " needs 'algorithm: <name>', e.g. 'algorithm: ogsrl'");
        }
        JsonNode config = root.get("config");
        if (config != null && !config.isNull() && !config.isObject()) {
            throw new IllegalArgumentException(source + ": 'config' must be a mapping of field names to values");
        }
        ObjectNode fields = config == null || config.isNull() ? JSON.createObjectNode() : (ObjectNode) config;
        return new ConfigFile(algorithm.asText(), fields);
    }

    /**
     * The config {@code defaults} with the given fields replaced.
     *
     * @throws IllegalArgumentException for an unknown field (listing the known ones) or an invalid value (with the
     *     config's own message)
     */
    public static <C extends AlgorithmConfig> C withFields(C defaults, Class<C> type, ObjectNode fields,
            String source) {
        ObjectNode merged = JSON.valueToTree(defaults);
        TreeSet<String> known = new TreeSet<>();
        merged.fieldNames().forEachRemaining(known::add);
        Iterator<Map.Entry<String, JsonNode>> given = fields.fields();
        while (given.hasNext()) {
            Map.Entry<String, JsonNode> field = given.next();
            if (!known.contains(field.getKey())) {
                throw new IllegalArgumentException(source + ": unknown config field '" + field.getKey() + "' for "
                        + type.getSimpleName() + "; known fields are " + known);
            }
            merged.set(field.getKey(), field.getValue());
        }
        try {
            return JSON.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(source + ": invalid " + type.getSimpleName() + ": " + reason, e);
        }
    }

    /**
     * A copy of {@code config} with some fields changed, validated by the record's own constructor: what every
     * {@code withX} of a config record is, so that adding a field touches one constructor call instead of every
     * wither.
     *
     * @param changes field name to new value (numbers, strings, booleans, enums)
     * @throws IllegalArgumentException for an unknown field or an invalid value, with the config's own message
     */
    @SuppressWarnings("unchecked")
    public static <C extends AlgorithmConfig> C copyWith(C config, Map<String, ?> changes) {
        return withFields(config, (Class<C>) config.getClass(), JSON.valueToTree(changes),
                config.getClass().getSimpleName());
    }

    /** The config as canonical JSON: fields sorted by name, no white space. Its SHA-256 names the config. */
    public static String toJson(AlgorithmConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Config " + config + " cannot be written as JSON; configs must hold only "
                    + "numbers, strings, booleans and enums", e);
        }
    }
}
