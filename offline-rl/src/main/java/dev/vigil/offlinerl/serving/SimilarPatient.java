package dev.vigil.offlinerl.serving;

/**
 * A patient of the policy's dataset whose state at one bloc is among the nearest to the queried state.
 *
 * @param patientId the episode id
 * @param bloc the step of that episode nearest to the queried state
 * @param distance Euclidean distance in min-max scaled feature units ([-1, 1] per feature on the dataset)
 * @param died the episode's outcome event (death), or null when unknown
 * @param loggedDoses the doses the clinicians gave at that bloc
 */
public record SimilarPatient(String patientId, int bloc, double distance, Boolean died, double[] loggedDoses) {
}
