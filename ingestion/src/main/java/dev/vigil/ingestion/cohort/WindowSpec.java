package dev.vigil.ingestion.cohort;

import java.time.Duration;

/**
 * The window of a trajectory around its anchor: from {@code anchor - before} to {@code anchor + after}.
 * Both are whole multiples of the bloc length (checked by {@link CohortSpec}), so a bloc boundary falls on
 * the anchor.
 */
public record WindowSpec(Duration before, Duration after) {

    public WindowSpec {
        if (before == null || after == null) {
            throw new IllegalArgumentException("window needs before and after (ISO-8601 durations such as PT24H)");
        }
        if (before.isNegative() || after.isNegative()) {
            throw new IllegalArgumentException("window.before and window.after must not be negative; write PT24H "
                    + "for 24 hours before the anchor");
        }
        if (before.plus(after).isZero()) {
            throw new IllegalArgumentException("window is empty: give before or after a positive duration");
        }
    }
}
