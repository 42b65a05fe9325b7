package dev.vigil.worldmodel.synth;

import dev.vigil.safety.contraindication.BclcStage;
import dev.vigil.safety.contraindication.ChildPughClass;
import dev.vigil.safety.contraindication.PortalVeinThrombus;
import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one patient: covariates, phenotype, lesion geometry, dates and the random numbers of survival,
 * censoring and the clinician. Distributions and their parameters are those of
 * docs/methods/synthetic-hcc.md, section 1; the draws happen in a fixed order, so a patient depends only on
 * its random generator, its index and the config (seed for the key, crop size for the spacing, held-out
 * fraction).
 */
public final class HccPatientSampler {

    /** Day 0 of the TACE dates: 2022-01-03 (a Monday), 08:00 UTC; TACEs spread over 730 days from it. */
    static final Instant FIRST_TACE_DAY = Instant.parse("2022-01-03T08:00:00Z");
    static final int TACE_DAYS = 730;

    private final long seed;
    private final int cropSize;
    private final double heldOutFraction;

    public HccPatientSampler(HccCohortConfig config) {
        this.seed = config.seed();
        this.cropSize = config.cropSize();
        this.heldOutFraction = config.heldOutFraction();
    }

    /** Patient {@code index}, drawn from {@code random} (the index-th split of the cohort's root generator). */
    public HccPatient sample(int index, SplittableRandom random) {
        String key = "hcc-" + seed + "-" + index;
        double age = clamp(62 + 10 * random.nextGaussian(), 30, 88);
        boolean male = random.nextDouble() < 0.8;

        int score = childPughScore(random.nextDouble(), random.nextDouble());
        ChildPughClass childPugh = ChildPughClass.ofScore(score);
        int c = childPugh.code() - 1;
        double bilirubin = clamp(logNormal(random, new double[] {0.8, 1.6, 3.2}[c], 0.35), 0.2, 15);
        double albumin = clamp(new double[] {3.9, 3.2, 2.7}[c] + 0.3 * random.nextGaussian(), 1.5, 5.5);
        double inr = clamp(new double[] {1.08, 1.3, 1.7}[c] + new double[] {0.08, 0.12, 0.2}[c]
                * random.nextGaussian(), 0.8, 4);
        double platelets = clamp(logNormal(random, 140, 0.45), 20, 600);
        double creatinine = clamp(logNormal(random, 0.9, 0.3), 0.4, 6);
        double afp = clamp(logNormal(random, 60, 2.0), 1, 200_000);
        int ecog = pick(random.nextDouble(), 0.55, 0.90, 0.975);
        int lesionCount = 1 + pick(random.nextDouble(), 0.5, 0.8);
        double largest = clamp(logNormal(random, 4.5, 0.5), 1.0, 14.0);
        PortalVeinThrombus thrombus = PortalVeinThrombus.values()[pick(random.nextDouble(), 0.82, 0.96)];
        boolean hyper = random.nextDouble() < 0.65;
        double enhancement = hyper ? 0.55 + 0.45 * random.nextDouble() : 0.05 + 0.40 * random.nextDouble();
        double largeness = TumourPhenotype.clamp((largest - 3) / 5);
        double necrotic = Math.min(0.5, 0.30 * largeness * random.nextDouble() + 0.05 * random.nextDouble());
        TumourPhenotype phenotype = new TumourPhenotype(enhancement, necrotic, largest);
        BclcStage bclc = bclc(childPugh, ecog, thrombus, lesionCount, largest);
        TaceCovariates covariates = new TaceCovariates(childPugh, score, round(bilirubin, 2), round(albumin, 1),
                round(inr, 2), round(platelets, 0), round(creatinine, 2), round(afp, 1), ecog, bclc, thrombus,
                lesionCount, round(largest, 1));

        double spacing = Math.max(1.0, 1.6 * largest * 10 / cropSize);
        List<LesionShape> lesions = lesions(random, lesionCount, largest, spacing * cropSize);

        Instant tace = FIRST_TACE_DAY.plus(Duration.ofDays(random.nextInt(TACE_DAYS)))
                .plus(Duration.ofMinutes(random.nextInt(480)));
        Instant diagnosis = tace.minus(Duration.ofDays(20 + random.nextInt(101))).minus(Duration.ofMinutes(
                random.nextInt(240)));
        Instant labs = tace.minus(Duration.ofDays(1 + random.nextInt(10))).minus(Duration.ofMinutes(
                60 + random.nextInt(120)));
        Instant preCt = tace.minus(Duration.ofDays(2 + random.nextInt(19))).plus(Duration.ofMinutes(random.nextInt(
                120)));
        Instant postCt = tace.plus(Duration.ofDays(28 + random.nextInt(15))).plus(Duration.ofMinutes(random.nextInt(
                120)));
        Timeline timeline = new Timeline(diagnosis, labs, preCt, tace, postCt);

        double survivalUniform = 1 - random.nextDouble(); // (0, 1]: never log(0)
        double censorDays = 180 + (1825 - 180) * random.nextDouble();
        boolean heldOut = random.nextDouble() < heldOutFraction;
        ClinicianDraws clinician = new ClinicianDraws(enhancement + 0.15 * random.nextGaussian(), random.nextDouble(),
                random.nextInt(ProtocolSpace.VALID_COUNT));
        long imageSeed = random.nextLong();
        return new HccPatient(index, key, age, male, covariates, phenotype, lesions, spacing, timeline,
                survivalUniform, censorDays, heldOut, clinician, imageSeed);
    }

