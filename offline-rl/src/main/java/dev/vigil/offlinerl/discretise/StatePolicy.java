package dev.vigil.offlinerl.discretise;

/** A policy that answers for raw feature vectors: what a caller at the bedside (or a simulator) asks. */
public interface StatePolicy {

    /** pi(. | state) over the joint action ids, for a feature vector in raw units (NaN = missing). */
    double[] actionProbabilities(double[] state);

    /** The most probable action id for the state (ties: the lowest id). */
    int actionIdFor(double[] state);

    /** The representative doses (each bin's training median) of {@link #actionIdFor(double[])}, shape (actions). */
    double[] actionFor(double[] state);
}
