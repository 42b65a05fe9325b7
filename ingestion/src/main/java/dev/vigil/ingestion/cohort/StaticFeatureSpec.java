package dev.vigil.ingestion.cohort;

/** A feature that does not change during an episode, e.g. age at the anchor. */
public record StaticFeatureSpec(String name, StaticKind kind) {

    public StaticFeatureSpec {
        Names.requireName(name, "Static feature");
        if (kind == null) {
            throw new IllegalArgumentException("Static feature " + name + " needs kind: ageAtAnchor or gender");
        }
    }
}
