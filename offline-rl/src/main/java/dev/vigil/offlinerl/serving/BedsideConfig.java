package dev.vigil.offlinerl.serving;

import dev.vigil.safety.guardian.KnnConfig;

/**
 * How a served policy is loaded.
 *
 * @param guardian the k-NN guardian over scaled (state, action) points of the dataset
 * @param similarPatients how many similar patients (distinct episodes) an answer lists, >= 1
 * @param alternatives how many alternatives to the recommended action an answer lists, >= 0
 */
public record BedsideConfig(KnnConfig guardian, int similarPatients, int alternatives) {

    public BedsideConfig {
        if (guardian == null) {
            throw new IllegalArgumentException("A bedside config needs a guardian config; use KnnConfig.defaults()");
        }
        if (similarPatients < 1) {
            throw new IllegalArgumentException("similarPatients must be at least 1; got " + similarPatients);
        }
        if (alternatives < 0) {
            throw new IllegalArgumentException("alternatives must be 0 or more; got " + alternatives);
        }
    }

    /** k-NN guardian with k = 10 at the 5th percentile (exact search), 5 similar patients, 3 alternatives. */
    public static BedsideConfig defaults() {
        return new BedsideConfig(KnnConfig.exact(), 5, 3);
    }
}
