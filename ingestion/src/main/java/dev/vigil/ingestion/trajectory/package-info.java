/**
 * From FHIR resources to trajectories: {@link dev.vigil.ingestion.trajectory.CohortAccumulator} maps each
 * resource, as it arrives, to compact per-patient facts in canonical units (and reports what it cannot
 * use); {@link dev.vigil.ingestion.trajectory.TrajectoryBuilder} turns a patient's facts into an episode of
 * time blocs around the anchor, with sample-and-hold imputation, missingness flags, derived features,
 * actions, the outcome and per-step provenance.
 *
 * <p>Everything is deterministic: facts are sorted by (time, resource id) before they are aggregated, and
 * episodes by patient id, so the result never depends on the order resources were delivered in.
 */
package dev.vigil.ingestion.trajectory;
