package dev.vigil.ingestion.dataset;

/** The actions of one episode, one per step: continuous vectors or discrete ids. */
public sealed interface Actions permits ContinuousActions, DiscreteActions {

    /** Number of steps. */
    int steps();
}
