package dev.vigil.api.tace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.VigilConfig;
import dev.vigil.worldmodel.planner.WorldModelBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Trained world models: each bundle folder is copied under {@code <data-dir>/world-models/<id>/} (written as a
 * hidden temporary folder and renamed, so a half-written bundle is never visible) and recorded in table
 * {@code world_model}. The newest record is the one served by default. A bundle's id is its content hash, so
 * registering the same bundle twice returns the first record.
 */
@ApplicationScoped
public class WorldModelRegistry {

    public static final String FOLDER = "world-models";

    @Inject
    VigilConfig config;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /**
     * Stores the bundle and records it.
     *
     * @param datasetId the dataset it was trained on (must be recorded)
     * @param imagesDir the cohort folder the dataset's image links are relative to
     */
    @Transactional
    public WorldModelRecord register(WorldModelBundle bundle, String datasetId, Path imagesDir, String createdBy) {
        WorldModelRecord existing = em.find(WorldModelRecord.class, bundle.id());
        if (existing != null) {
            return existing;
        }
        Path folder = store(bundle);
        WorldModelRecord record = new WorldModelRecord(bundle.id(), datasetId,
                imagesDir.toAbsolutePath().normalize().toString(), folder.toString(), manifestJson(bundle),
                createdBy, clock.instant());
        em.persist(record);
        return record;
    }

    /** Every recorded world model, newest first. */
    @Transactional
    public List<WorldModelRecord> list() {
        return em.createQuery("from WorldModelRecord w order by w.createdAt desc, w.id", WorldModelRecord.class)
                .getResultList();
    }

    /** The newest world model, if any. */
    @Transactional
    public Optional<WorldModelRecord> newest() {
        return list().stream().findFirst();
    }

    /** The newest world model; NoWorldModelException (with the command to run) when there is none. */
    public WorldModelRecord requireNewest() {
        return newest().orElseThrow(NoWorldModelException::new);
    }

    /** A world model by its id or a unique prefix of at least 6 characters. */
    @Transactional
    public WorldModelRecord resolve(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.length() < 6) {
            throw new IllegalArgumentException("Give at least 6 characters of the world model id");
        }
        List<WorldModelRecord> matches = em.createQuery("from WorldModelRecord w where w.id like :prefix",
                WorldModelRecord.class).setParameter("prefix", idOrPrefix + "%").getResultList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.isEmpty() ? "No world model id starts with " + idOrPrefix
                    : matches.size() + " world models start with " + idOrPrefix + "; give more characters");
        }
        return matches.get(0);
    }

    /** The bundle of a record, read and hash-checked from its folder. */
    public WorldModelBundle load(WorldModelRecord record) {
        return WorldModelBundle.load(Path.of(record.getPath()));
    }

    private Path store(WorldModelBundle bundle) {
        Path root = config.dataDir().resolve(FOLDER).toAbsolutePath().normalize();
        Path target = root.resolve(bundle.id());
        if (Files.isDirectory(target)) {
            // Left by a registration whose transaction failed: same id, same content.
            WorldModelBundle.load(target);
            return target;
        }
        Path partial = root.resolve("." + bundle.id() + "." + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(root);
            bundle.save(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot store world model " + bundle.id() + " under " + root, e);
        }
    }

    private String manifestJson(WorldModelBundle bundle) {
        try {
            return json.writeValueAsString(bundle.manifest());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest of world model " + bundle.id() + " is not serialisable", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the original failure is the one to report
        }
    }
}
