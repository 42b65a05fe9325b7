package dev.vigil.api.artifact;

import dev.vigil.api.config.VigilConfig;
import dev.vigil.artifact.ArtifactRef;
import dev.vigil.artifact.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Stores blobs and records them. The blob is in place before its row is committed, so a row always points
 * at a complete file; a blob whose row never committed is harmless and is reused if stored again.
 */
@ApplicationScoped
public class ArtifactService {

    private final ArtifactStore store;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Inject
    public ArtifactService(VigilConfig config) {
        this.store = new ArtifactStore(config.dataDir().resolve("artifacts"));
    }

    public ArtifactStore store() {
        return store;
    }

    /** Stores {@code content} and records it (once: storing the same bytes again returns the first record). */
    @Transactional
    public StoredArtifact put(InputStream content, String mediaType, String kind, String description,
            String createdBy) {
        ArtifactRef ref = store.put(content);
        StoredArtifact existing = em.find(StoredArtifact.class, ref.sha256());
        if (existing != null) {
            return existing;
        }
        StoredArtifact record = new StoredArtifact(ref.sha256(), ref.sizeBytes(), mediaType, kind, description,
                createdBy, clock.instant());
        em.persist(record);
        return record;
    }

    @Transactional
    public Optional<StoredArtifact> find(String sha256) {
        return Optional.ofNullable(em.find(StoredArtifact.class, sha256));
    }

    /** Opens a recorded artifact's bytes; the caller closes the stream. */
    public InputStream open(String sha256) {
        return store.open(sha256);
    }
}
