package dev.vigil.ingestion.synth.sepsis;

import java.util.SplittableRandom;

/** A policy that also says whether each decision was a deliberately unsafe choice (the clinician). */
@FunctionalInterface
public interface DecisionMaker {

    Decision decide(PolicyInput input, SplittableRandom rng);

    /** Labels every action of {@code policy} safe, except that the clinician keeps its own labels. */
    static DecisionMaker of(SepsisPolicy policy) {
        if (policy instanceof ClinicianPolicy clinician) {
            return clinician::decide;
        }
        return (input, rng) -> Decision.safe(policy.act(input, rng));
    }
}
