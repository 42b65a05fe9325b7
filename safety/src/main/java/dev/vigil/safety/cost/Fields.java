package dev.vigil.safety.cost;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one YAML mapping of a rule file, turning every problem into an
 * {@link InvalidRuleSetException} that names the file, the line and the field path.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final String source;

    private Fields(YamlNode.Mapping mapping, String path, String source) {
        this.mapping = mapping;
        this.path = path;
        this.source = source;
    }

    /** The fields of {@code node}, which must be a mapping ({@code what} says what it should be). */
    static Fields of(YamlNode node, String path, String source, String what) {
        if (node instanceof YamlNode.Mapping mapping) {
            return new Fields(mapping, path, source);
        }
        throw error(source, node.line(), path, what + " must be a mapping of fields (key: value)");
    }

    /** Rejects any field not in {@code allowed}, naming it and listing the allowed ones. */
    Fields allowOnly(String... allowed) {
        Set<String> names = Set.of(allowed);
        for (var entry : mapping.entries().entrySet()) {
            if (!names.contains(entry.getKey())) {
                throw error(source, entry.getValue().keyLine(), child(entry.getKey()), "unknown field '"
                        + entry.getKey() + "'; the fields allowed here are " + String.join(", ", new TreeSet<>(names))
                        + ". Remove it or correct its spelling (docs/safety-rules.md)");
            }
        }
        return this;
    }

    boolean has(String name) {
        return mapping.entries().containsKey(name);
    }

    /** The line of the mapping itself. */
    int line() {
        return mapping.line();
    }

    /** The line of field {@code name}, or of the mapping when absent. */
    int line(String name) {
        YamlNode.Entry entry = mapping.entries().get(name);
        return entry == null ? mapping.line() : entry.keyLine();
    }

    String path() {
        return path;
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    YamlNode node(String name) {
        YamlNode.Entry entry = mapping.entries().get(name);
        if (entry == null) {
            throw error(source, mapping.line(), child(name), "the field '" + name + "' is missing; add it");
        }
        return entry.value();
    }

    List<String> names() {
        return List.copyOf(mapping.entries().keySet());
    }

    /** A required text field. Numbers and booleans are refused: YAML would read 1.10 as 1.1. */
    String text(String name) {
        return text(node(name), child(name));
    }

    String optionalText(String name, String fallback) {
        return has(name) ? text(name) : fallback;
    }

    String text(YamlNode node, String at) {
        if (node instanceof YamlNode.Scalar scalar && scalar.isText()) {
            return scalar.text();
        }
        String got = node instanceof YamlNode.Scalar scalar ? "'" + scalar.text() + "'" : "a " + kind(node);
        throw error(source, node.line(), at, "expected text, got " + got + "; quote it, e.g. \"1.0.0\"");
    }

    /** A required finite number. */
    double number(String name) {
        YamlNode node = node(name);
        if (node instanceof YamlNode.Scalar scalar && scalar.isNumber()) {
            if (!Double.isFinite(scalar.number())) {
                throw error(source, node.line(), child(name), "expected a finite number, got " + scalar.text());
            }
            return scalar.number();
        }
        String got = node instanceof YamlNode.Scalar scalar ? "'" + scalar.text() + "'" : "a " + kind(node);
        throw error(source, node.line(), child(name), "expected a number, got " + got + "; write it unquoted, e.g. 92");
    }

    double optionalNumber(String name, double fallback) {
        return has(name) ? number(name) : fallback;
    }

    /** A required sequence. */
    List<YamlNode> sequence(String name) {
        YamlNode node = node(name);
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        throw error(source, node.line(), child(name), "expected a list, got a " + kind(node));
    }

    /** An error about field {@code name} (at its line). */
    InvalidRuleSetException error(String name, String message) {
        return error(source, line(name), child(name), message);
    }

    static InvalidRuleSetException error(String source, int line, String path, String message) {
        StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(" line ").append(line);
        }
        if (!path.isEmpty()) {
            where.append(" (").append(path).append(')');
        }
        return new InvalidRuleSetException(source, line, where + ": " + message, null);
    }

    private static String kind(YamlNode node) {
        if (node instanceof YamlNode.Mapping) {
            return "mapping";
        }
        return node instanceof YamlNode.Sequence ? "list" : "value";
    }
}
