package dev.vigil.api.serving;

import dev.vigil.api.report.RunReport;
import dev.vigil.api.report.RunReportService;
import dev.vigil.api.run.RunService;
import dev.vigil.api.run.TrainingRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which policy serves which use case. A served policy is loaded once (policy, dataset, guardian, similar-patient
 * index, cost model) and answers from memory; a promotion loads the new one before it is recorded, then replaces
 * the old one in memory. After a restart the active versions are loaded on first use.
 */
@ApplicationScoped
public class ServingService {

    /** The use case of the sepsis bedside recommendations and CDS Hooks services. */
    public static final String SEPSIS = "sepsis-treatment";
    private static final Pattern USE_CASE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    @Inject
    EntityManager em;

    @Inject
    RunService runs;

    @Inject
    PolicyLoader loader;

    @Inject
    RunReportService reports;

    Clock clock = Clock.systemUTC();

    private final Map<String, ServedModel> served = new ConcurrentHashMap<>();

    /**
     * Promotes a run's policy to serve a use case.
     *
     * @throws PromotionRefusedException when the run has no safety-constraint report (the promotion records the newest
     *     one, whatever its verdict: the gate is that a report exists for the reader to judge)
     * @throws IllegalArgumentException for a bad use case, an empty reason, an unknown run or an unservable policy
     */
    public synchronized PolicyPromotion promote(String useCase, String runIdOrPrefix, String reason, String user) {
        requireUseCase(useCase);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why this policy should serve " + useCase + " (reason)");
        }
        TrainingRun run = runs.resolve(runIdOrPrefix);
        RunReport report = QuarkusTransaction.requiringNew().call(() -> reports.latestSafetyReport(run.getId()))
                .orElseThrow(() -> new PromotionRefusedException("Run " + run.getId() + " has no safety report: "
                        + "generate its safety-constraint report with ./vigil safety-report --run " + run.getId()
                        + " --out DIR or POST /api/runs/" + run.getId() + "/reports/safety before promoting it"));
        ServedModel model = loader.load(run.getId());
        PolicyPromotion promotion = QuarkusTransaction.requiringNew().call(() -> {
            ServedPolicyRow row = em.find(ServedPolicyRow.class, useCase, LockModeType.PESSIMISTIC_WRITE);
            PolicyPromotion p = new PolicyPromotion(UUID.randomUUID().toString(), useCase, run.getId(),
                    row == null ? null : row.getRunId(), report.getId(), user, clock.instant(),
                    dev.vigil.common.Texts.truncate(reason.strip(), 2000));
            em.persist(p);
            em.flush();
            if (row == null) {
                em.persist(new ServedPolicyRow(useCase, run.getId(), p.getId()));
            } else {
                row.replace(run.getId(), p.getId());
            }
            return p;
        });
        served.put(useCase, model.promoted(useCase, promotion.getId()));
        return promotion;
    }

    /**
     * The policy serving a use case, from memory (loaded on first use after a restart).
     *
     * @throws NotServedException when none was promoted
     */
    public ServedModel active(String useCase) {
        ServedModel model = served.get(useCase);
        return model != null ? model : loadActive(useCase);
    }

    private synchronized ServedModel loadActive(String useCase) {
        ServedModel model = served.get(useCase);
        if (model != null) {
            return model;
        }
        requireUseCase(useCase);
        ServedPolicyRow row = QuarkusTransaction.requiringNew().call(() -> em.find(ServedPolicyRow.class, useCase));
        if (row == null) {
            throw new NotServedException(useCase);
        }
        model = loader.load(row.getRunId()).promoted(useCase, row.getPromotionId());
        served.put(useCase, model);
        return model;
    }

    /** The active version of every use case. */
    public List<ServedPolicyRow> activeVersions() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ServedPolicyRow r order by r.useCase", ServedPolicyRow.class).getResultList());
    }

    /** The promotions of a use case, newest first. */
    public List<PolicyPromotion> history(String useCase) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from PolicyPromotion p where p.useCase = :u order by p.promotedAt desc", PolicyPromotion.class)
                .setParameter("u", useCase).getResultList());
    }

    private static void requireUseCase(String useCase) {
        if (useCase == null || !USE_CASE.matcher(useCase).matches()) {
            throw new IllegalArgumentException("Use case '" + useCase + "' is not allowed: use 1-100 characters a-z, "
                    + "0-9 and '-', e.g. " + SEPSIS);
        }
    }
}
