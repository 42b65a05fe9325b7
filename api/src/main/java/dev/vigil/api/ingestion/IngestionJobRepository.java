package dev.vigil.api.ingestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Job rows, each change in its own transaction so that the API sees a job's state as soon as it changes. */
@ApplicationScoped
public class IngestionJobRepository {

    private static final int LISTED = 50;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional
    public IngestionJobRecord create(String id, String name, String cohortId, String source, String createdBy) {
        IngestionJobRecord job = new IngestionJobRecord(id, name, cohortId, source, createdBy, clock.instant());
        em.persist(job);
        return job;
    }

    @Transactional
    public void running(String id) {
        em.find(IngestionJobRecord.class, id).running();
    }

    @Transactional
    public void succeeded(String id, String datasetId) {
        em.find(IngestionJobRecord.class, id).succeeded(datasetId, clock.instant());
    }

    @Transactional
    public void failed(String id, String error) {
        em.find(IngestionJobRecord.class, id).failed(error, clock.instant());
    }

    @Transactional
    public Optional<IngestionJobRecord> find(String id) {
        return Optional.ofNullable(em.find(IngestionJobRecord.class, id));
    }

    @Transactional
    public List<IngestionJobRecord> recent() {
        return em.createQuery("from IngestionJobRecord j order by j.createdAt desc", IngestionJobRecord.class)
                .setMaxResults(LISTED).getResultList();
    }

    /** Jobs a previous process left queued or running were interrupted by its end: say so. */
    @Transactional
    public int failInterrupted() {
        Instant now = clock.instant();
        List<IngestionJobRecord> stale = em.createQuery(
                        "from IngestionJobRecord j where j.state in (:queued, :running)", IngestionJobRecord.class)
                .setParameter("queued", IngestionJobRecord.State.QUEUED)
                .setParameter("running", IngestionJobRecord.State.RUNNING)
                .getResultList();
        stale.forEach(job -> job.failed("Interrupted: the server stopped while this job was "
                + job.getState().name().toLowerCase(java.util.Locale.ROOT) + "; start it again", now));
        return stale.size();
    }
}
