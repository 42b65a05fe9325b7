package dev.vigil.worldmodel.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test data with a known answer: spherical tumours in noisy [0, 1] crops whose true shrinkage depends on the
 * protocol (anthracycline, platinum, other drugs, particle and liquid embolics) and on the tumour's
 * brightness (a phenotype: brighter tumours respond more, and the drug classes cross over: anthracyclines
 * suit bright tumours, platinum agents dim ones), with a little outcome noise.
 */
final class SyntheticTumours {

    static final double BACKGROUND = 0.35;
    static final double NECROSIS = 0.2;

    private SyntheticTumours() {}

    /** A patient before treatment. */
    record Patient(float[] pre, float[] mask, double cx, double cy, double cz, double radius, double brightness,
            float[] texture) {}

    /**
     * Protocol strength in [0, 0.9] for a tumour of relative brightness q in [0, 1]: what fraction of the radius a
     * fully responsive tumour loses. Anthracyclines count 0.30 x (0.3 + 1.4 q), platinum agents
     * 0.25 x (1.7 - 1.4 q): on the dimmest tumours platinum is the stronger class, on the brightest the weaker.
     */
    static double strength(float[] protocol, double q) {
        double s = 0.05 * protocol[ProtocolVocabulary.indexOf("lipiodol")];
        s += 0.30 * (0.3 + 1.4 * q) * max(protocol, "epirubicin", "idarubicin", "pirarubicin");
        s += 0.25 * (1.7 - 1.4 * q) * max(protocol, "oxaliplatin", "lobaplatin", "nedaplatin", "cisplatin");
        s += 0.10 * max(protocol, "raltitrexed", "mitomycin");
        s += 0.15 * max(protocol, "gelatin_sponge", "pva");
        s += 0.25 * max(protocol, "absolute_alcohol", "nbca");
        return Math.min(0.9, s);
    }

    /**
     * True expected post radius: the radius shrinks by 0.6 x strength(q) x response, where brighter tumours
     * (brightness 0.55 -> 0.85, q = 0 -> 1) respond 0.6x -> 1.4x as much.
     */
    static double expectedPostRadius(Patient patient, float[] protocol) {
        double q = (patient.brightness() - 0.55) / 0.3;
        double response = 0.6 + 0.8 * q;
        return patient.radius() * (1 - Math.min(0.7, 0.6 * strength(protocol, q) * response));
    }

    static Patient patient(int size, Random random) {
        return patient(size, random, Double.NaN);
    }

    /** A patient of the given brightness (NaN: drawn uniformly from 0.55..0.85 like every other patient). */
    static Patient patient(int size, Random random, double fixedBrightness) {
        double c = size / 2.0;
        double cx = c + random.nextDouble() * 4 - 2;
        double cy = c + random.nextDouble() * 4 - 2;
        double cz = c + random.nextDouble() * 4 - 2;
        double radius = size * (0.2 + 0.08 * random.nextDouble());
        double drawn = 0.55 + 0.3 * random.nextDouble();
        double brightness = Double.isNaN(fixedBrightness) ? drawn : fixedBrightness;
        int voxels = size * size * size;
        float[] texture = new float[voxels];
        for (int i = 0; i < voxels; i++) {
            texture[i] = (float) (0.03 * random.nextGaussian());
        }
        float[] pre = new float[voxels];
        float[] mask = new float[voxels];
        fill(size, cx, cy, cz, radius, radius, brightness, texture, pre, mask);
        return new Patient(pre, mask, cx, cy, cz, radius, brightness, texture);
    }

    /** The observed outcome: the tumour shrinks to its post radius (plus noise); the lost rim turns necrotic. */
    static WorldModelSample treat(Patient patient, float[] protocol, int size, Random random) {
        double postRadius = Math.max(0.5, expectedPostRadius(patient, protocol) + 0.3 * random.nextGaussian());
        int voxels = size * size * size;
        float[] post = new float[voxels];
        float[] postMask = new float[voxels];
        fill(size, patient.cx(), patient.cy(), patient.cz(), Math.min(postRadius, patient.radius()), patient.radius(),
                patient.brightness(), patient.texture(), post, postMask);
        return new WorldModelSample(patient.pre(), patient.mask(), protocol, post, postMask, size);
    }

    static List<WorldModelSample> samples(int count, int size, List<float[]> protocols, long seed) {
        Random random = new Random(seed);
        List<WorldModelSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Patient patient = patient(size, random);
            samples.add(treat(patient, protocols.get(random.nextInt(protocols.size())), size, random));
        }
        return samples;
    }

    /** Voxels inside `live` get the tumour brightness, between live and `old` necrosis, the rest background. */
    private static void fill(int size, double cx, double cy, double cz, double live, double old, double brightness,
            float[] texture, float[] ct, float[] mask) {
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = (z * size + y) * size + x;
                    double r = Math.sqrt(Math.pow(x + 0.5 - cx, 2) + Math.pow(y + 0.5 - cy, 2)
                            + Math.pow(z + 0.5 - cz, 2));
                    double base = r < live ? brightness : r < old ? NECROSIS : BACKGROUND;
                    mask[i] = r < live ? 1f : 0f;
                    ct[i] = (float) Math.min(1, Math.max(0, base + texture[i]));
                }
            }
        }
    }

    private static double max(float[] protocol, String... terms) {
        double m = 0;
        for (String term : terms) {
            m = Math.max(m, protocol[ProtocolVocabulary.indexOf(term)]);
        }
        return m;
    }
}
