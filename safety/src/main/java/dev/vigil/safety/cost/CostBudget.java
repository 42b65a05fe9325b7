package dev.vigil.safety.cost;

/**
 * A safety budget: the most cost an episode may accumulate, as an undiscounted sum of its non-negative
 * step costs. Normalised cost = cost / limit; {@code <= 1} means within budget.
 *
 * @param limit finite and {@code >= 0}; 0 allows no violation of a rule with positive weight
 */
public record CostBudget(double limit) {

    /** The cost limit of the released OGSRL code (0.5: with unit weights, any violation exceeds it). */
    public static final double OGSRL_LIMIT = 0.5;

    public CostBudget {
        if (Double.isNaN(limit) || limit < 0 || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("A cost budget of " + limit + " is not allowed: budgets are "
                    + "non-negative undiscounted sums of step costs per episode; give a finite limit >= 0 (OGSRL "
                    + "used 0.5)");
        }
    }

    /** The budget of the released OGSRL code, {@value #OGSRL_LIMIT}. */
    public static CostBudget ogsrl() {
        return new CostBudget(OGSRL_LIMIT);
    }

    /**
     * {@code cost / limit}: 1 is exactly the budget. With a limit of 0 it is 0 for a cost of 0 and positive
     * infinity otherwise, which keeps "{@code <= 1} means within budget" true.
     *
     * @param cost an episode's (or a mean episode) cost, {@code >= 0}
     */
    public double normalised(double cost) {
        requireCost(cost);
        if (limit == 0) {
            return cost == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return cost / limit;
    }

    /**
     * The DSRL benchmark's form {@code (cost + epsilon) / (limit + epsilon)} (Liu et al., "Datasets and
     * Benchmarks for Offline Safe Reinforcement Learning", 2023), which stays finite at a limit of 0. It is
     * {@code <= 1} exactly when the cost is within budget, like {@link #normalised(double)}, but its other
     * values differ (it is pulled towards 1 by epsilon), so a figure must say which of the two it shows.
     *
     * @param epsilon finite and {@code > 0}
     */
    public double dsrlNormalised(double cost, double epsilon) {
        requireCost(cost);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("The DSRL epsilon must be a finite number > 0, got " + epsilon);
        }
        return (cost + epsilon) / (limit + epsilon);
    }

    /** Whether {@code cost <= limit}, i.e. normalised cost {@code <= 1}. */
    public boolean withinBudget(double cost) {
        requireCost(cost);
        return cost <= limit;
    }

    private static void requireCost(double cost) {
        if (Double.isNaN(cost) || cost < 0) {
            throw new IllegalArgumentException("A cost of " + cost + " is not allowed: costs are non-negative (a "
                    + "violated rule costs its weight per step; the released OGSRL code used negative costs, Vigil "
                    + "does not)");
        }
    }
}
