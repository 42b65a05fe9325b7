package dev.vigil.offlinerl.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.offlinerl.algo.continuous.FixedDosePolicy;
import dev.vigil.safety.guardian.MinMaxScaler;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShieldedPolicyTest {

    // Raw training rows: state in [0, 10], dose in [0, 1000] mL. On the [-1, 1] scale the band guardian accepts a
    // dose within 0.2 of the state; the logged doses sit on the diagonal.
    private static final double[][] RAW_STATES = {{0}, {5}, {10}};
    private static final double[][] RAW_DOSES = {{0}, {500}, {1000}};
    private static final MinMaxScaler SCALER = MinMaxScaler.fit(new double[][] {{0, 0}, {5, 500}, {10, 1000}});

    private static SupportShield shield(int bisections) {
        double[][] states = new double[3][];
        double[][] doses = new double[3][];
        for (int i = 0; i < 3; i++) {
            double[] scaled = SCALER.transform(new double[] {RAW_STATES[i][0], RAW_DOSES[i][0]});
            states[i] = new double[] {scaled[0]};
            doses[i] = new double[] {scaled[1]};
        }
        return SupportShield.of(new SupportShieldTest.BandGuardian(), states, doses,
                new SupportShield.Config(1, bisections));
    }

    @Test
    void aDoseInSupportPassesUnchangedAndAFlaggedOneComesBackInRawUnits() {
        // State 5 scales to 0. 550 mL scales to 0.1: accepted, returned as is.
        ShieldedPolicy kept = new ShieldedPolicy(new FixedDosePolicy(550), shield(0), SCALER);
        assertThat(kept.act(new double[] {5})).containsExactly(550);

        // 900 mL scales to 0.8: flagged; the nearest logged state (5) gave 500 mL, in support: returned in mL.
        ShieldedPolicy moved = new ShieldedPolicy(new FixedDosePolicy(900), shield(0), SCALER);
        assertThat(moved.act(new double[] {5})).containsExactly(500);

        // With bisection it stops at the band's edge, 0.2 on the scale = 600 mL, from inside.
        ShieldedPolicy edge = new ShieldedPolicy(new FixedDosePolicy(900), shield(10), SCALER);
        assertThat(edge.act(new double[] {5})[0]).isLessThanOrEqualTo(600 + 1e-9).isCloseTo(600, within(0.5));

        assertThat(kept.kept()).isEqualTo(1);
        assertThat(moved.moved()).isEqualTo(1);
        assertThat(moved.kept() + moved.bestAvailable()).isZero();
    }

    @Test
    void theDrawIsShieldedToo() {
        // The draw is 550 + 100 = 650 mL = 0.3 on the scale: flagged at state 5, replaced by 500 mL.
        ShieldedPolicy policy = new ShieldedPolicy(new FixedDosePolicy(550, 100), shield(0), SCALER);
        assertThat(policy.sample(new double[] {5}, new SplittableRandom(1))).containsExactly(500);
        assertThat(policy.moved()).isEqualTo(1);
    }

    @Test
    void countsTheLeastUnusualFallbackAndDelegatesTheRest() {
        // State 30 is far beyond the data (scale 5): no logged dose is in support; the nearest state's (10) dose.
        ShieldedPolicy policy = new ShieldedPolicy(new FixedDosePolicy(0), shield(4), SCALER);
        assertThat(policy.act(new double[] {30})).containsExactly(1000);
        assertThat(policy.bestAvailable()).isEqualTo(1);
        assertThat(policy.stateDimension()).isEqualTo(1);
        assertThat(policy.actionDimension()).isEqualTo(1);
        assertThat(policy.report().summary()).containsEntry("meanReturn", -3.0);
    }

    @Test
    void refusesToExportOneNetworkAndAScalerOfTheWrongWidth() {
        ShieldedPolicy policy = new ShieldedPolicy(new FixedDosePolicy(0), shield(0), SCALER);
        assertThatThrownBy(policy::network).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("support shield");
        MinMaxScaler wide = MinMaxScaler.fit(new double[][] {{0, 0, 0}, {1, 1, 1}});
        assertThatThrownBy(() -> new ShieldedPolicy(new FixedDosePolicy(0), shield(0), wide))
                .hasMessageContaining("scaler covers 3 columns but the policy's (state, dose) has 1 + 1");
    }
}
