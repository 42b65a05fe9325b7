package dev.vigil.worldmodel.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One TACE protocol: the drugs and the embolic agents used, each list in encoding order without repeats. Any
 * set of known components is a protocol; whether it is a <em>valid</em> one is {@link ProtocolSpace#check}'s
 * business, so that a conflicting plan can be named in a report instead of failing to exist.
 *
 * @param drugs the drugs, sorted in {@link TaceComponent} order
 * @param embolics the embolic agents, sorted in {@link TaceComponent} order
 */
public record TaceProtocol(List<TaceComponent> drugs, List<TaceComponent> embolics) {

    public TaceProtocol {
        drugs = sorted(drugs, TaceComponent.Kind.DRUG, "drugs");
        embolics = sorted(embolics, TaceComponent.Kind.EMBOLIC, "embolics");
        if (drugs.isEmpty() && embolics.isEmpty()) {
            throw new IllegalArgumentException("A TACE protocol needs at least one component");
        }
    }

    /** The protocol of exactly these components, drugs and embolics in any order. */
    public static TaceProtocol of(Set<TaceComponent> components) {
        List<TaceComponent> drugs = new ArrayList<>();
        List<TaceComponent> embolics = new ArrayList<>();
        for (TaceComponent component : components) {
            (component.isDrug() ? drugs : embolics).add(component);
        }
        return new TaceProtocol(drugs, embolics);
    }

    /** The protocol of these components. */
    public static TaceProtocol of(TaceComponent... components) {
        Set<TaceComponent> set = EnumSet.noneOf(TaceComponent.class);
        for (TaceComponent component : components) {
            if (!set.add(component)) {
                throw new IllegalArgumentException(component.displayName() + " is listed twice");
            }
        }
        return of(set);
    }

    /**
     * Parses a protocol written as MeWM writes them: component names separated by ';' (',' and '+' are
     * accepted too), e.g. {@code "Epirubicin; Lipiodol; Gelatin Sponge"}. Names may be display names, codes or
     * synonyms, in any case and order.
     *
     * @throws IllegalArgumentException naming the unknown or repeated component, or for empty text
     */
    public static TaceProtocol parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A TACE protocol is a ';'-separated list of components, e.g. "
                    + "\"Epirubicin; Lipiodol; Gelatin Sponge\"; got empty text");
        }
        Set<TaceComponent> components = EnumSet.noneOf(TaceComponent.class);
        String[] parts = text.split("[;,+]");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("Protocol \"" + text + "\": part " + (i + 1) + " is empty; separate "
                        + "component names by single ';'");
            }
            TaceComponent component;
            try {
                component = TaceComponent.ofName(part);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Protocol \"" + text + "\", part " + (i + 1) + ": " + e.getMessage(),
                        e);
            }
            if (!components.add(component)) {
                throw new IllegalArgumentException("Protocol \"" + text + "\" names " + component.displayName()
                        + " twice (part " + (i + 1) + " is '" + part + "')");
            }
        }
        return of(components);
    }

    /**
     * The protocol a multi-hot vector encodes.
     *
     * @param multiHot length {@value TaceComponent#COUNT}, each entry exactly 0 or 1
     */
    public static TaceProtocol fromMultiHot(float[] multiHot) {
        if (multiHot == null || multiHot.length != TaceComponent.COUNT) {
            throw new IllegalArgumentException("A protocol encoding has " + TaceComponent.COUNT + " entries, got "
                    + (multiHot == null ? "null" : multiHot.length));
        }
        Set<TaceComponent> components = EnumSet.noneOf(TaceComponent.class);
        for (int i = 0; i < multiHot.length; i++) {
            if (multiHot[i] == 1f) {
                components.add(TaceComponent.values()[i]);
            } else if (multiHot[i] != 0f) {
                throw new IllegalArgumentException("Protocol encoding entry " + i + " (" + TaceComponent.values()[i]
                        .displayName() + ") is " + multiHot[i] + "; entries are 0 or 1");
            }
        }
        return of(components);
    }

    /** Drugs then embolics, in encoding order. */
    public List<TaceComponent> components() {
        List<TaceComponent> all = new ArrayList<>(drugs);
        all.addAll(embolics);
        return all;
    }

    public boolean contains(TaceComponent component) {
        return drugs.contains(component) || embolics.contains(component);
    }

    /**
     * The world model's conditioning vector: entry i is 1 when the protocol uses
     * {@code TaceComponent.values()[i]}, else 0. Shape (14): the nine drugs, then the five embolics.
     */
    public float[] multiHot() {
        float[] vector = new float[TaceComponent.COUNT];
        for (TaceComponent component : components()) {
            vector[component.ordinal()] = 1f;
        }
        return vector;
    }

    /** Canonical text, e.g. {@code Epirubicin; Lipiodol; Gelatin Sponge}; {@link #parse} reads it back. */
    public String label() {
        List<String> names = new ArrayList<>();
        for (TaceComponent component : components()) {
            names.add(component.displayName());
        }
        return String.join("; ", names);
    }

    @Override
    public String toString() {
        return label();
    }

    private static List<TaceComponent> sorted(List<TaceComponent> list, TaceComponent.Kind kind, String field) {
        if (list == null) {
            return List.of();
        }
        Set<TaceComponent> set = EnumSet.noneOf(TaceComponent.class);
        for (TaceComponent component : list) {
            if (component == null) {
                throw new IllegalArgumentException("A protocol's " + field + " hold a null entry");
            }
            if (component.kind() != kind) {
                throw new IllegalArgumentException(component.displayName() + " is not one of the " + field
                        + " (it is " + component.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            if (!set.add(component)) {
                throw new IllegalArgumentException(component.displayName() + " is listed twice in " + field);
            }
        }
        return List.copyOf(set);
    }
}
