package dev.vigil.ingestion.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit reduced to a factor times a product of dimensions, e.g. {@code mg/dL = 10 g.m-3}.
 *
 * <p>The dimensions are UCUM's base units ({@code m s g rad K C cd}) plus two that UCUM itself folds away
 * and Vigil keeps apart on purpose: {@code mol} (UCUM treats a mole as a pure number, 6.022e23, which would
 * make {@code umol/L} convertible to {@code 10*9/L}) and every arbitrary unit such as {@code [iU]} (which
 * UCUM treats as 1, which would make {@code [iU]/L} convertible to {@code mol/L}). Keeping them apart is
 * what makes "never guess" hold for concentrations and biological activity.
 *
 * @param factor the value of one of this unit in the dimensions' base units (moles for {@code mol})
 * @param dimensions exponent per dimension, without zero exponents, sorted by name
 */
record ReducedUnit(BigDecimal factor, Map<String, Integer> dimensions) {

    static final MathContext PRECISION = MathContext.DECIMAL128;
    static final ReducedUnit ONE = new ReducedUnit(BigDecimal.ONE, Map.of());

    ReducedUnit {
        TreeMap<String, Integer> clean = new TreeMap<>();
        dimensions.forEach((name, exponent) -> {
            if (exponent != 0) {
                clean.put(name, exponent);
            }
        });
        dimensions = Collections.unmodifiableMap(clean);
    }

    ReducedUnit times(ReducedUnit other) {
        TreeMap<String, Integer> sum = new TreeMap<>(dimensions);
        other.dimensions.forEach((name, exponent) -> sum.merge(name, exponent, Integer::sum));
        return new ReducedUnit(factor.multiply(other.factor, PRECISION), sum);
    }

    ReducedUnit power(int exponent) {
        TreeMap<String, Integer> scaled = new TreeMap<>();
        dimensions.forEach((name, e) -> scaled.put(name, e * exponent));
        BigDecimal value = exponent >= 0
                ? factor.pow(exponent, PRECISION)
                : BigDecimal.ONE.divide(factor.pow(-exponent, PRECISION), PRECISION);
        return new ReducedUnit(value, scaled);
    }

    ReducedUnit scaled(BigDecimal by) {
        return new ReducedUnit(factor.multiply(by, PRECISION), dimensions);
    }

    int exponentOf(String dimension) {
        return dimensions.getOrDefault(dimension, 0);
    }

    /** The dimensions in UCUM's notation, e.g. {@code g.m-3}, or {@code 1} for a pure number. */
    String describeDimensions() {
        if (dimensions.isEmpty()) {
            return "1";
        }
        StringBuilder text = new StringBuilder();
        dimensions.forEach((name, exponent) -> {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(name);
            if (exponent != 1) {
                text.append(exponent);
            }
        });
        return text.toString();
    }
}
