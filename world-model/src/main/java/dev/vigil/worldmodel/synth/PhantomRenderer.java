package dev.vigil.worldmodel.synth;

import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Volume;
import dev.vigil.worldmodel.volume.VolumeGeometry;
import java.util.SplittableRandom;

/**
 * Renders a patient's arterial-phase CT crop in Hounsfield units, before or after treatment
 * (docs/methods/synthetic-hcc.md, section 5). A cube of {@code cropSize^3} voxels of the patient's spacing,
 * centred near the largest lesion:
 * <ul>
 *   <li>liver parenchyma 65 HU plus a smooth texture (8 plane waves, wavelengths 15-60 mm, amplitudes
 *       1.5-3.5 HU);</li>
 *   <li>two vessels (straight tubes of radius 1.5-3 mm, 170 HU);</li>
 *   <li>each lesion in the crop a perturbed ellipsoid ({@link LesionShape}): viable tumour at
 *       {@code 40 + 90 v} HU (v the enhancement index: hypervascular tumours enhance above the liver,
 *       hypovascular ones below it), a necrotic core at 15 HU holding the necrotic fraction of its volume;</li>
 *   <li>white noise N(0, 10 HU) per voxel.</li>
 * </ul>
 * After treatment every lesion is scaled by {@code (V_after / V)^(1/3)} and its necrotic core grows to the
 * response's necrotic fraction; texture and vessels are the same, the noise is new. Deterministic in the
 * patient's image seed.
 */
public final class PhantomRenderer {

    static final float LIVER_HU = 65;
    static final float VESSEL_HU = 170;
    static final float NECROSIS_HU = 15;
    static final double NOISE_HU = 10;
    private static final int WAVES = 8;
    private static final int VESSELS = 2;

    private final int cropSize;

    public PhantomRenderer(int cropSize) {
        this.cropSize = cropSize;
    }

    /** The pre-treatment crop. */
    public Phantom before(HccPatient patient) {
        return render(patient, 1, patient.phenotype().necroticFraction(), 0);
    }

    /** The crop at the follow-up CT after {@code response}. */
    public Phantom after(HccPatient patient, TreatmentResponse response) {
        double scale = Math.cbrt(response.volumeAfterMl() / patient.tumourVolumeMl());
        return render(patient, scale, response.necroticFractionAfter(), 1);
    }

    private Phantom render(HccPatient patient, double scale, double necroticFraction, int noiseStream) {
        int n = cropSize;
        double spacing = patient.spacingMm();
        VolumeGeometry geometry = VolumeGeometry.axisAligned(n, n, n, spacing, spacing, spacing);
        SplittableRandom image = new SplittableRandom(patient.imageSeed());
        SplittableRandom noise = image.split();
        SplittableRandom postNoise = image.split();
        if (noiseStream == 1) {
            noise = postNoise;
        }
        double[] waves = new double[WAVES * 5]; // kx, ky, kz (rad/mm), phase, amplitude
        for (int w = 0; w < WAVES; w++) {
            double[] d = unit(image);
            double k = 2 * Math.PI / (15 + 45 * image.nextDouble());
            waves[5 * w] = k * d[0];
            waves[5 * w + 1] = k * d[1];
            waves[5 * w + 2] = k * d[2];
            waves[5 * w + 3] = 2 * Math.PI * image.nextDouble();
            waves[5 * w + 4] = 1.5 + 2 * image.nextDouble();
        }
        double half = n * spacing / 2;
        double[] vessels = new double[VESSELS * 7]; // point, direction, radius
        for (int v = 0; v < VESSELS; v++) {
            for (int a = 0; a < 3; a++) {
                vessels[7 * v + a] = half * (2 * image.nextDouble() - 1);
            }
            double[] d = unit(image);
            System.arraycopy(d, 0, vessels, 7 * v + 3, 3);
            vessels[7 * v + 6] = 1.5 + 1.5 * image.nextDouble();
        }
        float tumourHu = (float) (40 + 90 * patient.phenotype().enhancement());
        double coreLevel = Math.cbrt(necroticFraction);

        float[] hu = new float[n * n * n];
        boolean[] inside = new boolean[n * n * n];
        double[] p = new double[3];
        int i = 0;
        for (int z = 0; z < n; z++) {
            p[2] = (z + 0.5) * spacing - half;
            for (int y = 0; y < n; y++) {
                p[1] = (y + 0.5) * spacing - half;
                for (int x = 0; x < n; x++, i++) {
                    p[0] = (x + 0.5) * spacing - half;
                    double value = LIVER_HU;
                    for (int w = 0; w < WAVES; w++) {
                        value += waves[5 * w + 4] * Math.cos(waves[5 * w] * p[0] + waves[5 * w + 1] * p[1]
                                + waves[5 * w + 2] * p[2] + waves[5 * w + 3]);
                    }
                    for (int v = 0; v < VESSELS; v++) {
                        if (distanceToLine(p, vessels, 7 * v) <= vessels[7 * v + 6]) {
                            value = VESSEL_HU;
                        }
                    }
                    for (LesionShape lesion : patient.lesions()) {
                        if (!lesion.inCrop()) {
                            continue;
                        }
                        double level = level(lesion, scale, p);
                        if (level <= 1) {
                            inside[i] = true;
                            value = level <= coreLevel ? NECROSIS_HU : tumourHu;
                        }
                    }
                    hu[i] = (float) (value + NOISE_HU * noise.nextGaussian());
                }
            }
        }
        return new Phantom(new Volume(geometry, hu), new Mask(geometry, inside));
    }

