package dev.vigil.offlinerl.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.safety.guardian.GaussianKdeGuardian;
import dev.vigil.safety.guardian.GuardVerdict;
import dev.vigil.safety.guardian.KdeConfig;
import dev.vigil.safety.guardian.OodGuardian;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SupportShieldTest {

    /**
     * A guardian with a support one can compute by hand: (state, dose) is in support when the dose is within 0.2 of
     * the state; the score is {@code 0.2 - |dose - state|}, the threshold 0. Counts its calls.
     */
    static final class BandGuardian implements OodGuardian {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public GuardVerdict judge(double[] point) {
            calls.incrementAndGet();
            return GuardVerdict.of(0.2 - Math.abs(point[1] - point[0]), 0);
        }

        @Override
        public int dimension() {
            return 2;
        }
    }

    private static final double[][] STATES = {{0}, {0.1}, {0.9}};
    private static final double[][] DOSES = {{0.05}, {0.3}, {0.9}};

    @Test
    void keepsAnAcceptedDoseWithoutLookingAtTheLoggedPatients() {
        BandGuardian guardian = new BandGuardian();
        SupportShield shield = SupportShield.of(guardian, STATES, DOSES, new SupportShield.Config(2, 8));

        SupportShield.Shielded out = shield.shield(new double[] {0.5}, new double[] {0.6});

        assertThat(out.outcome()).isEqualTo(SupportShield.Outcome.KEPT);
        assertThat(out.action()).containsExactly(0.6);
        assertThat(out.verdict().inSupport()).isTrue();
        assertThat(guardian.calls.get()).isEqualTo(1);
    }

    @Test
    void replacesAFlaggedDoseWithTheNearestSupportedNeighbourDoseThenMovesItBackToTheBoundary() {
        // State 0, proposal 0.8 (flagged: 0.8 away). The 2 nearest logged states are rows 0 and 1; their doses are
        // 0.05 (in support at state 0) and 0.3 (not). Without bisection the answer is 0.05 exactly.
        SupportShield.Shielded plain = SupportShield.of(new BandGuardian(), STATES, DOSES,
                new SupportShield.Config(2, 0)).shield(new double[] {0}, new double[] {0.8});
        assertThat(plain.outcome()).isEqualTo(SupportShield.Outcome.MOVED_INTO_SUPPORT);
        assertThat(plain.action()).containsExactly(0.05);

        // With 8 halvings of [0.05, 0.8] the answer approaches the support's edge 0.2 from inside: by hand, the
        // bracket shrinks to 0.75 / 256, and the inside end is always accepted.
        SupportShield.Shielded bisected = SupportShield.of(new BandGuardian(), STATES, DOSES,
                new SupportShield.Config(2, 8)).shield(new double[] {0}, new double[] {0.8});
        assertThat(bisected.outcome()).isEqualTo(SupportShield.Outcome.MOVED_INTO_SUPPORT);
        assertThat(bisected.action()[0]).isLessThanOrEqualTo(0.2).isGreaterThan(0.2 - 0.75 / 256);
        assertThat(bisected.verdict().inSupport()).isTrue();
        assertThat(bisected.verdict().score()).isEqualTo(0.2 - bisected.action()[0]);
    }

    @Test
    void whenNoNeighbourDoseIsInSupportItGivesTheLeastUnusualAndSaysSo() {
        // State 5 is far from every logged state; every logged dose is flagged there, 0.9 least (score 0.2 - 4.1).
        SupportShield.Shielded out = SupportShield.of(new BandGuardian(), STATES, DOSES,
                new SupportShield.Config(3, 8)).shield(new double[] {5}, new double[] {-3});

        assertThat(out.outcome()).isEqualTo(SupportShield.Outcome.BEST_AVAILABLE);
        assertThat(out.action()).containsExactly(0.9);
        assertThat(out.verdict().inSupport()).isFalse();
        assertThat(out.verdict().score()).isCloseTo(0.2 - 4.1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void onlyTheNearestLoggedStatesSupplyCandidates() {
        // k = 1 at state 0.85: only row 2 (state 0.9, dose 0.9) is a candidate; 0.9 is in support at 0.85.
        SupportShield.Shielded out = SupportShield.of(new BandGuardian(), STATES, DOSES,
                new SupportShield.Config(1, 0)).shield(new double[] {0.85}, new double[] {0});
        assertThat(out.action()).containsExactly(0.9);
    }

    @Test
    void nearestRowsAreSortedAndTiesGoToTheLowerRow() {
        double[][] states = {{1}, {-1}, {0.5}, {1}, {-0.5}};
        double[][] doses = {{0}, {0}, {0}, {0}, {0}};
        SupportShield shield = SupportShield.of(new BandGuardian(), states, doses, new SupportShield.Config(4, 0));

        // Distances from 0: 1, 1, 0.5, 1, 0.5. Sorted, ties by row: 2, 4, 0, 1.
        assertThat(shield.nearestRows(new double[] {0})).containsExactly(2, 4, 0, 1);
        // More neighbours than rows: every row.
        assertThat(SupportShield.of(new BandGuardian(), states, doses, new SupportShield.Config(9, 0))
                .nearestRows(new double[] {0})).containsExactly(2, 4, 0, 1, 3);
    }

    @Test
    void withARealDensityGuardianEveryMovedDoseIsInSupportAndNothingIsMovedNeedlessly() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 2000;
        double[][] states = new double[n][];
        double[][] doses = new double[n][];
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double s = rng.nextDouble(-1, 1);
            // Clinicians dose about the state's value: the support is a diagonal band.
            double a = Math.max(-1, Math.min(1, s + 0.15 * rng.nextGaussian()));
            states[i] = new double[] {s, 0.5 * s};
            doses[i] = new double[] {a};
            points[i] = new double[] {s, 0.5 * s, a};
        }
        GaussianKdeGuardian guardian = GaussianKdeGuardian.fit(points, new KdeConfig(0.2, 5,
                KdeConfig.DEFAULT_KERNEL_CUTOFF, KdeConfig.DEFAULT_CELL_SIZE, false));
        SupportShield shield = SupportShield.of(guardian, states, doses, SupportShield.Config.defaults());
        int moved = 0;
        int kept = 0;
        for (int q = 0; q < 300; q++) {
            double s = rng.nextDouble(-0.9, 0.9);
            double[] state = {s, 0.5 * s};
            double[] proposal = {rng.nextDouble(-1, 1)};
            boolean accepted = guardian.judge(new double[] {s, 0.5 * s, proposal[0]}).inSupport();
            SupportShield.Shielded out = shield.shield(state, proposal);
            double[] given = out.action();
            boolean inSupport = guardian.judge(new double[] {s, 0.5 * s, given[0]}).inSupport();
            if (accepted) {
                kept++;
                assertThat(out.outcome()).isEqualTo(SupportShield.Outcome.KEPT);
                assertThat(given).containsExactly(proposal);
            } else {
                assertThat(out.outcome()).isNotEqualTo(SupportShield.Outcome.KEPT);
                if (out.outcome() == SupportShield.Outcome.MOVED_INTO_SUPPORT) {
                    moved++;
                    assertThat(inSupport).isTrue();
                    // Moved back toward the proposal: no farther from it than the state's own band centre.
                    assertThat(Math.abs(given[0] - proposal[0])).isLessThanOrEqualTo(Math.abs(s - proposal[0]) + 0.3);
                }
            }
        }
        // Inside the states' range a supported dose always exists among 25 neighbours: every flagged dose moves.
        assertThat(kept).isGreaterThan(30);
        assertThat(moved).isEqualTo(300 - kept);
    }

    @Test
    void refusesInconsistentInputWithAMessageThatNamesIt() {
        BandGuardian guardian = new BandGuardian();
        SupportShield.Config config = SupportShield.Config.defaults();
        assertThatThrownBy(() -> SupportShield.of(guardian, STATES, new double[][] {{0}}, config))
                .hasMessageContaining("3 logged states but 1 logged doses");
        assertThatThrownBy(() -> SupportShield.of(guardian, new double[0][], new double[0][], config))
                .hasMessageContaining("at least one logged");
        assertThatThrownBy(() -> SupportShield.of(guardian, new double[][] {{0, 1}}, new double[][] {{0}}, config))
                .hasMessageContaining("judges 2-dimensional points");
        assertThatThrownBy(() -> SupportShield.of(guardian, new double[][] {{0}, {Double.NaN}},
                new double[][] {{0}, {0}}, config)).hasMessageContaining("logged state 1")
                .hasMessageContaining("non-finite");
        SupportShield shield = SupportShield.of(guardian, STATES, DOSES, config);
        assertThatThrownBy(() -> shield.shield(new double[] {0}, new double[] {0, 1}))
                .hasMessageContaining("proposed dose has 2 values, expected 1");
        assertThatThrownBy(() -> shield.shield(new double[] {Double.POSITIVE_INFINITY}, new double[] {0}))
                .hasMessageContaining("state has a non-finite value");
        assertThatThrownBy(() -> new SupportShield.Config(0, 8)).hasMessageContaining("neighbours must be at least 1");
        assertThatThrownBy(() -> new SupportShield.Config(5, 31)).hasMessageContaining("bisections must be in [0, 30]");
    }
}
