package dev.vigil.api.tace;

import dev.vigil.worldmodel.planner.PlanResult;
import dev.vigil.worldmodel.planner.RankedPlan;
import java.time.Instant;
import java.util.List;

/** Planner results as the JSON the REST endpoints, the UI and {@code plan --out} share. */
final class PlanViews {

    private PlanViews() {
    }

    static TaceViews.PlanView of(PlanResult result, TacePlanningService.PlanOptions options, Instant plannedAt) {
        List<TaceViews.RankedPlanView> plans = result.plans().stream()
                .map(p -> of(p, p.rank() <= result.topImages().size()))
                .toList();
        int depth = plans.stream().anyMatch(TaceViews.RankedPlanView::hasImages)
                ? result.images(plans.get(0).rank()).depth() : 0;
        return new TaceViews.PlanView(result.patientId(), result.worldModelId(), result.executionProvider(),
                result.protocolSpaceVersion(), result.contraindicationRuleSet(), result.contraindications(),
                result.unknownChecks(), result.recommendable(), options.k(), options.seed(), depth,
                result.elapsedMillis(), plannedAt, plans);
    }

    private static TaceViews.RankedPlanView of(RankedPlan p, boolean hasImages) {
        return new TaceViews.RankedPlanView(p.rank(), p.protocol(), p.components(), p.risk(), p.riskLow(),
                p.riskHigh(), TaceViews.finiteOrNull(p.medianSurvivalDays()), p.curveDays(), p.curveSurvival(),
                p.predictedTumourMl(), p.preTumourMl(), p.safetyFlags(), p.recommended(), hasImages);
    }
}
