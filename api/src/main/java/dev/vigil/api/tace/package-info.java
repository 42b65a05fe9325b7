/**
 * TACE planning in the service (issue 5): trained world models recorded in the database with their bundle
 * folders under the data directory ({@link dev.vigil.api.tace.WorldModelRegistry}), training them from an
 * ingested {@code hcc-tace} dataset ({@link dev.vigil.api.tace.WorldModelTraining}), ranking a patient's plans
 * with the planner ({@link dev.vigil.api.tace.TacePlanningService}) and the REST endpoints under
 * {@code /api/tace} ({@link dev.vigil.api.tace.TaceResource}). docs/tace-planning.md describes them.
 */
package dev.vigil.api.tace;
