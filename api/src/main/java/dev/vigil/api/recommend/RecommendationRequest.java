package dev.vigil.api.recommend;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request for a recommendation from a posted state.
 *
 * @param useCase the served use case; default {@code sepsis-treatment}
 * @param patientId the patient's id, for the audit trail; optional
 * @param at the time the state describes; default now
 * @param features feature name -> value in the cohort's canonical unit (e.g. {@code map} in mm[Hg]); a feature left
 *     out is missing
 * @param measuredAt feature name -> when its value was measured; used to refuse stale vital signs
 * @param currentDoses action name -> the dose the patient is on now (iv_fluid mL per bloc, vasopressor ug/kg/min)
 * @param history the previous blocs' features, oldest first; the last one is the previous bloc
 */
public record RecommendationRequest(String useCase, String patientId, Instant at, Map<String, Double> features,
        Map<String, Instant> measuredAt, Map<String, Double> currentDoses, List<Map<String, Double>> history) {
}
