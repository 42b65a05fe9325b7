package dev.vigil.safety.cost;

import dev.vigil.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A versioned, immutable set of safety rules.
 *
 * @param id stable id, e.g. {@code sepsis-bedside}
 * @param version semantic version {@code major.minor.patch}; change it whenever the content changes
 * @param description what the rules are for
 * @param units the UCUM unit each variable read by a rule is assumed to be in (every name read must have
 *     one, and every entry must be read); checked against the dataset when a model is compiled
 * @param rules the rules, in the order costs report them; ids unique
 */
public record RuleSet(String id, String version, String description, Map<String, String> units, List<Rule> rules) {

    /** The version of the rule file format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");

    public RuleSet {
        if (id == null || !Rule.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Rule set id '" + id + "' is not allowed: use lower-case letters, "
                    + "digits, '.', '_' and '-', e.g. sepsis-bedside");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Rule set " + id + " has version '" + version + "': write a semantic "
                    + "version major.minor.patch, e.g. \"1.0.0\"");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Rule set " + id + " needs a description");
        }
        if (rules == null || rules.isEmpty()) {
            throw new IllegalArgumentException("Rule set " + id + " has no rules; give at least one");
        }
        rules = List.copyOf(rules);
        // Sorted so that the canonical form, and with it the hash, does not depend on the file's key order.
        units = Collections.unmodifiableMap(units == null ? new TreeMap<>() : new TreeMap<>(units));
        Set<String> ids = new HashSet<>();
        Set<String> read = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("Rule set " + id + " has two rules with id " + rule.id()
                        + "; rule ids must be unique");
            }
            for (String name : rule.condition().names()) {
                read.add(name);
                String unit = units.get(name);
                if (unit == null || unit.isBlank()) {
                    throw new IllegalArgumentException("Rule " + rule.id() + " reads '" + name + "', which units does "
                            + "not list: add '" + name + ": <UCUM unit>' under units so that datasets in another unit "
                            + "are refused");
                }
            }
        }
        for (String name : units.keySet()) {
            if (!read.contains(name)) {
                throw new IllegalArgumentException("units lists '" + name + "', which no rule of " + id + " reads; "
                        + "remove it");
            }
        }
    }

    /** The rule ids in order. */
    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    /**
     * The canonical form the hash is taken of: compact JSON with a fixed key order, the condition's
     * {@code and:} shorthand written as {@code all:}, default weights written out and numbers in their
     * shortest plain decimal form. Comments, layout and key order of the file do not change it; any change to
     * an id, version, description, unit, condition, weight, rationale, source or note does.
     */
    public String canonicalForm() {
        return CanonicalForm.of(this);
    }

    /** Lower-case hex SHA-256 of the UTF-8 {@linkplain #canonicalForm() canonical form}. */
    public String contentHash() {
        return Sha256.hex(canonicalForm().getBytes(StandardCharsets.UTF_8));
    }

    /** Id, version and hash: what every cost computed with this rule set names. */
    public RuleSetRef ref() {
        return new RuleSetRef(id, version, contentHash());
    }
}
