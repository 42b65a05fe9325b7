package dev.vigil.safety.cost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every key and value. Rule files are read through
 * this tree rather than data binding because conditions have several shapes, and an error must name the
 * line of the offending field, which data binding only knows at the end of the enclosing mapping.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Deeper documents are refused: no sensible rule nests this far, and it bounds the recursion. */
    int MAX_DEPTH = 32;

    /** The 1-based line the node starts on. */
    int line();

    /** A mapping; keys in file order, each with the line of the key. */
    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A value of a mapping and the line of its key. */
    record Entry(int keyLine, YamlNode value) {
    }

    /** A sequence. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar: text, a number, a boolean or null ({@code token} says which).
     *
     * @param number the value when {@code token} is a number, else NaN
     */
    record Scalar(int line, JsonToken token, String text, double number) implements YamlNode {

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        boolean isText() {
            return token == JsonToken.VALUE_STRING;
        }
    }

    /**
     * Parses one YAML document.
     *
     * @throws InvalidRuleSetException naming {@code source} and the line for invalid YAML, duplicate keys, an
     *     empty file or more than one document
     */
    static YamlNode parse(String yaml, String source) {
        YAMLFactory factory = new YAMLFactory();
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidRuleSetException(source, 0, source + ": the file is empty; a rule set starts with "
                        + "'formatVersion: 1' (docs/safety-rules.md)", null);
            }
            YamlNode root = read(parser, first, source, 0);
            if (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                throw new InvalidRuleSetException(source, line, source + " line " + line + ": a second YAML document "
                        + "starts here; a rule set file holds exactly one", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidRuleSetException(source, line, source + (line > 0 ? " line " + line : "")
                    + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidRuleSetException(source, 0, source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static YamlNode read(JsonParser parser, JsonToken token, String source, int depth) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new InvalidRuleSetException(source, line, source + " line " + line + ": nested more than "
                    + MAX_DEPTH + " levels deep; simplify the condition", null);
        }
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                YamlNode value = read(parser, parser.nextToken(), source, depth + 1);
                Entry earlier = entries.put(key, new Entry(keyLine, value));
                if (earlier != null) {
                    throw new InvalidRuleSetException(source, keyLine, source + " line " + keyLine + ": the key '"
                            + key + "' appears twice in one mapping (lines " + earlier.keyLine() + " and " + keyLine
                            + "); keep one", null);
                }
            }
            return new Mapping(line, entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(read(parser, next, source, depth + 1));
            }
            return new Sequence(line, items);
        }
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        return new Scalar(line, token, parser.getText(), number ? numberOf(parser) : Double.NaN);
    }

    /** YAML's .inf and .nan are numbers to YAML but not to Java's parser: keep them as NaN for the reader to refuse. */
    private static double numberOf(JsonParser parser) throws IOException {
        try {
            return parser.getDoubleValue();
        } catch (JsonProcessingException e) {
            return Double.NaN;
        }
    }
}
