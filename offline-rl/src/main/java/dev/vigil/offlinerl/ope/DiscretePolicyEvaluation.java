package dev.vigil.offlinerl.ope;

import dev.vigil.ingestion.dataset.DiscreteStates;
import dev.vigil.ingestion.dataset.Episode;
import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.tabular.TabularPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The standard offline evaluation of a policy on a discrete-state, discrete-action dataset: the behaviour
 * policy estimated from the data with an epsilon floor, then WIS, PDIS, WPDIS, FQE and weighted DR, each with
 * a seeded percentile-bootstrap interval and its effective sample size.
 *
 * @param epsilonFloor the behaviour policy's floor on unseen actions (reported, never hidden)
 * @param discount the discount of the reported return (1 for the undiscounted return, as reports use)
 * @param bootstrap replicates, confidence level and seed of the intervals
 */
public record DiscretePolicyEvaluation(double epsilonFloor, double discount, BootstrapConfig bootstrap) {

    /** The evaluation's result: one row per estimator, and what the behaviour estimate had to floor. */
    public record Summary(List<Row> estimates, int episodes, int flooredPairs, int unseenStates, double epsilonFloor,
            double discount) {
    }

    /** One estimator's estimate, interval, lower bound, effective sample size and share of valid weights. */
    public record Row(String estimator, double estimate, double lower, double upper, double lowerBound,
            double effectiveSampleSize, double validWeightShare) {
    }

    public DiscretePolicyEvaluation {
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("The discount must be in (0, 1], was " + discount);
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("Give a bootstrap configuration (replicates, level, seed)");
        }
    }

    /** Evaluates {@code policy} (rows: states, columns: actions) on {@code data}. */
    public Summary evaluate(TrajectoryDataset data, TabularPolicy policy) {
        if (!(data.schema().stateType().isDiscrete() && data.schema().actionType().isDiscrete())) {
            throw new IllegalArgumentException("This evaluation needs discrete states and actions; dataset "
                    + data.schema().name() + " has " + data.schema().stateType() + " states and "
                    + data.schema().actionType() + " actions");
        }
        BehaviourEstimate behaviour = new BehaviourPolicyEstimator(epsilonFloor).estimate(data);
        int horizon = data.episodes().stream().mapToInt(Episode::steps).max().orElse(1);
        // Datasets mark every episode's last step done. An episode that lasted the whole horizon was cut off
        // by it (the simulator's horizon, the cohort's window), not ended by death or discharge: FQE must not
        // learn termination from it. Shorter episodes ended for real.
        Set<String> truncated = data.episodes().stream().filter(e -> e.steps() == horizon).map(Episode::id)
                .collect(java.util.stream.Collectors.toSet());
        OpeDataset logged = OpeDatasets.from(data, behaviour.policy(), policy, truncated);
        FittedQEvaluation fqe = FittedQEvaluation.finiteHorizon(horizon, discount);
        FqeFit fit = fqe.fit(logged);
        List<OpeEstimator> estimators = List.of(new WeightedImportanceSampling(discount),
                new PerDecisionImportanceSampling(discount), new WeightedPerDecisionImportanceSampling(discount), fqe,
                new WeightedDoublyRobust(discount, fit.q().at(logged)));
        Bootstrap intervals = new Bootstrap(bootstrap);
        List<Row> rows = new ArrayList<>();
        for (OpeEstimator estimator : estimators) {
            OpeResult result = estimator.estimate(logged);
            BootstrapInterval interval = intervals.interval(result);
            rows.add(new Row(result.estimator(), result.estimate(), interval.lower(), interval.upper(),
                    interval.lowerBound(), result.effectiveSampleSize(), result.validWeightShare()));
        }
        return new Summary(rows, data.episodes().size(), behaviour.floored().size(), behaviour.unseenStates().size(),
                epsilonFloor, discount);
    }

    /** The state ids that occur in a discrete-state dataset, ascending. */
    public static int[] seenStates(TrajectoryDataset data) {
        return data.episodes().stream()
                .flatMapToInt(e -> java.util.Arrays.stream(((DiscreteStates) e.states()).ids()))
                .distinct().sorted().toArray();
    }
}
