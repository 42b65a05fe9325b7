package dev.vigil.offlinerl.tabular;

/**
 * What a return is: the discount and how many decisions an episode may take.
 *
 * @param discount gamma in (0, 1]
 * @param horizon the number of decisions before an episode is cut off, or {@link #INFINITE}
 */
public record Objective(double discount, int horizon) {

    /** Marks an objective without a horizon; it then needs a discount below 1. */
    public static final int INFINITE = 0;

    public Objective {
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("The discount must be in (0, 1], got " + discount);
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("The horizon must be positive, or Objective.INFINITE (0), got " + horizon);
        }
        if (horizon == INFINITE && discount == 1) {
            throw new IllegalArgumentException("An infinite-horizon objective needs a discount below 1 for its values to"
                    + " be finite; use a discount such as 0.99 or give a horizon");
        }
    }

    /** Discounted return over an unbounded number of decisions. */
    public static Objective discounted(double discount) {
        return new Objective(discount, INFINITE);
    }

    /** Return over at most {@code horizon} decisions, discounted by {@code discount} (1 for plain sums). */
    public static Objective finiteHorizon(int horizon, double discount) {
        if (horizon < 1) {
            throw new IllegalArgumentException("A finite horizon must be at least 1 decision, got " + horizon);
        }
        return new Objective(discount, horizon);
    }

    /** Whether episodes are cut off after {@link #horizon()} decisions. */
    public boolean isFinite() {
        return horizon != INFINITE;
    }
}
