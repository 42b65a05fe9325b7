package dev.vigil.safety.cost;

import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import java.util.ArrayList;
import java.util.List;

/** Evaluates every episode of a dataset and sums the costs up into a {@link CostSummary}. */
public final class CostSummarizer {

    private CostSummarizer() {
    }

    /**
     * @throws IllegalArgumentException when the dataset has no episodes or is not of the schema the model was
     *     compiled for
     */
    public static CostSummary summarise(CostModel model, TrajectoryDataset dataset, CostBudget budget) {
        if (model == null || dataset == null || budget == null) {
            throw new IllegalArgumentException("A cost summary needs a cost model, a dataset and a budget");
        }
        if (dataset.episodes().isEmpty()) {
            throw new IllegalArgumentException("Dataset '" + dataset.schema().name() + "' has no episodes; there is "
                    + "nothing to summarise");
        }
        if (!dataset.schema().features().equals(model.schema().features())
                || !dataset.schema().actions().equals(model.schema().actions())) {
            throw new IllegalArgumentException("Dataset '" + dataset.schema().name() + "' does not have the features "
                    + "and actions of schema '" + model.schema().name() + "' the cost model was compiled for; compile "
                    + "the rule set against this dataset's schema");
        }
        int rules = model.ruleIds().size();
        double[] weights = model.weights();
        long[] violated = new long[rules];
        long[] notEvaluable = new long[rules];
        int[] violatingEpisodes = new int[rules];
        long steps = 0;
        int failures = 0;
        int withinBudget = 0;
        long violatingSteps = 0;
        double costSum = 0;
        for (Episode episode : dataset.episodes()) {
            EpisodeCosts costs = model.evaluate(episode);
            int[] episodeViolations = costs.ruleViolations();
            int[] episodeNotEvaluable = costs.ruleNotEvaluable();
            for (int r = 0; r < rules; r++) {
                violated[r] += episodeViolations[r];
                notEvaluable[r] += episodeNotEvaluable[r];
                if (episodeViolations[r] > 0) {
                    violatingEpisodes[r]++;
                }
            }
            steps += costs.steps();
            violatingSteps += costs.violatingSteps();
            failures += costs.anyViolation() ? 1 : 0;
            double total = costs.total();
            costSum += total;
            withinBudget += budget.withinBudget(total) ? 1 : 0;
        }
        int episodes = dataset.episodes().size();
        List<RuleSummary> summaries = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            long evaluable = steps - notEvaluable[r];
            summaries.add(new RuleSummary(model.ruleIds().get(r), weights[r], violated[r], evaluable, notEvaluable[r],
                    evaluable == 0 ? Double.NaN : (double) violated[r] / evaluable, (double) notEvaluable[r] / steps,
                    violated[r] * weights[r] / episodes, violatingEpisodes[r]));
        }
        double meanCost = costSum / episodes;
        return new CostSummary(model.ruleSetRef(), dataset.contentHash(), budget, episodes, steps, summaries,
                (double) failures / episodes, (double) violatingSteps / episodes, meanCost, budget.normalised(meanCost),
                (double) withinBudget / episodes, model.uncheckedUnits());
    }
}
