package dev.vigil.api.cds;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission control for CDS Hooks calls: at most a few are verified, parsed and answered at once, and the others
 * wait their turn in arrival order (a fair semaphore; waiting threads use no CPU). A call with prefetch needs 2-3 ms
 * of CPU (JWT signature, FHIR parsing, the answer, the audit append); with 32 concurrent callers on a 2-core
 * machine, letting all compute at once made a few unlucky calls wait far longer than the rest. In an A/B run
 * alternating the limit round by round (docs/benchmarks.md) the limit kept the CDS p99 at 135-165 ms against
 * 148-274 ms without. REST recommendations (about 1 ms each) are not limited: there the limit cost throughput and
 * did not shorten the tail.
 */
@ApplicationScoped
public class CdsAdmission {

    /** {@code vigil.cds.max-concurrent}: calls answered at once; 0 means twice the available processors. */
    @ConfigProperty(name = "vigil.cds.max-concurrent", defaultValue = "0")
    int configured;

    private volatile Semaphore permits;
    private volatile int limit;

    @PostConstruct
    void init() {
        limit(configured);
    }

    /**
     * Sets how many calls are answered at once (0: twice the available processors; a negative value: no limit).
     * Calls already admitted finish under the old limit.
     */
    public synchronized void limit(int answers) {
        int chosen = answers == 0 ? 2 * Runtime.getRuntime().availableProcessors() : answers;
        this.limit = chosen;
        this.permits = chosen < 0 ? null : new Semaphore(chosen, true);
    }

    /** The current limit, or a negative number for none. */
    public int limit() {
        return limit;
    }

    /** Runs {@code answer} once admitted. */
    public <T> T admit(Supplier<T> answer) {
        Semaphore current = permits;
        if (current == null) {
            return answer.get();
        }
        current.acquireUninterruptibly();
        try {
            return answer.get();
        } finally {
            current.release();
        }
    }
}
