package dev.vigil.api.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.offlinerl.serving.PolicySafetyReport;
import dev.vigil.offlinerl.serving.SafetyReportCalculator;
import dev.vigil.offlinerl.serving.SafetyThresholds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes and records basic safety reports (the gate for promotion until the full safety-constraint report of
 * issue 7 exists). The computation lives in {@link SafetyReportCalculator}; this class loads and records.
 */
@ApplicationScoped
public class SafetyReportService {

    @Inject
    EntityManager em;

    @Inject
    PolicyLoader loader;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /** Computes the report of a run's policy on its dataset and records it. */
    public SafetyReportRecord compute(String runIdOrPrefix, String createdBy) {
        ServedModel model = loader.load(runIdOrPrefix);
        PolicySafetyReport report = SafetyReportCalculator.compute(model.policy(), SafetyThresholds.defaults());
        String summary;
        try {
            summary = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the safety report as JSON", e);
        }
        SafetyReportRecord record = new SafetyReportRecord(UUID.randomUUID().toString(), model.runId(),
                clock.instant(), createdBy, report.verdict(), model.ruleVersion(), summary);
        QuarkusTransaction.requiringNew().run(() -> em.persist(record));
        return record;
    }

    /** The run's reports, newest first. */
    public List<SafetyReportRecord> of(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from SafetyReportRecord r where r.runId = :run order by r.createdAt desc", SafetyReportRecord.class)
                .setParameter("run", runId).getResultList());
    }

    /** The run's newest report, if any. */
    public Optional<SafetyReportRecord> latest(String runId) {
        return of(runId).stream().findFirst();
    }
}
