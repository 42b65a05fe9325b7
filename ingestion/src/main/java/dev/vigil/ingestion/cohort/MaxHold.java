package dev.vigil.ingestion.cohort;

import java.time.Duration;

/**
 * How long a measured value stays valid for sample-and-hold imputation. Written as an ISO-8601 duration
 * ({@code PT8H}), {@code none} (never carried into another bloc) or {@code unlimited} (carried to the end
 * of the trajectory).
 *
 * @param seconds the limit in seconds; 0 for none, {@link Long#MAX_VALUE} for unlimited
 */
public record MaxHold(long seconds) {

    /** Never carried forward. */
    public static final MaxHold NONE = new MaxHold(0);
    /** Carried forward to the end of the trajectory. */
    public static final MaxHold UNLIMITED = new MaxHold(Long.MAX_VALUE);

    public MaxHold {
        if (seconds < 0) {
            throw new IllegalArgumentException("maxHold must not be negative; write none, unlimited or e.g. PT8H");
        }
    }

    /** A limit of {@code duration}. */
    public static MaxHold of(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("maxHold " + duration + " is negative; write none, unlimited or e.g. PT8H");
        }
        return new MaxHold(duration.getSeconds());
    }

    /** Whether a value {@code ageSeconds} old may still be used. */
    public boolean allows(long ageSeconds) {
        return ageSeconds <= seconds;
    }

    @Override
    public String toString() {
        if (seconds == 0) {
            return "none";
        }
        return seconds == Long.MAX_VALUE ? "unlimited" : Duration.ofSeconds(seconds).toString();
    }
}
