package dev.vigil.api.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.api.artifact.StoredArtifact;
import dev.vigil.ingestion.dataset.DatasetCodec;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.ingestion.report.IngestionReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records datasets and reads them back. A dataset's id is the SHA-256 of its canonical form, so recording the
 * same content twice returns the first record. The bytes reach the artifact store before the row commits: a
 * dataset row always points at complete files, and an ingestion killed midway leaves no visible dataset.
 */
@ApplicationScoped
public class DatasetService {

    public static final String MEDIA_TYPE = "application/vnd.vigil.dataset";
    private static final int CACHED_DATASETS = 4;

    @Inject
    ArtifactService artifacts;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /** Loaded datasets, least recently used first out: they can be large, and the UI pages through them. */
    private final Map<String, TrajectoryDataset> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TrajectoryDataset> eldest) {
            return size() > CACHED_DATASETS;
        }
    };

    /**
     * Records a dataset with the report of the ingestion that made it (null for imports without one).
     *
     * @param source what it was made from, e.g. a folder or a server URL
     */
    @Transactional
    public DatasetRecord register(TrajectoryDataset dataset, IngestionReport report, String source, String createdBy) {
        String id = dataset.contentHash();
        DatasetRecord existing = em.find(DatasetRecord.class, id);
        if (existing != null) {
            return existing;
        }
        var schema = dataset.schema();
        StoredArtifact content = artifacts.put(new ByteArrayInputStream(DatasetCodec.toBytes(dataset)), MEDIA_TYPE,
                "dataset", "Trajectory dataset " + schema.name(), createdBy);
        String reportSha = null;
        long errors = 0;
        long informational = 0;
        if (report != null) {
            reportSha = artifacts.put(new ByteArrayInputStream(toJson(report)), "application/json", "ingestion-report",
                    "Ingestion report of dataset " + schema.name(), createdBy).getSha256();
            errors = report.errorCount();
            informational = report.totalIssues() - report.errorCount();
        }
        DatasetRecord record = new DatasetRecord(id, schema.name(), schema.cohortSpecId(), schema.cohortSpecVersion(),
                schema.stateType().kind().name(), schema.actionType().kind().name(), dataset.episodes().size(),
                Math.toIntExact(dataset.totalSteps()), schema.features().stream().map(v -> v.name()).toList(),
                schema.actions().stream().map(v -> v.name()).toList(), content.getSha256(), reportSha, errors,
                informational, dev.vigil.common.Texts.truncate(source, 1000), createdBy, clock.instant());
        em.persist(record);
        synchronized (cache) {
            cache.put(id, dataset);
        }
        return record;
    }

    @Transactional
    public List<DatasetRecord> list() {
        return em.createQuery("from DatasetRecord d order by d.createdAt desc", DatasetRecord.class).getResultList();
    }

    @Transactional
    public Optional<DatasetRecord> find(String id) {
        return Optional.ofNullable(em.find(DatasetRecord.class, id));
    }

    /** A dataset by its id or a unique prefix of at least 6 characters. */
    @Transactional
    public DatasetRecord resolve(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.length() < 6) {
            throw new IllegalArgumentException("Give at least 6 characters of the dataset id");
        }
        List<DatasetRecord> matches = em.createQuery("from DatasetRecord d where d.id like :prefix",
                DatasetRecord.class).setParameter("prefix", idOrPrefix + "%").getResultList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No dataset id starts with " + idOrPrefix
                    + "; see ./vigil datasets list");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(matches.size() + " datasets start with " + idOrPrefix
                    + "; give more characters");
        }
        return matches.get(0);
    }

    /** The dataset's content, from the artifact store (cached). */
    public TrajectoryDataset load(DatasetRecord record) {
        synchronized (cache) {
            TrajectoryDataset cached = cache.get(record.getId());
            if (cached != null) {
                return cached;
            }
        }
        TrajectoryDataset dataset;
        try (InputStream in = artifacts.open(record.getContentSha256())) {
            dataset = DatasetCodec.read(in, "artifact " + record.getContentSha256());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dataset " + record.getId() + " from the artifact store", e);
        }
        synchronized (cache) {
            cache.put(record.getId(), dataset);
        }
        return dataset;
    }

    /** The report of the ingestion that made the dataset, if it had one. */
    public Optional<IngestionReport> report(DatasetRecord record) {
        if (record.getReportSha256() == null) {
            return Optional.empty();
        }
        try (InputStream in = artifacts.open(record.getReportSha256())) {
            return Optional.of(json.readValue(in, IngestionReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ingestion report of dataset " + record.getId(), e);
        }
    }

    private byte[] toJson(IngestionReport report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


}
