package dev.vigil.offlinerl.algo;

import dev.vigil.offlinerl.algo.continuous.ContinuousPolicy;

/**
 * What any fit returns: a policy over discrete ids ({@link TrainedPolicy}) or over continuous states and actions
 * ({@link ContinuousPolicy}). Callers switch on the two cases.
 */
public sealed interface FittedPolicy permits FittedPolicy.Discrete, FittedPolicy.Continuous {

    PolicyProvenance provenance();

    FitReport report();

    /** A tabular (or discretised) policy. */
    record Discrete(TrainedPolicy policy) implements FittedPolicy {

        public Discrete {
            if (policy == null) {
                throw new IllegalArgumentException("A discrete fit needs its policy");
            }
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

    /** A policy over continuous states and actions. */
    record Continuous(ContinuousPolicy policy) implements FittedPolicy {

        public Continuous {
            if (policy == null) {
                throw new IllegalArgumentException("A continuous fit needs its policy");
            }
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
}
