/**
 * Trajectory datasets: immutable episodes of states, actions, optional rewards and costs, outcomes and
 * provenance, with an explicit {@link dev.vigil.ingestion.dataset.DatasetSchema} (continuous or discrete
 * states and actions, names and units). Datasets have a content hash, a versioned binary format
 * ({@code VGDS}) for the artifact store, and a CSV form for other tools ({@code docs/dataset-csv.md}).
 */
package dev.vigil.ingestion.dataset;
