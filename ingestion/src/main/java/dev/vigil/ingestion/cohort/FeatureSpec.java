package dev.vigil.ingestion.cohort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A state feature read from Observations (or their components) carrying one of {@code codes}.
 *
 * @param name column name, e.g. {@code heart_rate}
 * @param codes the Observation codes that are this feature
 * @param value which {@code value[x]} is read; default {@link ValueType#QUANTITY}
 * @param unit the canonical UCUM unit every value is converted to
 * @param plausible believable values in {@code unit}; others are dropped and counted
 * @param maxHold how long a value is carried forward into blocs without a measurement
 * @param aggregation how the values of one bloc are combined
 * @param molarMass lets umol/L and mg/dL convert into each other; null when not needed
 * @param categories for {@link ValueType#CATEGORY}: the text of each category and the number it becomes
 */
public record FeatureSpec(String name, List<Code> codes, ValueType value, String unit, PlausibleRange plausible,
        MaxHold maxHold, Aggregation aggregation, MolarMass molarMass, Map<String, Double> categories) {

    public FeatureSpec {
        Names.requireName(name, "Feature");
        String what = "Feature " + name;
        codes = Names.requireCodes(codes, what);
        value = value == null ? ValueType.QUANTITY : value;
        Names.requireUnit(unit, what);
        if (plausible == null) {
            throw new IllegalArgumentException(what + " needs plausible: [min, max] in " + unit);
        }
        if (maxHold == null) {
            throw new IllegalArgumentException(what + " needs maxHold: none, unlimited or a duration such as PT8H");
        }
        if (aggregation == null) {
            throw new IllegalArgumentException(what + " needs aggregation: mean, last, min, max or sum");
        }
        if (aggregation == Aggregation.SUM && !maxHold.equals(MaxHold.NONE)) {
            throw new IllegalArgumentException(what + " sums its values per bloc, and a bloc's sum cannot stand for "
                    + "another bloc: set maxHold: none");
        }
        if (molarMass != null && value != ValueType.QUANTITY) {
            throw new IllegalArgumentException(what + " reads " + value.name().toLowerCase()
                    + " values, which have no unit to convert: remove molarMass");
        }
        categories = checkedCategories(categories, value, plausible, what);
    }

    private static Map<String, Double> checkedCategories(Map<String, Double> categories, ValueType value,
            PlausibleRange plausible, String what) {
        if (value != ValueType.CATEGORY) {
            if (categories != null && !categories.isEmpty()) {
                throw new IllegalArgumentException(what + " has categories but reads " + value.name().toLowerCase()
                        + " values: set value: category or remove categories");
            }
            return Map.of();
        }
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException(what + " reads category values and needs categories, e.g. "
                    + "{A: 1, B: 2, C: 3}");
        }
        LinkedHashMap<String, Double> copy = new LinkedHashMap<>();
        categories.forEach((text, number) -> {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(what + " has a blank category; give every category its text");
            }
            if (number == null || !plausible.contains(number)) {
                throw new IllegalArgumentException(what + " maps category '" + text + "' to " + number
                        + ", outside its plausible range [" + plausible.min() + ", " + plausible.max() + "]");
            }
            copy.put(text, number);
        });
        return Collections.unmodifiableMap(copy);
    }
}
