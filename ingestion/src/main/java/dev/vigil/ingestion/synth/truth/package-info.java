/**
 * The versioned ground-truth file of a synthetic cohort ({@code ground-truth.ndjson}): writer, reader and the
 * records it holds (hidden parameters, true latent state per bloc, actions, unsafe choices, outcomes).
 */
package dev.vigil.ingestion.synth.truth;