    /**
     * rho / g(u) at point p for the lesion scaled by {@code scale}: {@code <= 1} inside, and the necrotic core
     * is the set where it is {@code <= cbrt(necrotic fraction)} (a similar shape holding that fraction of the
     * volume).
     */
    static double level(LesionShape lesion, double scale, double[] p) {
        double radius = lesion.radiusMm() * scale;
        double[] c = lesion.centreMm();
        double dx = p[0] - c[0];
        double dy = p[1] - c[1];
        double dz = p[2] - c[2];
        double distance2 = dx * dx + dy * dy + dz * dz;
        double reach = 1.7 * radius; // axis factor <= 1.31 times surface wave <= 1.24
        if (distance2 > reach * reach) {
            return Double.POSITIVE_INFINITY;
        }
        double[] r = lesion.rotation();
        // q = R^T d
        double qx = r[0] * dx + r[3] * dy + r[6] * dz;
        double qy = r[1] * dx + r[4] * dy + r[7] * dz;
        double qz = r[2] * dx + r[5] * dy + r[8] * dz;
        double[] f = lesion.axisFactors();
        double ax = qx / (radius * f[0]);
        double ay = qy / (radius * f[1]);
        double az = qz / (radius * f[2]);
        double rho = Math.sqrt(ax * ax + ay * ay + az * az);
        double length = Math.sqrt(distance2);
        if (length == 0) {
            return 0;
        }
        double g = 1;
        double[] w = lesion.waveDirections();
        for (int j = 0; j < 3; j++) {
            double dot = (w[3 * j] * qx + w[3 * j + 1] * qy + w[3 * j + 2] * qz) / length;
            g += lesion.waveAmplitudes()[j] * Math.cos(lesion.waveFrequencies()[j] * dot + lesion.wavePhases()[j]);
        }
        return rho / g;
    }

    private static double distanceToLine(double[] p, double[] line, int at) {
        double dx = p[0] - line[at];
        double dy = p[1] - line[at + 1];
        double dz = p[2] - line[at + 2];
        double along = dx * line[at + 3] + dy * line[at + 4] + dz * line[at + 5];
        double squared = dx * dx + dy * dy + dz * dz - along * along;
        return Math.sqrt(Math.max(0, squared));
    }

    private static double[] unit(SplittableRandom random) {
        double x = random.nextGaussian();
        double y = random.nextGaussian();
        double z = random.nextGaussian();
        double length = Math.max(1e-9, Math.sqrt(x * x + y * y + z * z));
        return new double[] {x / length, y / length, z / length};
    }
}
