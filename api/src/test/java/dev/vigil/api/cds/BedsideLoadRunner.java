package dev.vigil.api.cds;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * Drives one endpoint of a running Vigil over real HTTP/1.1 (Apache HttpClient, one pooled keep-alive connection per
 * client) with a number of concurrent clients, each sending its requests one after the other, and reports
 * throughput, p50 and p99 latency and the failures. The clients share the server's cores, so a lean client matters:
 * java.net.http spent about 0.5 ms of CPU per request in its worker and selector threads, this one about a fifth of
 * that, all on the client's own thread.
 */
public final class BedsideLoadRunner {

    /** What one run measured. */
    public record Result(String name, int clients, int requests, int failures, double seconds, double throughput,
            double p50Millis, double p99Millis, double cpuMillisPerRequest, double clientCpuMillisPerRequest,
            double serverThreadCpuMillisPerRequest, String threadGroups) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d requests, %d clients, %d failed, %.1f s, %.0f req/s, p50 %.1f ms, "
                    + "p99 %.1f ms, CPU per request: process %.2f ms, server request threads %.2f ms, client threads %.2f ms;%n    CPU ms per request by thread group: %s",
                    name, requests, clients, failures, seconds, throughput, p50Millis, p99Millis, cpuMillisPerRequest,
                    serverThreadCpuMillisPerRequest, clientCpuMillisPerRequest, threadGroups);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One POST: a JSON body and headers (name, value, name, value...). */
    public record Call(URI uri, String body, String... headers) {
    }

    /**
     * @param request a new request each time (e.g. a fresh JWT); the response must be 200
     */
    public Result run(String name, int clients, int requests, Supplier<Call> request) throws Exception {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(clients);
        connections.setDefaultMaxPerRoute(clients);
        try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(connections)
                .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(10_000).setSocketTimeout(60_000)
                        .build()).build()) {
            return run(name, clients, requests, request, http);
        }
    }

    private Result run(String name, int clients, int requests, Supplier<Call> request, CloseableHttpClient http)
            throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong clientCpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuStart = processCpuNanos();
        long serverStart = serverThreadCpuNanos();
        Map<Long, Long> threadsStart = threadCpuNanos();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                long threadCpuStart = THREADS.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpPost r = httpPost(request.get());
                    long t0 = System.nanoTime();
                    try (CloseableHttpResponse response = http.execute(r)) {
                        EntityUtils.consume(response.getEntity());
                        if (response.getStatusLine().getStatusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - threadCpuStart);
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        long server = serverThreadCpuNanos() - serverStart;
        String groups = groups(threadsStart, threadCpuNanos(), cpu, requests);
        pool.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(name, clients, requests, failures.get(), seconds, requests / seconds,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, cpu / 1e6 / requests, clientCpu.get() / 1e6 / requests,
                server / 1e6 / requests, groups);
    }

    /**
     * CPU time of this whole JVM (server and clients: the benchmark runs both in one process). Wall-clock figures
     * depend on what else the shared machine runs; CPU time per request much less so.
     */
    private static Map<Long, Long> threadCpuNanos() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.put(id, THREADS.getThreadCpuTime(id));
        }
        return cpu;
    }

    /**
     * The CPU each group of live threads (name with digits folded) used between two snapshots, largest first, and
     * what no live Java thread accounts for (JIT compiler, GC, threads that ended).
     */
    private static String groups(Map<Long, Long> before, Map<Long, Long> after, long processNanos, int requests) {
        Map<String, Long> byGroup = new HashMap<>();
        long seen = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(after.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, after.get(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L));
            seen += used;
            byGroup.merge(info.getThreadName().replaceAll("\\d+", "N"), used, Long::sum);
        }
        byGroup.put("(JIT, GC, ended threads)", Math.max(0, processNanos - seen));
        StringBuilder text = new StringBuilder();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> text.append(String.format(Locale.ROOT, "%s %.2f; ", e.getKey(),
                        e.getValue() / 1e6 / requests)));
        return text.toString();
    }

    static long serverThreadCpuNanos() {
        // Quarkus serves HTTP on vert.x event loops and runs blocking endpoints on executor-thread-N; the rest of the
        // process CPU is the clients, JIT compilation, GC and background work. A thread that ended between the two
        // snapshots is lost, so this is a lower bound; the worker pool is kept alive under load.
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("executor-thread")
                    || info.getThreadName().startsWith("vert.x-eventloop"))) {
                long t = THREADS.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, t);
            }
        }
        return total;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A POST with a JSON body and the given headers (name, value, name, value...). */
    public static Call post(URI uri, String body, String... headers) {
        return new Call(uri, body, headers);
    }

    private static HttpPost httpPost(Call call) {
        HttpPost post = new HttpPost(call.uri());
        post.setEntity(new StringEntity(call.body(), ContentType.APPLICATION_JSON));
        for (int i = 0; i < call.headers().length; i += 2) {
            post.setHeader(call.headers()[i], call.headers()[i + 1]);
        }
        return post;
    }
}
