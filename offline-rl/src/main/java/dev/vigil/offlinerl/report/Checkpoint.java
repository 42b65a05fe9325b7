package dev.vigil.offlinerl.report;

/**
 * A policy saved during training, a candidate for the report's shown checkpoint.
 *
 * @param iteration the training iteration it was saved at (1-based, as metrics)
 * @param policy the policy at that iteration
 */
public record Checkpoint(int iteration, EvaluatedPolicy policy) {

    public Checkpoint {
        if (policy == null) {
            throw new IllegalArgumentException("Checkpoint at iteration " + iteration + " has no policy");
        }
    }
}
