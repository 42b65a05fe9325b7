package dev.vigil.safety.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KnnDistanceGuardianTest {

    private static final double[][] LINE = {{0}, {1}, {2}, {3}};

    @Test
    void scoreIsNegatedKthNeighbourDistanceAndThresholdUsesLeaveOneOut() {
        // Leave-one-out nearest-other distances on 0, 1, 2, 3 are all 1, so the threshold is -1.
        KnnDistanceGuardian knn = KnnDistanceGuardian.fit(LINE, new KnnConfig(1, 5, 0));

        assertThat(knn.threshold()).isCloseTo(-1, within(1e-12));
        assertThat(knn.judge(new double[] {0.5}).score()).isCloseTo(-0.5, within(1e-12));
        assertThat(knn.judge(new double[] {0.5}).inSupport()).isTrue();
        assertThat(knn.judge(new double[] {10}).inSupport()).isFalse();
    }

    @Test
    void approximateSearchAgreesWithExactVerdictsOnHeldOutPoints() {
        ClinicalLikePoints data = new ClinicalLikePoints(7, 0);
        double[][] reference = data.sample(20_000, 61);
        KnnDistanceGuardian fast = KnnDistanceGuardian.fit(reference, KnnConfig.defaults());
        KnnDistanceGuardian exact = KnnDistanceGuardian.fit(reference, KnnConfig.exact());

        int agree = 0;
        double[][] held = data.sample(1000, 62);
        for (double[] q : held) {
            agree += fast.judge(q).inSupport() == exact.judge(q).inSupport() ? 1 : 0;
        }
        assertThat(agree / (double) held.length).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void windowIsInSupportOnlyIfEveryPointIs() {
        KnnDistanceGuardian knn = KnnDistanceGuardian.fit(LINE, new KnnConfig(1, 5, 0));

        GuardVerdict inside = knn.judgeWindow(new double[][] {{0.1}, {1.2}, {2.9}});
        GuardVerdict oneOut = knn.judgeWindow(new double[][] {{0.1}, {8}, {2.9}});

        assertThat(inside.inSupport()).isTrue();
        assertThat(inside.score()).isCloseTo(-0.2, within(1e-12));
        assertThat(oneOut.inSupport()).isFalse();
        assertThat(oneOut.score()).isCloseTo(-5, within(1e-12));
        assertThatThrownBy(() -> knn.judgeWindow(new double[0][])).hasMessageContaining("window of one");
    }

    @Test
    void rejectsInvalidConfigAndTooFewPoints() {
        assertThatThrownBy(() -> new KnnConfig(0, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new KnnConfig(10, 5, -2)).hasMessageContaining("maxLeaves");
        assertThatThrownBy(() -> KnnDistanceGuardian.fit(LINE, KnnConfig.defaults()))
                .hasMessageContaining("lower k");
    }
}
