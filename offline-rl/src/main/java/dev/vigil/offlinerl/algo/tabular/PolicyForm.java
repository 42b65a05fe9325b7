package dev.vigil.offlinerl.algo.tabular;

/** How a Q table becomes a policy. */
public enum PolicyForm {
    /** All mass on the best action, split evenly among exact ties. */
    GREEDY,
    /** pi(a | s) proportional to exp(Q(s, a) / temperature). */
    SOFTMAX
}
