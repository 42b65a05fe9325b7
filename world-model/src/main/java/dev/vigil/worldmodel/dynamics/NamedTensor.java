package dev.vigil.worldmodel.dynamics;

import java.util.Arrays;

/**
 * One named float tensor of the model, row-major.
 *
 * @param name parameter name, e.g. {@code enc1.w}
 * @param shape dimensions
 * @param values row-major values, as many as the shape's product
 */
public record NamedTensor(String name, long[] shape, float[] values) {

    public NamedTensor {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs "
                    + count + " values, got " + values.length);
        }
    }
}
