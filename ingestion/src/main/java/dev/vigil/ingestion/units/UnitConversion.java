package dev.vigil.ingestion.units;

/**
 * An affine map from one unit to another: {@code converted = value * scale + offset}. The offset is zero
 * for every conversion except temperatures on a scale with a shifted zero (Cel, [degF], [degRe]).
 *
 * @param scale the factor applied to the value; finite and not zero
 * @param offset added after scaling; finite
 */
public record UnitConversion(double scale, double offset) {

    /** The conversion that changes nothing. */
    public static final UnitConversion IDENTITY = new UnitConversion(1.0, 0.0);

    public UnitConversion {
        if (!Double.isFinite(scale) || scale == 0.0) {
            throw new IllegalArgumentException("A unit conversion needs a finite, non-zero scale, got " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("A unit conversion needs a finite offset, got " + offset);
        }
    }

    /** The value in the target unit. */
    public double apply(double value) {
        return value * scale + offset;
    }

    /** Whether values come out unchanged. */
    public boolean isIdentity() {
        return scale == 1.0 && offset == 0.0;
    }
}
