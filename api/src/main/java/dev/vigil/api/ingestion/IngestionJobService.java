package dev.vigil.api.ingestion;

import dev.vigil.api.config.VigilConfig;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.CohortSpecs;
import dev.vigil.ingestion.report.IngestionIssue;
import dev.vigil.ingestion.report.IngestionListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Ingestion jobs started over HTTP. Jobs run one at a time on a background thread (ingestion already uses
 * every core); their progress lives in memory while they run, their outcome in the database.
 */
@ApplicationScoped
public class IngestionJobService {

    private static final Logger LOG = Logger.getLogger(IngestionJobService.class);

    @Inject
    IngestionJobRepository jobs;

    @Inject
    IngestionRunner runner;

    @Inject
    VigilConfig config;

    private final Map<String, JobProgress> live = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vigil-ingestion");
        thread.setDaemon(true);
        return thread;
    });

    /** A job as the API shows it. */
    public record JobView(String jobId, String state, String name, String cohort, String source, String createdBy,
            java.time.Instant createdAt, java.time.Instant finishedAt, JobProgress.View progress, String datasetId,
            String error) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.serving()) {
            return;
        }
        int interrupted = jobs.failInterrupted();
        if (interrupted > 0) {
            LOG.warnf("%d ingestion job(s) were interrupted by the last shutdown and are marked failed", interrupted);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** A folder under the data directory for one job's uploaded files; removed when the job ends. */
    public Path uploadFolder(String jobId) {
        Path folder = config.dataDir().resolve("uploads").resolve(jobId);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    public String newJobId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Queues an ingestion.
     *
     * @param uploads the job's upload folder to delete when it ends, or null
     * @throws IllegalArgumentException for an unknown cohort or a blank name, before anything is queued
     */
    public JobView submit(String jobId, String cohortId, String name, SourceSpec source, Path uploads, String user) {
        CohortSpec cohort = CohortSpecs.shipped(cohortId);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the dataset a name");
        }
        jobs.create(jobId, name.trim(), cohort.id(), source.describe(), user);
        JobProgress progress = new JobProgress();
        live.put(jobId, progress);
        executor.submit(() -> execute(jobId, cohort, name.trim(), source, uploads, user, progress));
        return find(jobId).orElseThrow();
    }

    public List<JobView> recent() {
        return jobs.recent().stream().map(this::view).toList();
    }

    public Optional<JobView> find(String jobId) {
        return jobs.find(jobId).map(this::view);
    }

    private void execute(String jobId, CohortSpec cohort, String name, SourceSpec source, Path uploads, String user,
            JobProgress progress) {
        try {
            jobs.running(jobId);
            progress.started();
            IngestionRunner.Result result = runner.run(source, cohort, name, user, listenerFor(progress));
            jobs.succeeded(jobId, result.dataset().getId());
        } catch (IOException | RuntimeException e) {
            // The message is the person-facing reason (sources and the pipeline write them so); the stack
            // trace goes to the log only.
            LOG.warnf(e, "Ingestion job %s failed", jobId);
            jobs.failed(jobId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            live.remove(jobId);
            deleteQuietly(uploads);
        }
    }

    private JobView view(IngestionJobRecord job) {
        JobProgress progress = live.get(job.getId());
        JobProgress.View shown = progress != null ? progress.view()
                : new JobProgress.View(0, -1, 0, 0, null);
        return new JobView(job.getId(), job.getState().name(), job.getName(), job.getCohortId(), job.getSource(),
                job.getCreatedBy(), job.getCreatedAt(), job.getFinishedAt(), shown, job.getDatasetId(), job.getError());
    }

    private static IngestionListener listenerFor(JobProgress progress) {
        return new IngestionListener() {
            @Override
            public void issue(IngestionIssue issue) {
                // counted by the report collector
            }

            @Override
            public void resourceRead(String resourceType) {
                progress.resourceRead();
            }

            @Override
            public void progress(long unitsDone, long unitsTotal) {
                progress.progress(unitsDone, unitsTotal);
            }
        };
    }

    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not remove the upload folder %s: %s", folder, e.getMessage());
        }
    }
}
