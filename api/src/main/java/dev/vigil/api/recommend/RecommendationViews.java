package dev.vigil.api.recommend;

import dev.vigil.api.serving.ServedModel;
import dev.vigil.ingestion.dataset.Variable;
import dev.vigil.offlinerl.discretise.ActionBins;
import dev.vigil.offlinerl.serving.DoseChoice;
import dev.vigil.offlinerl.serving.Fallback;
import dev.vigil.offlinerl.serving.Recommendation;
import dev.vigil.offlinerl.serving.RuleCheck;
import dev.vigil.offlinerl.serving.SimilarPatient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps a {@link Recommendation} to its API view, in clinical units. */
public final class RecommendationViews {

    private RecommendationViews() {
    }

    public static RecommendationView of(Recommendation r, ServedModel model, String patientId, Instant at,
            List<String> notes) {
        boolean out = !r.inSupport();
        RecommendationView.ChoiceView recommended = r.recommended() == null ? null : choice(r.recommended(), model);
        RecommendationView.FallbackView fallback = r.fallback() == null ? null
                : new RecommendationView.FallbackView(Fallback.OPTION, r.fallback().currentDosesKnown(),
                        r.fallback().explanation(), rules(r.fallback().rules()));
        String headline = headline(r, model);
        return new RecommendationView(out, out, headline, out ? "fallback" : "policy", recommended, fallback,
                choice(r.policyChoice(), model), r.alternatives().stream().map(c -> choice(c, model)).toList(),
                new RecommendationView.GuardianView(r.guardian().inSupport(), r.guardian().score(),
                        r.guardian().threshold(), "k-NN distance to the data's (state, action) points, k = 10, "
                                + "threshold at the 5th percentile of the training points' scores"),
                rules(r.rules()), r.totalCost(), r.similar().stream().map(RecommendationViews::similar).toList(),
                versions(model), patientId, at, List.copyOf(notes));
    }

    /** The answer in one sentence: out-of-support first. */
    static String headline(Recommendation r, ServedModel model) {
        if (!r.inSupport()) {
            DoseChoice keep = r.recommended();
            return "OUTSIDE THE DATA'S SUPPORT: the policy's suggestion is withheld. "
                    + (keep == null ? "Current doses unknown: change nothing, escalate nothing; a clinician decides."
                            : "Continue current doses (" + describe(keep, model) + "), no escalation; a clinician "
                                    + "reviews.");
        }
        long violated = r.rules().stream().filter(c -> c.cost() > 0).count();
        return "Recommended: " + describe(r.policyChoice(), model)
                + String.format(Locale.ROOT, " (probability %.2f)", r.policyChoice().probability())
                + (violated == 0 ? "; no safety rule violated." : "; " + violated + " safety rule"
                        + (violated == 1 ? "" : "s") + " violated.");
    }

    /** E.g. {@code iv_fluid 500 mL per 4 h, vasopressor 0.12 µg/kg/min}. */
    public static String describe(DoseChoice choice, ServedModel model) {
        List<String> parts = new ArrayList<>();
        List<RecommendationView.DoseView> doses = choice(choice, model).doses();
        for (RecommendationView.DoseView d : doses) {
            parts.add(d.action() + " " + d.display());
        }
        return String.join(", ", parts);
    }

    static RecommendationView.ChoiceView choice(DoseChoice c, ServedModel model) {
        List<Variable> actions = model.policy().schema().actions();
        List<ActionBins> bins = model.policy().policy().bins().actions();
        List<RecommendationView.DoseView> doses = new ArrayList<>();
        for (int a = 0; a < actions.size(); a++) {
            int bin = c.bins()[a];
            double[] edges = bins.get(a).edges();
            Double low = bin == 0 ? null : bin == 1 ? 0.0 : edges[bin - 2];
            Double high = bin == 0 || bin - 1 >= edges.length ? null : edges[bin - 1];
            String unit = actions.get(a).unit();
            doses.add(new RecommendationView.DoseView(actions.get(a).name(), c.doses()[a], unit,
                    display(c.doses()[a], unit, model.policy().schema().blocLength()), bin, low, high));
        }
        return new RecommendationView.ChoiceView(c.actionId() < 0 ? null : c.actionId(), doses,
                Double.isNaN(c.probability()) ? null : c.probability());
    }

    /** A dose for people: volumes per bloc, rates as they are, ug as µg. */
    static String display(double dose, String unit, Duration bloc) {
        String shown = unit.replace("ug", "µg");
        if ("mL".equals(unit)) {
            long hours = bloc.isZero() ? 4 : bloc.toHours();
            return String.format(Locale.ROOT, "%.0f mL per %d h", dose, hours);
        }
        return String.format(Locale.ROOT, "%.3f %s", dose, shown);
    }

    static List<RecommendationView.RuleView> rules(List<RuleCheck> checks) {
        return checks.stream().map(c -> new RecommendationView.RuleView(c.ruleId(), c.status().name(), c.cost(),
                c.rationale())).toList();
    }

    static RecommendationView.SimilarView similar(SimilarPatient p) {
        String outcome = p.died() == null ? "unknown" : p.died() ? "died" : "survived";
        return new RecommendationView.SimilarView(p.patientId(), p.bloc(), p.distance(), outcome);
    }

    static RecommendationView.VersionsView versions(ServedModel m) {
        return new RecommendationView.VersionsView(m.useCase(), m.runId(), m.algorithm(), m.configSha256(),
                m.codeVersion(), m.datasetId(), m.dataVersion(), m.ruleSet().id() + "@" + m.ruleSet().version(),
                m.ruleSet().sha256(), m.promotionId());
    }
}
