/**
 * The synthetic ICU sepsis patient's true dynamics, for ground truth: {@link
 * dev.vigil.ingestion.synth.sepsis.SepsisSimulator} ({@code reset}/{@code step} over 4-hour blocs, observation
 * vectors in {@link dev.vigil.ingestion.synth.sepsis.SepsisFeature} order), the documented clinician with a
 * known rate of unsafe choices ({@link dev.vigil.ingestion.synth.sepsis.ClinicianPolicy}), the OGSRL reward
 * ({@link dev.vigil.ingestion.synth.sepsis.SepsisReward}) and Monte-Carlo policy values ({@link
 * dev.vigil.ingestion.synth.sepsis.TrueValueEvaluator}). Equations: {@code docs/methods/synthetic-sepsis.md}.
 * Every random draw comes from a caller's {@link java.util.SplittableRandom}, and only through
 * {@code StrictMath}, so results are bit-for-bit reproducible.
 */
package dev.vigil.ingestion.synth.sepsis;
