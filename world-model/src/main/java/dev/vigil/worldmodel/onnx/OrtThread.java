package dev.vigil.worldmodel.onnx;

import ai.onnxruntime.OrtException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread with a large stack for every ONNX Runtime call. ONNX Runtime 1.29 overflows a 1 MiB Java thread
 * stack while it initialises (and the calling thread also works in the intra-op pool): `java` without
 * {@code -Xss2m} or more died with SIGSEGV in {@code OrtEnvironment.getEnvironment()} on these machines.
 * Running every call here makes the session safe on any caller's thread.
 */
public final class OrtThread implements AutoCloseable {

    /** Stack of the ONNX Runtime thread: 32 MiB (2 MiB was measured to be enough; this leaves room). */
    public static final long STACK_BYTES = 32L << 20;

    /** Work that may throw ONNX Runtime's checked exception. */
    @FunctionalInterface
    public interface OrtCall<T> {
        T call() throws OrtException;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(null, runnable, "vigil-onnxruntime", STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    /** Runs the call on the ONNX Runtime thread and waits for it, rethrowing what it threw. */
    /** A main method's body, which may throw anything. */
    @FunctionalInterface
    public interface MainBody {
        void run() throws Exception;
    }

    /**
     * Runs a whole command-line program (benchmark, experiment) on one thread with ONNX Runtime's big stack, so that
     * nothing in it touches ONNX Runtime from a small-stack thread, and waits for it.
     *
     * @throws Exception whatever the body threw, unchanged
     */
    public static void runMain(String name, MainBody body) throws Exception {
        Exception[] failure = new Exception[1];
        Error[] error = new Error[1];
        Thread thread = new Thread(null, () -> {
            try {
                body.run();
            } catch (Exception e) {
                failure[0] = e;
            } catch (Error e) {
                error[0] = e;
            }
        }, name, STACK_BYTES);
        thread.start();
        thread.join();
        if (error[0] != null) {
            throw error[0];
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    public <T> T call(OrtCall<T> work) throws OrtException {
        Future<T> future = executor.submit(work::call);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ONNX Runtime was running", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OrtException ort) {
                throw ort;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
