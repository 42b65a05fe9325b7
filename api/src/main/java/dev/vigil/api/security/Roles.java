package dev.vigil.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The four roles of Vigil. Strings, because {@code @RolesAllowed} takes compile-time constants. */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String RESEARCHER = "researcher";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** Every role, in the order the UI lists them. */
    public static final List<String> ALL = List.of(CLINICIAN, RESEARCHER, AUDITOR, ADMIN);

    private Roles() {
    }

    /**
     * Validates and normalises a set of role names.
     *
     * @throws IllegalArgumentException naming the unknown role and the valid ones, or when empty
     */
    public static Set<String> requireValid(Collection<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role, one of " + ALL);
        }
        Set<String> normalised = new TreeSet<>();
        for (String role : roles) {
            String name = role == null ? "" : role.trim().toLowerCase(java.util.Locale.ROOT);
            if (!ALL.contains(name)) {
                throw new IllegalArgumentException("Unknown role '" + role + "'; the roles are " + ALL);
            }
            normalised.add(name);
        }
        return normalised;
    }
}
