/**
 * Serving: basic safety reports of trained runs, promotion of a run's policy to a use case (one active version per
 * use case, every promotion recorded, refused without a safety report), and the served policies held in memory
 * ({@link dev.vigil.api.serving.ServingService}) that recommendations and CDS Hooks answer from.
 */
package dev.vigil.api.serving;