    /** A: 5 (60 %) or 6; B: 7 (50 %), 8 (30 %), 9; C: 10 (60 %) or 11. Classes 60 / 35 / 5 %. */
    static int childPughScore(double classDraw, double scoreDraw) {
        if (classDraw < 0.60) {
            return scoreDraw < 0.6 ? 5 : 6;
        }
        if (classDraw < 0.95) {
            return 7 + pick(scoreDraw, 0.5, 0.8);
        }
        return scoreDraw < 0.6 ? 10 : 11;
    }

    /**
     * BCLC 2022, simplified: D for Child-Pugh C or ECOG >= 3; C for portal vein invasion or ECOG 1-2; 0 for a
     * single lesion <= 2 cm with ECOG 0 and Child-Pugh A; A for a single lesion or up to 3 lesions <= 3 cm; else B.
     */
    static BclcStage bclc(ChildPughClass childPugh, int ecog, PortalVeinThrombus thrombus, int lesions,
            double largestCm) {
        if (childPugh == ChildPughClass.C || ecog >= 3) {
            return BclcStage.D;
        }
        if (thrombus != PortalVeinThrombus.NONE || ecog >= 1) {
            return BclcStage.C;
        }
        if (lesions == 1 && largestCm <= 2 && childPugh == ChildPughClass.A) {
            return BclcStage.STAGE_0;
        }
        if (lesions == 1 || largestCm <= 3) {
            return BclcStage.A;
        }
        return BclcStage.B;
    }

    /**
     * The largest lesion near the crop centre, the others (diameter D x U(0.3, 0.7), at least 1 cm) at random
     * places in the crop that keep clear of the lesions already placed; a lesion that finds no place in 30
     * tries lies outside the crop (still counted in the tumour burden).
     */
    private static List<LesionShape> lesions(SplittableRandom random, int count, double largestCm, double fieldMm) {
        List<LesionShape> lesions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double diameter = i == 0 ? largestCm : Math.max(1.0, largestCm * (0.3 + 0.4 * random.nextDouble()));
            double radius = diameter * 5;
            double[] centre = null;
            if (i == 0) {
                centre = new double[3];
                for (int a = 0; a < 3; a++) {
                    centre[a] = 0.05 * fieldMm * (2 * random.nextDouble() - 1);
                }
            } else {
                double room = fieldMm / 2 - 1.4 * radius;
                for (int attempt = 0; attempt < 30; attempt++) {
                    double[] candidate = new double[3];
                    for (int a = 0; a < 3; a++) {
                        candidate[a] = room * (2 * random.nextDouble() - 1);
                    }
                    if (room > 0 && clear(candidate, radius, lesions)) {
                        centre = candidate;
                        break;
                    }
                }
            }
            lesions.add(shape(random, diameter, centre));
        }
        return lesions;
    }

    private static boolean clear(double[] centre, double radius, List<LesionShape> placed) {
        for (LesionShape other : placed) {
            if (!other.inCrop()) {
                continue;
            }
            double dx = centre[0] - other.centreMm()[0];
            double dy = centre[1] - other.centreMm()[1];
            double dz = centre[2] - other.centreMm()[2];
            if (Math.sqrt(dx * dx + dy * dy + dz * dz) < 1.4 * (radius + other.radiusMm())) {
                return false;
            }
        }
        return true;
    }

    /** Axis factors U(0.8, 1.2) normalised to product 1; a uniform random rotation; three surface waves. */
    private static LesionShape shape(SplittableRandom random, double diameter, double[] centre) {
        double[] factors = new double[3];
        for (int a = 0; a < 3; a++) {
            factors[a] = 0.8 + 0.4 * random.nextDouble();
        }
        double norm = Math.cbrt(factors[0] * factors[1] * factors[2]);
        for (int a = 0; a < 3; a++) {
            factors[a] /= norm;
        }
        double[] rotation = rotation(random.nextDouble(), random.nextDouble(), random.nextDouble());
        double[] directions = new double[9];
        double[] frequencies = new double[3];
        double[] amplitudes = new double[3];
        double[] phases = new double[3];
        for (int j = 0; j < 3; j++) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            double z = random.nextGaussian();
            double length = Math.max(1e-9, Math.sqrt(x * x + y * y + z * z));
            directions[3 * j] = x / length;
            directions[3 * j + 1] = y / length;
            directions[3 * j + 2] = z / length;
            frequencies[j] = 2 + 3 * random.nextDouble();
            amplitudes[j] = 0.08 * random.nextDouble();
            phases[j] = 2 * Math.PI * random.nextDouble();
        }
        return new LesionShape(diameter, centre != null, centre == null ? new double[3] : centre, factors, rotation,
                directions, frequencies, amplitudes, phases);
    }

    /** The rotation matrix of Shoemake's uniform random unit quaternion from three uniforms. */
    static double[] rotation(double u1, double u2, double u3) {
        double a = Math.sqrt(1 - u1);
        double b = Math.sqrt(u1);
        double w = a * Math.sin(2 * Math.PI * u2);
        double x = a * Math.cos(2 * Math.PI * u2);
        double y = b * Math.sin(2 * Math.PI * u3);
        double z = b * Math.cos(2 * Math.PI * u3);
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
    }

    /** The index of the first threshold above {@code u}, or the number of thresholds. */
    static int pick(double u, double... thresholds) {
        for (int i = 0; i < thresholds.length; i++) {
            if (u < thresholds[i]) {
                return i;
            }
        }
        return thresholds.length;
    }

    private static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    private static double clamp(double x, double min, double max) {
        return Math.max(min, Math.min(max, x));
    }

    /** Labs as a laboratory would report them: the model uses the reported values. */
    private static double round(double x, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(x * scale) / scale;
    }
}
