package dev.vigil.worldmodel.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of the protocol space, in a single shape: a protocol must use between {@code min} and {@code max}
 * of {@code members}. "Platinum agents exclude each other" is (platinum agents, 0, 1); "Lipiodol is always
 * present" is ({Lipiodol}, 1, 1); "one or two drugs" is (all drugs, 1, 2).
 *
 * @param id stable id, e.g. {@code tace.platinum-exclusive}; reports and {@link ProtocolSpace#check} name it
 * @param reason why the rule exists, in words a clinician can check
 * @param members the components the rule counts
 * @param min fewest members a valid protocol uses, {@code >= 0}
 * @param max most members a valid protocol uses, {@code >= min}
 */
public record ProtocolRule(String id, String reason, Set<TaceComponent> members, int min, int max) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public ProtocolRule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Protocol rule id '" + id + "' is not allowed: lower case, digits, '.', "
                    + "'_' and '-'");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Protocol rule " + id + " needs a reason");
        }
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("Protocol rule " + id + " counts no components");
        }
        if (min < 0 || max < min || min > members.size()) {
            throw new IllegalArgumentException("Protocol rule " + id + ": need 0 <= min <= max and min <= "
                    + members.size() + " members, got min " + min + ", max " + max);
        }
        members = Set.copyOf(EnumSet.copyOf(members));
    }

    /** The members {@code protocol} uses, in encoding order. */
    public List<TaceComponent> used(TaceProtocol protocol) {
        List<TaceComponent> used = new ArrayList<>();
        for (TaceComponent component : protocol.components()) {
            if (members.contains(component)) {
                used.add(component);
            }
        }
        return used;
    }

    /** The violation of this rule by {@code protocol}, or null when it holds. */
    public RuleViolation check(TaceProtocol protocol) {
        List<TaceComponent> used = used(protocol);
        if (used.size() >= min && used.size() <= max) {
            return null;
        }
        String what;
        if (used.size() > max) {
            what = names(used) + (max == 1 && used.size() == 2 ? " together" : "") + ": " + reason;
        } else if (used.isEmpty()) {
            what = "no " + describeMembers() + ": " + reason;
        } else {
            what = "only " + names(used) + ": " + reason;
        }
        return new RuleViolation(id, used, what + " (rule " + id + ")");
    }

    private String describeMembers() {
        List<TaceComponent> sorted = new ArrayList<>(EnumSet.copyOf(members));
        return sorted.size() == 1 ? sorted.get(0).displayName() : "component of " + names(sorted).replace(" and ", " or ");
    }

    private static String names(List<TaceComponent> components) {
        List<String> names = new ArrayList<>();
        for (TaceComponent component : components) {
            names.add(component.displayName());
        }
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
