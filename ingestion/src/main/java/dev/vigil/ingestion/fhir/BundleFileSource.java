package dev.vigil.ingestion.fhir;

import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import dev.vigil.ingestion.report.IssueKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * FHIR Bundle files, JSON ({@code .json}) or XML ({@code .xml}): one file, or a folder of them read recursively
 * in order of their path. Each entry's resource is delivered with {@code line} = its 1-based entry number; a
 * file that holds a single resource instead of a Bundle is delivered as that resource with {@code line} 0.
 *
 * <p>Files are parsed in parallel (a Bundle file is parsed as a whole, so at most one file per thread plus one
 * is in memory) but delivered by the calling thread in path order, so that duplicate detection (DUPLICATE_ID:
 * the same {@code Type/id} in two entries or files; the first is kept) is deterministic. A malformed file is one
 * MALFORMED issue naming the file with HAPI's line and column; for JSON, a file whose only problem is some
 * entries keeps its good entries (see {@link BundleFileParser}). Other files in a folder are reported as
 * skipped. Progress is bytes of files done against the files' total size.
 */
public final class BundleFileSource implements FhirSource {

    private final Path path;
    private final int parserThreads;

    /** Reads {@code fileOrFolder} with one parser thread per available processor. */
    public BundleFileSource(Path fileOrFolder) {
        this(fileOrFolder, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Reads {@code fileOrFolder} with {@code parserThreads} threads parsing files.
     *
     * @throws IllegalArgumentException if {@code parserThreads} is below 1
     */
    public BundleFileSource(Path fileOrFolder, int parserThreads) {
        if (parserThreads < 1) {
            throw new IllegalArgumentException("parserThreads must be at least 1, was " + parserThreads);
        }
        this.path = fileOrFolder;
        this.parserThreads = parserThreads;
    }

    @Override
    public String describe() {
        return (Files.isDirectory(path) ? "FHIR Bundle folder " : "FHIR Bundle file ") + path;
    }

    /**
     * Reads every Bundle file.
     *
     * @throws IOException if the path does not exist or a folder cannot be listed, or the reading thread is
     *     interrupted ({@link InterruptedIOException})
     */
    @Override
    public void read(Consumer<SourcedResource> sink, IngestionListener listener) throws IOException {
        listener.sourceStarted(describe());
        List<Path> files = listFiles(listener);
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        ResourceKeySet seen = new ResourceKeySet();
        ExecutorService parsers = Executors.newFixedThreadPool(parserThreads, daemonThreads());
        try {
            Deque<Future<ParsedFile>> inFlight = new ArrayDeque<>();
            int next = 0;
            long bytesDone = 0;
            for (Path file : files) {
                while (next < files.size() && inFlight.size() <= parserThreads) {
                    Path toParse = files.get(next++);
                    inFlight.add(parsers.submit(() -> BundleFileParser.parse(toParse)));
                }
                deliver(await(inFlight.removeFirst()), seen, sink, listener);
                bytesDone += Files.size(file);
                listener.progress(bytesDone, totalBytes);
            }
        } finally {
            parsers.shutdownNow();
        }
    }

    private List<Path> listFiles(IngestionListener listener) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("Bundle path " + path + " does not exist: give a .json or .xml Bundle file or a "
                    + "folder of them");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".json") || name.endsWith(".xml")) {
                    files.add(file);
                } else {
                    listener.fileSkipped(file.toString(), "not a .json or .xml Bundle file");
                }
            }
        }
        return files;
    }

    private static void deliver(ParsedFile parsed, ResourceKeySet seen, Consumer<SourcedResource> sink,
            IngestionListener listener) {
        for (Object item : parsed.items()) {
            if (item instanceof IngestionIssue issue) {
                listener.issue(issue);
            } else if (item instanceof SourcedResource resource) {
                ResourceOrigin origin = resource.origin();
                if (origin.resourceId() != null && !seen.add(origin.resourceType(), origin.resourceId())) {
                    listener.issue(new IngestionIssue(IssueKind.DUPLICATE_ID, origin, origin.resourceType() + "/"
                            + origin.resourceId() + " was already read earlier in this ingestion: the first one "
                            + "is kept and this one dropped"));
                } else {
                    sink.accept(resource);
                    listener.resourceRead(origin.resourceType());
                }
            }
        }
    }

    private static ParsedFile await(Future<ParsedFile> future) throws InterruptedIOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading Bundle files");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("parsing a Bundle file failed unexpectedly", cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "vigil-bundle-parser-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
