package dev.vigil.worldmodel.synth;

/**
 * One lesion's geometry in the crop: a perturbed ellipsoid. A point p (mm, crop centre = origin) is inside when
 * {@code rho(q) <= g(u)}, where {@code q = R^T (p - centre)}, {@code rho = |(q_x/a_x, q_y/a_y, q_z/a_z)|} with
 * semi-axes {@code a_i = radius * axisFactor_i} (factors multiply to 1, so the volume is the sphere's), and
 * {@code g(u) = 1 + sum_j amplitude_j cos(frequency_j (w_j . u) + phase_j)} for the direction u = q / |q|.
 *
 * @param diameterCm the lesion's nominal diameter (its volume is that of the sphere of this diameter)
 * @param inCrop false for a lesion that found no place in the crop: counted in the burden, not drawn
 * @param centreMm centre (x, y, z) in mm from the crop centre, shape (3)
 * @param axisFactors shape (3), product 1
 * @param rotation R, row-major 3x3
 * @param waveDirections w_j, row j = unit vector, shape (3, 3)
 * @param waveFrequencies shape (3)
 * @param waveAmplitudes shape (3), each 0..0.08
 * @param wavePhases shape (3)
 */
public record LesionShape(double diameterCm, boolean inCrop, double[] centreMm, double[] axisFactors, double[] rotation,
        double[] waveDirections, double[] waveFrequencies, double[] waveAmplitudes, double[] wavePhases) {

    public LesionShape {
        centreMm = copy(centreMm, 3, "centreMm");
        axisFactors = copy(axisFactors, 3, "axisFactors");
        rotation = copy(rotation, 9, "rotation");
        waveDirections = copy(waveDirections, 9, "waveDirections");
        waveFrequencies = copy(waveFrequencies, 3, "waveFrequencies");
        waveAmplitudes = copy(waveAmplitudes, 3, "waveAmplitudes");
        wavePhases = copy(wavePhases, 3, "wavePhases");
        if (!(diameterCm > 0)) {
            throw new IllegalArgumentException("diameterCm must be > 0, got " + diameterCm);
        }
    }

    /** Volume in mL (cm^3) of the sphere of the nominal diameter: pi/6 d^3. */
    public double volumeMl() {
        return Math.PI / 6 * diameterCm * diameterCm * diameterCm;
    }

    /** Radius in mm. */
    public double radiusMm() {
        return diameterCm * 5;
    }

    private static double[] copy(double[] values, int length, String name) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(name + " has " + length + " entries");
        }
        return values.clone();
    }
}
