package dev.vigil.offlinerl.serving;

/**
 * One joint dose action of a policy.
 *
 * @param actionId the joint dose-bin id, or -1 for doses that are not a bin's representative (e.g. continuing
 *     the current doses)
 * @param bins per action, its dose bin (bin 0 = none)
 * @param doses per action, the dose in the schema's unit (each bin's training median for a bin choice)
 * @param probability the policy's probability of the action in this state; NaN for the fallback
 */
public record DoseChoice(int actionId, int[] bins, double[] doses, double probability) {

    public DoseChoice {
        bins = bins.clone();
        doses = doses.clone();
    }

    @Override
    public int[] bins() {
        return bins.clone();
    }

    @Override
    public double[] doses() {
        return doses.clone();
    }
}
