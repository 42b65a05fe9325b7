package dev.vigil.ingestion.fhir;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A few worker threads fed through a bounded queue: the producer blocks when the workers fall behind, which is
 * what keeps memory bounded however large the input is.
 *
 * <p>Use: {@link #submit} from one producer thread, then {@link #finish} (or {@link #close} to abandon). If a
 * worker's task throws (a bug in a sink, say), the other workers drain and discard the queue so the producer
 * never blocks forever, and the first failure is rethrown by the next {@code submit} or by {@code finish}.
 *
 * @param <T> a unit of work, e.g. a batch of lines
 */
final class WorkerPool<T> implements AutoCloseable {

    private final BlockingQueue<Object> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object endOfWork = new Object();
    private final Consumer<T> task;

    /**
     * Starts {@code threads} daemon threads named {@code name-1 ... name-n}.
     *
     * @param queueCapacity how many units may wait; with the units in progress this bounds memory
     */
    WorkerPool(String name, int threads, int queueCapacity, Consumer<T> task) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, was " + threads);
        }
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
        this.task = task;
        for (int i = 1; i <= threads; i++) {
            Thread worker = new Thread(this::work, name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Hands {@code unit} to the workers, waiting while the queue is full. */
    void submit(T unit) throws InterruptedIOException {
        rethrowFailure();
        put(unit);
    }

    /** Waits until every submitted unit is done; rethrows the first failure of a task. */
    void finish() throws InterruptedIOException {
        for (int i = 0; i < workers.size(); i++) {
            put(endOfWork);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new InterruptedIOException("interrupted while waiting for the parser threads to finish");
            }
        }
        rethrowFailure();
    }

    /** Stops the workers without waiting for queued work (after an interrupt or an exception). */
    @Override
    public void close() {
        queue.clear();
        workers.forEach(Thread::interrupt);
    }

    private void put(Object unit) throws InterruptedIOException {
        try {
            queue.put(unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while handing work to the parser threads");
        }
    }

    @SuppressWarnings("unchecked")
    private void work() {
        try {
            while (true) {
                Object unit = queue.take();
                if (unit == endOfWork) {
                    return;
                }
                if (failure.get() == null) {
                    try {
                        task.accept((T) unit);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            // close(): the producer gave up; nothing more to do.
        }
    }

    private void rethrowFailure() {
        Throwable first = failure.get();
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new IllegalStateException("a parser thread failed", first);
        }
    }
}
