package dev.vigil.worldmodel.synth;

import java.time.Instant;

/**
 * When things happen to a patient (UTC, whole minutes).
 *
 * @param diagnosis onset of the liver cancer Condition, 20-120 days before the TACE
 * @param labs the pre-treatment labs and staging, 1-10 days before the TACE
 * @param preCt the pre-treatment CT, 2-20 days before the TACE
 * @param tace the (first and only) TACE: the cohort's anchor
 * @param postCt the follow-up CT, 28-42 days after the TACE
 */
public record Timeline(Instant diagnosis, Instant labs, Instant preCt, Instant tace, Instant postCt) {

    /** Days from the TACE to {@code time} (negative before it). */
    public double daysFromTace(Instant time) {
        return (time.getEpochSecond() - tace.getEpochSecond()) / 86_400.0;
    }
}
