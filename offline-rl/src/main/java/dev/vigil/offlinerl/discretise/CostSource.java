package dev.vigil.offlinerl.discretise;

/** Where the per-step safety costs OGSRL trained with came from. */
public enum CostSource {
    /** The dataset's own cost column. */
    DATA,
    /** Computed from the dataset's features and actions with a rule set ({@code DerivedCosts}). */
    RULE_SET,
    /** None: cost 0 on every step, so only the guardian constrains the policy. */
    NONE
}
