/**
 * Trajectory datasets as the service keeps them: the binary dataset and its ingestion report in the artifact
 * store, a row per dataset in the database, and views for the API (summaries, episodes, CSV).
 */
package dev.vigil.api.dataset;
