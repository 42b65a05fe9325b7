/**
 * Evaluation of the MeWM planner on held-out synthetic patients with known ground truth (docs/planner.md):
 * simulation quality against baselines, protocol-selection metrics (MeWM's F1, Jaccard, precision and recall
 * on component sets, top-1 accuracy, regret in true expected survival) against a random plan, the most common
 * clinician protocol and a pre-treatment Cox model, and the experiment main {@link
 * dev.vigil.worldmodel.evaluation.MewmExperiment}.
 */
package dev.vigil.worldmodel.evaluation;
