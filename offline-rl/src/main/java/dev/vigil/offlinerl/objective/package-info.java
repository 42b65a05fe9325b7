/**
 * What the learners optimise when the data does not say it: the training reward ({@link
 * dev.vigil.offlinerl.objective.TrainingRewards}: the data's own, the terminal outcome, or OGSRL's SOFA-based step
 * reward {@link dev.vigil.offlinerl.objective.SofaStepReward}) and the cost rule set, possibly restricted to some of
 * its rules ({@link dev.vigil.offlinerl.objective.CostRuleSets}). Knows nothing of the learners themselves.
 */
package dev.vigil.offlinerl.objective;
