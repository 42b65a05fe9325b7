package dev.vigil.offlinerl.report;

/**
 * One logged step as the policies under evaluation see it. Arrays are shared, not copied (the builder makes one per
 * step and never changes it): do not modify them.
 *
 * @param episode the episode's index in the dataset
 * @param step the step's index in its episode
 * @param state the raw feature vector in dataset units (NaN = missing), or null for discrete-state data
 * @param stateId the step's state id in the report's {@link EvaluationSpace}
 * @param actionId the logged (clinicians') joint action id in the report's space
 * @param doses the logged doses in dataset units, or null for discrete-action data
 */
public record LoggedStep(int episode, int step, double[] state, int stateId, int actionId, double[] doses) {
}
