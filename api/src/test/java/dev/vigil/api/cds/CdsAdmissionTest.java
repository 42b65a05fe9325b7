package dev.vigil.api.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CdsAdmissionTest {

    private static int mostAtOnce(CdsAdmission admission, int callers) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int id = c;
            calls.add(pool.submit(() -> {
                start.await();
                return admission.admit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return id;
                });
            }));
        }
        start.countDown();
        for (int c = 0; c < callers; c++) {
            assertThat(calls.get(c).get()).isEqualTo(c);
        }
        pool.shutdown();
        return most.get();
    }

    @Test
    void admitsAtMostTheLimitAtOnceAndAnswersEveryCall() throws Exception {
        CdsAdmission admission = new CdsAdmission();
        admission.limit(3);
        assertThat(admission.limit()).isEqualTo(3);
        assertThat(mostAtOnce(admission, 12)).isBetween(2, 3);
    }

    @Test
    void zeroMeansTwiceTheProcessorsAndNegativeMeansNoLimit() throws Exception {
        CdsAdmission admission = new CdsAdmission();
        admission.limit(0);
        assertThat(admission.limit()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        admission.limit(-1);
        assertThat(mostAtOnce(admission, 8)).isGreaterThan(3);
    }

    @Test
    void aFailingCallGivesItsPermitBack() {
        CdsAdmission admission = new CdsAdmission();
        admission.limit(1);
        for (int i = 0; i < 3; i++) {
            try {
                admission.admit(() -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the permit must be released
            }
        }
        assertThat(admission.admit(() -> "answered")).isEqualTo("answered");
    }
}
