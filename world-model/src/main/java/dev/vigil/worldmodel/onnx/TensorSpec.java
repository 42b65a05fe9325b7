package dev.vigil.worldmodel.onnx;

import java.util.Arrays;

/**
 * The expected shape of one model input or output: {@code -1} marks a free (batch) dimension.
 *
 * @param name input or output name
 * @param shape expected dimensions, {@code -1} for a free dimension
 */
public record TensorSpec(String name, long[] shape) {

    @Override
    public String toString() {
        return name + " " + format(shape);
    }

    /** Shape as text, free dimensions shown as {@code ?}. */
    public static String format(long[] shape) {
        return Arrays.toString(Arrays.stream(shape).mapToObj(d -> d < 0 ? "?" : Long.toString(d)).toArray());
    }
}
