package dev.vigil.api.run;

import dev.vigil.api.artifact.ArtifactService;
import dev.vigil.common.CodeVersion;
import dev.vigil.common.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The run registry. Each change commits on its own, so a run's metrics are visible while it trains and a
 * killed run leaves its curve up to the last iteration.
 */
@ApplicationScoped
public class RunService {

    public static final String POLICY_MEDIA_TYPE = "application/vnd.vigil.policy+json";

    @Inject
    EntityManager em;

    @Inject
    ArtifactService artifacts;

    Clock clock = Clock.systemUTC();

    @Transactional
    public TrainingRun start(String algorithm, String datasetId, String configJson, long seed, String createdBy) {
        TrainingRun run = new TrainingRun(UUID.randomUUID().toString(), algorithm, datasetId, configJson,
                Sha256.hex(configJson.getBytes(StandardCharsets.UTF_8)), seed, CodeVersion.current().label(),
                createdBy, clock.instant());
        em.persist(run);
        return run;
    }

    /** Records one iteration's metrics; non-finite values are left out (a curve point must be a number). */
    @Transactional
    public void recordMetrics(String runId, int iteration, Map<String, Double> metrics) {
        metrics.forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                em.merge(new RunMetric(runId, iteration, name, value));
            }
        });
    }

    @Transactional
    public TrainingRun succeeded(String runId, byte[] policy, String description) {
        String sha = artifacts.put(new ByteArrayInputStream(policy), POLICY_MEDIA_TYPE, "policy", description,
                require(runId).getCreatedBy()).getSha256();
        TrainingRun run = require(runId);
        run.succeeded(sha, clock.instant());
        return run;
    }

    /**
     * Marks a run as running again, to continue from its latest checkpoint.
     *
     * @throws IllegalArgumentException when the run has already succeeded
     */
    @Transactional
    public TrainingRun resumed(String runId) {
        TrainingRun run = require(runId);
        if (run.getState() == TrainingRun.State.SUCCEEDED) {
            throw new IllegalArgumentException("Run " + runId + " has already succeeded; there is nothing to resume");
        }
        run.resumed();
        return run;
    }

    @Transactional
    public void failed(String runId, String error) {
        require(runId).failed(error, clock.instant());
    }

    @Transactional
    public List<TrainingRun> list() {
        return em.createQuery("from TrainingRun r order by r.createdAt desc", TrainingRun.class).getResultList();
    }

    @Transactional
    public Optional<TrainingRun> find(String id) {
        return Optional.ofNullable(em.find(TrainingRun.class, id));
    }

    /** A run by its id or a unique prefix of at least 6 characters. */
    @Transactional
    public TrainingRun resolve(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.length() < 6) {
            throw new IllegalArgumentException("Give at least 6 characters of the run id");
        }
        List<TrainingRun> matches = em.createQuery("from TrainingRun r where r.id like :prefix", TrainingRun.class)
                .setParameter("prefix", idOrPrefix + "%").getResultList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No run id starts with " + idOrPrefix + "; see ./vigil runs list");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(matches.size() + " runs start with " + idOrPrefix + "; give more");
        }
        return matches.get(0);
    }

    /** A finished run and the bytes of its stored policy. */
    public record RunPolicy(TrainingRun run, byte[] stored) {

        /** Whether it is a discretised continuous-data policy rather than a discrete policy document. */
        public boolean discretised() {
            return !continuous() && PolicyDocument.isDiscretised(stored);
        }

        /** Whether it is a continuous-action policy (a network over clinical units). */
        public boolean continuous() {
            return ContinuousPolicyDocument.is(stored);
        }

        /** The discrete policy document. */
        public PolicyDocument document() {
            return PolicyDocument.read(stored, "policy of run " + run.getId());
        }
    }

    /**
     * The run (id or unique prefix) and its policy.
     *
     * @param purpose what the caller wants the policy for, for the message when there is none
     */
    @Transactional
    public RunPolicy policyOf(String idOrPrefix, String purpose) {
        TrainingRun run = resolve(idOrPrefix);
        if (run.getPolicySha256() == null) {
            throw new IllegalArgumentException("Run " + run.getId() + " is " + run.getState() + " and has no policy to "
                    + purpose);
        }
        return new RunPolicy(run, artifacts.store().readAllBytes(run.getPolicySha256()));
    }

    @Transactional
    public List<RunMetric> metrics(String runId) {
        return em.createQuery("from RunMetric m where m.key.runId = :run order by m.key.iteration, m.key.name",
                RunMetric.class).setParameter("run", runId).getResultList();
    }

    private TrainingRun require(String runId) {
        TrainingRun run = em.find(TrainingRun.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        return run;
    }
}
