package dev.vigil.safety.cost;

/** What a rule said about one step. */
public enum RuleStatus {
    /** The condition held: the step costs the rule's weight. */
    VIOLATED,
    /** The condition was evaluated and did not hold: cost 0. */
    SATISFIED,
    /**
     * An input was missing (NaN, an undefined ratio, no previous step for a change): the rule was not
     * evaluated, costs 0, and is counted apart from both violated and satisfied.
     */
    NOT_EVALUABLE
}
