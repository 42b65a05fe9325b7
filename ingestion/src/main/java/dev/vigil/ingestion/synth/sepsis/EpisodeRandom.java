package dev.vigil.ingestion.synth.sepsis;

import java.util.SplittableRandom;

/**
 * The independent random streams of one episode, split in a fixed order from the episode's generator: the
 * dynamics (patient, physiology, charting), the policy, the 90-day outcome, and the calendar (dates and drug
 * choices of the FHIR rendering). Because the streams are separate, two policies run on the same episode
 * generator meet the same patient and the same physiological noise, and the cohort's patient k is the
 * evaluator's episode k for the same seed.
 */
public record EpisodeRandom(SplittableRandom dynamics, SplittableRandom policy, SplittableRandom outcome,
        SplittableRandom calendar) {

    /** Splits the four streams from {@code episode} (which is advanced). */
    public static EpisodeRandom from(SplittableRandom episode) {
        return new EpisodeRandom(episode.split(), episode.split(), episode.split(), episode.split());
    }
}
