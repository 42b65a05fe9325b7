package dev.vigil.api.ingestion;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live progress of one job, updated from the ingestion's threads and read by the API. Rates are measured
 * from the first progress report, so queueing time does not dilute them.
 */
public final class JobProgress {

    private final AtomicLong unitsDone = new AtomicLong();
    private final AtomicLong unitsTotal = new AtomicLong(-1);
    private final AtomicLong resources = new AtomicLong();
    private volatile long startedNanos;

    void started() {
        startedNanos = System.nanoTime();
    }

    void progress(long done, long total) {
        unitsDone.set(done);
        unitsTotal.set(total);
    }

    void resourceRead() {
        resources.incrementAndGet();
    }

    /** What the API shows. */
    public record View(long unitsDone, long unitsTotal, long resources, double resourcesPerSecond, Long etaSeconds) {
    }

    View view() {
        long done = unitsDone.get();
        long total = unitsTotal.get();
        long read = resources.get();
        double seconds = startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds > 0 ? read / seconds : 0;
        Long eta = null;
        if (total > 0 && done > 0 && seconds > 0) {
            eta = Math.round(seconds * (total - done) / done);
        }
        return new View(done, total, read, rate, eta);
    }
}
