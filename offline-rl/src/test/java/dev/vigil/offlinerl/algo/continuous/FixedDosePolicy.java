package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A one-state, one-dose policy for tests: always {@code dose} in raw units; its draw is {@code dose + drawOffset},
 * so a test can tell {@code act} from {@code sample}. Its fit summary holds {@code meanReturn = -3}.
 */
public record FixedDosePolicy(double dose, double drawOffset) implements ContinuousPolicy {

    public FixedDosePolicy(double dose) {
        this(dose, 0);
    }

    @Override
    public int stateDimension() {
        return 1;
    }

    @Override
    public int actionDimension() {
        return 1;
    }

    @Override
    public double[] act(double[] state) {
        return new double[] {dose};
    }

    @Override
    public double[] sample(double[] state, SplittableRandom rng) {
        return new double[] {dose + drawOffset};
    }

    @Override
    public MlpSnapshot network() {
        return null;
    }

    @Override
    public PolicyProvenance provenance() {
        return null;
    }

    @Override
    public FitReport report() {
        return new FitReport(Map.of("meanReturn", -3.0), List.of(), List.of());
    }
}
