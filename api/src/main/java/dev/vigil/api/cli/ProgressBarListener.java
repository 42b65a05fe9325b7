package dev.vigil.api.cli;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar for an ingestion: megabytes read against the total (with the bar's own speed and
 * ETA), and resources per second with the count of issues so far.
 */
final class ProgressBarListener implements IngestionListener, AutoCloseable {

    private final ProgressBar bar;
    private final AtomicLong resources = new AtomicLong();
    private final AtomicLong issues = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile long lastMessageNanos;

    ProgressBarListener(String task) {
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setUnit(" MB", 1_000_000)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .continuousUpdate()
                .build();
    }

    @Override
    public void issue(IngestionIssue issue) {
        issues.incrementAndGet();
    }

    @Override
    public void resourceRead(String resourceType) {
        long read = resources.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastMessageNanos > 250_000_000L) {
            lastMessageNanos = now;
            double seconds = (now - startedNanos) / 1e9;
            bar.setExtraMessage(String.format(Locale.ROOT, "%,d resources, %,.0f/s, %,d issues", read,
                    seconds > 0 ? read / seconds : 0, issues.get()));
        }
    }

    @Override
    public void progress(long unitsDone, long unitsTotal) {
        if (unitsTotal > 0 && bar.getMax() != unitsTotal) {
            bar.maxHint(unitsTotal);
        }
        bar.stepTo(unitsDone);
    }

    @Override
    public void close() {
        bar.close();
    }
}
