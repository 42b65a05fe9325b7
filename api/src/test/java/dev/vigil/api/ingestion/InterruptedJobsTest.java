package dev.vigil.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A job the previous server left running is reported as interrupted, never left "running" forever. */
@QuarkusTest
class InterruptedJobsTest {

    @Inject
    IngestionJobRepository jobs;

    @Test
    void marksQueuedAndRunningJobsFailedWithTheReason() {
        jobs.create("00000000-0000-0000-0000-00000000000a", "left running", "icu-sepsis", "bulk:/x", "t");
        jobs.running("00000000-0000-0000-0000-00000000000a");
        jobs.create("00000000-0000-0000-0000-00000000000b", "left queued", "icu-sepsis", "bulk:/y", "t");

        assertThat(jobs.failInterrupted()).isGreaterThanOrEqualTo(2);

        var running = jobs.find("00000000-0000-0000-0000-00000000000a").orElseThrow();
        assertThat(running.getState()).isEqualTo(IngestionJobRecord.State.FAILED);
        assertThat(running.getError()).startsWith("Interrupted").contains("was running");
        assertThat(running.getFinishedAt()).isNotNull();
        assertThat(jobs.find("00000000-0000-0000-0000-00000000000b").orElseThrow().getError()).contains("was queued");
    }
}
