package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianKdeGuardianTest {

    private static KdeConfig exact(double sigma, double percentile) {
        return new KdeConfig(sigma, percentile, 0, 0, false);
    }

    @Test
    void densityMatchesHandComputedValues() {
        // Points 0 and 1 in 1-D, sigma 1: density(q) = (exp(-q^2/2) + exp(-(q-1)^2/2)) / 2.
        // q = 0:   (1 + exp(-0.5)) / 2         = (1 + 0.6065307) / 2 = 0.8032653
        // q = 0.5: (exp(-0.125) + exp(-0.125)) / 2 = 0.8824969
        GaussianKdeGuardian kde = GaussianKdeGuardian.fit(new double[][] {{0}, {1}}, exact(1, 5));

        assertThat(kde.density(new double[] {0})).isCloseTo(0.8032653, within(1e-7));
        assertThat(kde.density(new double[] {0.5})).isCloseTo(0.8824969, within(1e-7));
    }

    @Test
    void thresholdIsPercentileOfTrainingPointsOwnDensitiesIncludingThemselves() {
        // Points 0, 1, 3, sigma 1; own densities include the point's own exp(0) = 1 term:
        // at 0: (1 + e^-0.5 + e^-4.5) / 3 = (1 + 0.6065307 + 0.0111090) / 3 = 0.5392132
        // at 1: (e^-0.5 + 1 + e^-2) / 3   = (0.6065307 + 1 + 0.1353353) / 3 = 0.5806220
        // at 3: (e^-4.5 + e^-2 + 1) / 3   = (0.0111090 + 0.1353353 + 1) / 3 = 0.3821481
        double[][] points = {{0}, {1}, {3}};

        assertThat(GaussianKdeGuardian.fit(points, exact(1, 50)).threshold()).isCloseTo(0.5392132, within(1e-7));
        assertThat(GaussianKdeGuardian.fit(points, exact(1, 0)).threshold()).isCloseTo(0.3821481, within(1e-7));
    }

    @Test
    void leaveOneOutDropsThePointsOwnTerm() {
        // At 3 without itself: (e^-4.5 + e^-2) / 2 = 0.0732222, the lowest of the three.
        GaussianKdeGuardian kde = GaussianKdeGuardian.fit(new double[][] {{0}, {1}, {3}},
                new KdeConfig(1, 0, 0, 0, true));

        assertThat(kde.threshold()).isCloseTo(0.0732222, within(1e-7));
    }

    @Test
    void indexedExactDensityEqualsBruteForceOnRandomData() {
        double[][] reference = uniform(3000, 6, 11);
        GaussianKdeGuardian kde = GaussianKdeGuardian.fit(reference, exact(0.535, 5));

        for (double[] q : uniform(200, 6, 12)) {
            assertThat(kde.density(q)).isCloseTo(bruteForce(reference, q, 0.535), within(1e-12));
        }
    }

    @Test
    void cutoffErrorStaysWithinTheKernelCutoff() {
        double cutoff = 1e-3;
        double[][] reference = uniform(3000, 6, 21);
        GaussianKdeGuardian kde = GaussianKdeGuardian.fit(reference, new KdeConfig(0.535, 5, cutoff, 0, false));

        for (double[] q : uniform(300, 6, 22)) {
            double error = bruteForce(reference, q, 0.535) - kde.density(q);
            assertThat(error).isBetween(0.0, cutoff);
        }
    }

    @Test
    void cellApproximationAgreesWithExactVerdictsOnHeldOutPoints() {
        ClinicalLikePoints data = new ClinicalLikePoints(7, 0);
        double[][] reference = data.sample(20_000, 31);
        GaussianKdeGuardian fast = GaussianKdeGuardian.fit(reference,
                new KdeConfig(0.535, 5, KdeConfig.DEFAULT_KERNEL_CUTOFF, 64, false));
        GaussianKdeGuardian exactKde = GaussianKdeGuardian.fit(reference, exact(0.535, 5));

        int agree = 0;
        double[][] held = data.sample(1000, 32);
        double totalRelativeError = 0;
        for (double[] q : held) {
            agree += fast.judge(q).inSupport() == exactKde.judge(q).inSupport() ? 1 : 0;
            totalRelativeError += Math.abs(fast.density(q) - exactKde.density(q)) / exactKde.density(q);
        }
        // Measured 0.98+ agreement; the cell moments are biased low, which the shared threshold absorbs.
        assertThat(agree / (double) held.length).isGreaterThanOrEqualTo(0.97);
        assertThat(totalRelativeError / held.length).isLessThan(0.3);
    }

    @Test
    void trainingPointIsInSupportAndFarPointIsNot() {
        double[][] reference = new ClinicalLikePoints(7, 0).sample(2000, 41);
        GaussianKdeGuardian kde = GaussianKdeGuardian.fit(reference, KdeConfig.ogsrl());
        double[] far = new double[15];
        java.util.Arrays.fill(far, 3);

        GuardVerdict farVerdict = kde.judge(far);
        assertThat(farVerdict.inSupport()).isFalse();
        assertThat(farVerdict.score()).isLessThan(farVerdict.threshold());
        assertThat(kde.judge(reference[0]).score()).isGreaterThan(farVerdict.score());
        assertThat(kde.judge(centreOfMass(reference)).inSupport()).isTrue();
    }

    @Test
    void rejectsInvalidConfigWithHowToFix() {
        assertThatThrownBy(() -> new KdeConfig(0, 5, 0, 0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma").hasMessageContaining("0.535");
        assertThatThrownBy(() -> new KdeConfig(0.5, 105, 0, 0, false)).hasMessageContaining("[0, 100]");
        assertThatThrownBy(() -> new KdeConfig(0.5, 5, 1, 0, false)).hasMessageContaining("kernelCutoff");
        assertThatThrownBy(() -> new KdeConfig(0.5, 5, 0, -1, false)).hasMessageContaining("cellSize");
    }

    @Test
    void rejectsPointOfWrongDimension() {
        GaussianKdeGuardian kde = GaussianKdeGuardian.fit(new double[][] {{0, 0}, {1, 1}}, exact(1, 5));

        assertThatThrownBy(() -> kde.judge(new double[] {0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 1").hasMessageContaining("dimension 2");
    }

    static double bruteForce(double[][] reference, double[] q, double sigma) {
        double sum = 0;
        for (double[] x : reference) {
            sum += Math.exp(-Points.squaredDistance(q, x) / (2 * sigma * sigma));
        }
        return sum / reference.length;
    }

    static double[][] uniform(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[n][d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                p[j] = random.nextDouble(-1, 1);
            }
        }
        return points;
    }

    private static double[] centreOfMass(double[][] points) {
        double[] c = new double[points[0].length];
        for (double[] p : points) {
            for (int j = 0; j < c.length; j++) {
                c[j] += p[j] / points.length;
            }
        }
        return c;
    }
}
