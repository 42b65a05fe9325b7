package dev.vigil.ingestion.dataset;

/** The states of one episode, one per step: continuous feature vectors or discrete ids. */
public sealed interface States permits ContinuousStates, DiscreteStates {

    /** Number of steps. */
    int steps();
}
