package dev.vigil.ingestion.cohort;

/**
 * A state feature computed per bloc from other features or actions.
 *
 * @param name column name
 * @param kind what is computed
 * @param of for {@link DerivedKind#CUMULATIVE_SUM}: the feature or action summed
 * @param numerator for {@link DerivedKind#RATIO}: the feature on top
 * @param denominator for {@link DerivedKind#RATIO}: the feature below
 * @param unit the UCUM unit of the result; for a cumulative sum it must be the summed variable's unit, for a
 *     ratio the numerator's unit divided by the denominator's must convert to it (pao2 in mm[Hg] over fio2
 *     in % gives mm[Hg] with a factor 100)
 */
public record DerivedFeatureSpec(String name, DerivedKind kind, String of, String numerator, String denominator,
        String unit) {

    public DerivedFeatureSpec {
        Names.requireName(name, "Derived feature");
        String what = "Derived feature " + name;
        if (kind == null) {
            throw new IllegalArgumentException(what + " needs kind: cumulativeSum or ratio");
        }
        Names.requireUnit(unit, what);
        switch (kind) {
            case CUMULATIVE_SUM -> {
                if (of == null || numerator != null || denominator != null) {
                    throw new IllegalArgumentException(what + " is a cumulativeSum: give 'of' (a feature or action) "
                            + "and no numerator or denominator");
                }
            }
            case RATIO -> {
                if (of != null || numerator == null || denominator == null) {
                    throw new IllegalArgumentException(what + " is a ratio: give numerator and denominator (features)"
                            + " and no 'of'");
                }
            }
            default -> throw new IllegalArgumentException(what + " has an unsupported kind " + kind);
        }
    }
}
