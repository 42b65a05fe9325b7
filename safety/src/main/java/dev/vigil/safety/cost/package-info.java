/**
 * The physiological cost model: versioned rule sets and the safety costs they give to states and actions.
 *
 * <p>A {@link dev.vigil.safety.cost.RuleSet} is read from a YAML file ({@code formatVersion: 1}, described in
 * {@code docs/safety-rules.md}) by {@link dev.vigil.safety.cost.RuleSets}. Each rule is a condition over state
 * features and actions in the cohort's canonical units, built from a small closed set of expression forms
 * (comparison of a feature, an action, a ratio of two variables or a step-to-step change, and {@code all} /
 * {@code any} combinators): no code is ever run from a rule file.
 *
 * <p>{@link dev.vigil.safety.cost.CostModel#compile} resolves a rule set against a dataset schema once;
 * evaluation then gives a {@link dev.vigil.safety.cost.StepCost} per step, an
 * {@link dev.vigil.safety.cost.EpisodeCosts} per episode and a {@link dev.vigil.safety.cost.CostSummary} per
 * dataset, each naming the rule set by id, version and content hash ({@link dev.vigil.safety.cost.RuleSetRef}).
 *
 * <p><b>Sign convention.</b> Costs are non-negative: a violated rule costs its weight for that step, a
 * satisfied or not evaluable rule costs 0. A {@link dev.vigil.safety.cost.CostBudget} is an undiscounted sum
 * per episode, and normalised cost = cost / budget, where {@code <= 1} means within budget. The released
 * OGSRL code used negative costs; Vigil does not.
 *
 * <p><b>Missing values.</b> A rule is evaluated at a step only when every input it reads is present (not NaN,
 * a defined ratio, a previous step for a change). Otherwise it is not evaluable: it costs 0 and is counted
 * separately, so a report never passes a missing value off as safe or as violated.
 */
package dev.vigil.safety.cost;
