package dev.vigil.offlinerl.serving;

/**
 * A patient's state as a served policy reads it, in the policy's dataset schema order and canonical units.
 *
 * @param features shape (features); NaN = not measured
 * @param previousFeatures the previous bloc's features, shape (features), or null when there is none (rules on
 *     changes, such as rising lactate, are then not evaluable)
 * @param currentDoses the doses the patient is on now, shape (actions), or null when unknown; the conservative
 *     fallback continues them
 */
public record ClinicalState(double[] features, double[] previousFeatures, double[] currentDoses) {

    public ClinicalState {
        if (features == null) {
            throw new IllegalArgumentException("A clinical state needs its features");
        }
        features = features.clone();
        previousFeatures = previousFeatures == null ? null : previousFeatures.clone();
        currentDoses = currentDoses == null ? null : currentDoses.clone();
    }

    @Override
    public double[] features() {
        return features.clone();
    }

    @Override
    public double[] previousFeatures() {
        return previousFeatures == null ? null : previousFeatures.clone();
    }

    @Override
    public double[] currentDoses() {
        return currentDoses == null ? null : currentDoses.clone();
    }
}
