/**
 * Contraindications to TACE: a versioned rule set ({@code tace-contraindications} 1.0.0, shipped) evaluated on
 * a patient's covariates before the procedure. The rule file is a cost rule set file
 * ({@link dev.vigil.safety.cost.RuleSets}, docs/safety-rules.md) restricted to comparisons and ratios of
 * covariates; {@link dev.vigil.safety.contraindication.ContraindicationRuleSet#evaluate} returns each violated
 * rule with its reason, and each rule it cannot decide because a covariate is missing as unknown, never as
 * passed. Documented in docs/tace-protocols.md.
 */
package dev.vigil.safety.contraindication;
