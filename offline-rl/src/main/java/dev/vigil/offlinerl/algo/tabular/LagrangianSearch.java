package dev.vigil.offlinerl.algo.tabular;

import dev.vigil.offlinerl.algo.TrainingListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Solves the guarded CMDP {@code max E[return] s.t. E[cost] <= budget (and, in penalty mode, OOD share <=
 * delta)} with Lagrange multipliers: for a fixed OOD multiplier, bisection on the cost multiplier lambda (the
 * cost of the Lagrangian optimum falls as lambda grows) between 0 and the first feasible power of two up to
 * maxLambda; in penalty mode, while the OOD share exceeds delta, the OOD multiplier is doubled (starting at
 * max(1, oodPenalty)) and the bisection repeated. Every policy tried is evaluated exactly in the empirical
 * model over H steps and reported to the listener; the answer is the best feasible one, or, when none is, the
 * one that violates the constraints least.
 *
 * <p>A CMDP's optimum may need to randomise between two deterministic policies; this search returns
 * deterministic policies only, so it can leave some budget unused.
 */
final class LagrangianSearch {

    /**
     * One policy tried.
     *
     * @param actions one action per state, -1 for states never logged
     */
    record Candidate(int[] actions, double lambdaCost, double lambdaOod, CmdpEvaluation evaluation, boolean feasible,
            double violation) {
    }

    private final GuardedCmdp cmdp;
    private final OgsrlConfig config;
    private final GuardedPlanner planner;
    private final TrainingListener listener;
    private int iteration;
    private Candidate best;

    LagrangianSearch(GuardedCmdp cmdp, OgsrlConfig config, TrainingListener listener) {
        this.cmdp = cmdp;
        this.config = config;
        this.planner = new GuardedPlanner(cmdp, config.discount());
        this.listener = listener;
    }

    Candidate run() {
        boolean penalty = config.mode() == GuardMode.PENALTY;
        double lambdaOod = 0;
        for (int round = 0; round <= (penalty ? config.oodMultiplierSteps() : 0); round++) {
            Candidate chosen = bisectCost(lambdaOod);
            if (!penalty || chosen.evaluation().oodShare() <= config.oodShareLimit()) {
                break;
            }
            lambdaOod = lambdaOod == 0 ? Math.max(1, config.oodPenalty()) : 2 * lambdaOod;
        }
        return best;
    }

    int iterations() {
        return iteration;
    }

    private Candidate bisectCost(double lambdaOod) {
        Candidate low = tryPolicy(0, lambdaOod);
        if (withinBudget(low)) {
            return low;
        }
        double lo = 0;
        double hi = Math.min(1, config.maxLambda());
        Candidate high = tryPolicy(hi, lambdaOod);
        while (!withinBudget(high) && hi < config.maxLambda()) {
            lo = hi;
            hi = Math.min(2 * hi, config.maxLambda());
            high = tryPolicy(hi, lambdaOod);
        }
        if (!withinBudget(high)) {
            return high;
        }
        for (int k = 0; k < config.bisectionSteps(); k++) {
            double mid = (lo + hi) / 2;
            Candidate c = tryPolicy(mid, lambdaOod);
            if (withinBudget(c)) {
                hi = mid;
                high = c;
            } else {
                lo = mid;
            }
        }
        return high;
    }

    private boolean withinBudget(Candidate c) {
        return c.evaluation().expectedCost() <= config.costBudget() + 1e-12;
    }

    private Candidate tryPolicy(double lambdaCost, double lambdaOod) {
        int[] actions = planner.solve(lambdaCost, lambdaOod);
        CmdpEvaluation e = CmdpEvaluation.of(cmdp, actions, config.horizon());
        double costExcess = Math.max(0, e.expectedCost() - config.costBudget());
        double oodExcess = config.mode() == GuardMode.PENALTY ? Math.max(0, e.oodShare() - config.oodShareLimit()) : 0;
        boolean feasible = costExcess <= 1e-12 && oodExcess <= 0;
        Candidate c = new Candidate(actions, lambdaCost, lambdaOod, e, feasible, costExcess + oodExcess);
        if (best == null || better(c, best)) {
            best = c;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("lambdaCost", lambdaCost);
        metrics.put("lambdaOod", lambdaOod);
        metrics.put("empiricalReturn", e.expectedReturn());
        metrics.put("empiricalCost", e.expectedCost());
        metrics.put("normalisedCost", normalised(e.expectedCost(), config.costBudget()));
        metrics.put("oodShare", e.oodShare());
        metrics.put("feasible", feasible ? 1.0 : 0.0);
        listener.onIteration(++iteration, java.util.Collections.unmodifiableMap(metrics));
        return c;
    }

    /**
     * Feasible beats infeasible; among feasible the higher return wins, and on a tie the later candidate, whose
     * multiplier the bisection has tightened (so the reported lambda is the smallest that keeps the budget);
     * among infeasible the smaller violation wins.
     */
    private static boolean better(Candidate c, Candidate incumbent) {
        if (c.feasible() != incumbent.feasible()) {
            return c.feasible();
        }
        if (c.feasible()) {
            return c.evaluation().expectedReturn() >= incumbent.evaluation().expectedReturn() - 1e-12;
        }
        return c.violation() < incumbent.violation() - 1e-12;
    }

    /** cost / budget; for a budget of 0: 0 when the cost is 0, else +infinity (docs/safety-rules.md). */
    static double normalised(double cost, double budget) {
        if (budget == 0) {
            return cost == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return cost / budget;
    }
}
