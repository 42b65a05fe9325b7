package dev.vigil.offlinerl.serving;

import dev.vigil.offlinerl.algo.FitReport;
import dev.vigil.offlinerl.algo.PolicyProvenance;
import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;
import dev.vigil.offlinerl.algo.continuous.MlpSnapshot;
import dev.vigil.safety.guardian.MinMaxScaler;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * A continuous policy with its {@link SupportShield}: the policy proposes a dose in the dataset's units, the shield
 * judges it on the guardian's scale and replaces it when it is outside the support. Counts what the shield did, so a
 * report can say how often the policy's own answer was overruled.
 *
 * <p>{@link #network()} is refused: the shielded action is not the output of one network, and exporting the
 * network alone would silently drop the shield.
 */
public final class ShieldedPolicy implements ContinuousPolicy {

    private final ContinuousPolicy policy;
    private final SupportShield shield;
    private final MinMaxScaler scaler;
    private final LongAdder kept = new LongAdder();
    private final LongAdder moved = new LongAdder();
    private final LongAdder bestAvailable = new LongAdder();

    /**
     * @param scaler the guardian's scaling of (state, dose) rows, of dimension {@code stateDimension +
     *     actionDimension}
     */
    public ShieldedPolicy(ContinuousPolicy policy, SupportShield shield, MinMaxScaler scaler) {
        if (policy == null || shield == null || scaler == null) {
            throw new IllegalArgumentException("ShieldedPolicy needs a policy, a shield and the guardian's scaler");
        }
        if (scaler.dimension() != policy.stateDimension() + policy.actionDimension()) {
            throw new IllegalArgumentException("ShieldedPolicy: the scaler covers " + scaler.dimension()
                    + " columns but the policy's (state, dose) has " + policy.stateDimension() + " + "
                    + policy.actionDimension());
        }
        this.policy = policy;
        this.shield = shield;
        this.scaler = scaler;
    }

    @Override
    public int stateDimension() {
        return policy.stateDimension();
    }

    @Override
    public int actionDimension() {
        return policy.actionDimension();
    }

    @Override
    public double[] act(double[] state) {
        return shielded(state, policy.act(state));
    }

    /** The shield applied to the policy's draw, so a stochastic policy stays stochastic inside the support. */
    @Override
    public double[] sample(double[] state, java.util.SplittableRandom rng) {
        return shielded(state, policy.sample(state, rng));
    }

    private double[] shielded(double[] state, double[] proposed) {
        int s = state.length;
        double[] row = Arrays.copyOf(state, s + proposed.length);
        System.arraycopy(proposed, 0, row, s, proposed.length);
        double[] scaled = scaler.transform(row);
        SupportShield.Shielded result = shield.shield(Arrays.copyOf(scaled, s),
                Arrays.copyOfRange(scaled, s, scaled.length));
        switch (result.outcome()) {
            case KEPT -> kept.increment();
            case MOVED_INTO_SUPPORT -> moved.increment();
            case BEST_AVAILABLE -> bestAvailable.increment();
        }
        if (result.outcome() == SupportShield.Outcome.KEPT) {
            return proposed;
        }
        System.arraycopy(result.action(), 0, scaled, s, proposed.length);
        return Arrays.copyOfRange(scaler.inverseTransform(scaled), s, scaled.length);
    }

    /** Decisions so far whose proposal the guardian accepted. */
    public long kept() {
        return kept.sum();
    }

    /** Decisions so far whose proposal was replaced by an in-support dose. */
    public long moved() {
        return moved.sum();
    }

    /** Decisions so far where no similar patient's dose was in support and the least unusual one was given. */
    public long bestAvailable() {
        return bestAvailable.sum();
    }

    @Override
    public MlpSnapshot network() {
        throw new UnsupportedOperationException("A shielded policy's dose is the network's output corrected by its "
                + "support shield; export the unshielded policy's network and serve it with the shield");
    }

    @Override
    public PolicyProvenance provenance() {
        return policy.provenance();
    }

    @Override
    public FitReport report() {
        return policy.report();
    }
}
