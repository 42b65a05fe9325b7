/**
 * The sepsis simulator of Oberst &amp; Sontag (ICML 2019, "Counterfactual off-policy evaluation with
 * Gumbel-max structural causal models"), as {@code docs/methods.md} section 4 describes it, with the
 * corrected glucose rule: a seeded sampler and the exact tabular MDP enumerated from the same dynamics code.
 *
 * <p>It exists because its true values are computable: off-policy estimates on its data can be compared
 * with the exact value of the evaluated policy, including the optimism that hiding the diabetic flag
 * causes (see {@code docs/ope.md}).
 */
package dev.vigil.offlinerl.simulator.sepsis;
