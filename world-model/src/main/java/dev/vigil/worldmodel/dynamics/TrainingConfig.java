package dev.vigil.worldmodel.dynamics;

/**
 * How to train the dynamics model. Loss = ctWeight x weighted MSE(CT) + BCE(mask) + diceWeight x soft Dice(mask)
 * + klWeight x KL(posterior || N(0, I)), where each voxel's squared CT error is weighted by
 * 1 + tumourCtWeight x max(pre mask, post mask): the tumour is about a tenth of the crop, and its change is
 * what the planner reads. Plus interactionDecay x the sum of squares of the conditioning weights on the
 * protocol x phenotype products: a ridge that keeps a drug x phenotype interaction near zero unless the data
 * support it (most drug x phenotype cells hold only 5 to 30 training cases, and the planner's arg-min over
 * protocols picks whichever interaction is fitted to noise in the planner's favour).
 *
 * @param seed seeds weight initialisation, shuffling and the reparameterisation noise
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per step, at least 1
 * @param learningRate Adam step size, in (0, 1)
 * @param ctWeight weight of the CT reconstruction error, non-negative
 * @param diceWeight weight of the soft Dice loss of the mask, non-negative
 * @param klWeight weight of the KL term, non-negative
 * @param tumourCtWeight extra weight of the CT error inside the pre- or post-treatment tumour, non-negative
 * @param interactionDecay L2 weight on the conditioning weights of the protocol x phenotype products, non-negative
 * @param drugInteractionDecay extra L2 weight on the conditioning weights of the per-drug x phenotype products only,
 *     non-negative; with {@link DynamicsArchitecture#drugClassColumns()} the class x phenotype weights are not
 *     shrunk, so a drug seen in few cases keeps its class's interaction and loses only its own deviation
 * @param drugMainDecay L2 weight on the conditioning weights of the nine per-drug terms themselves (their main
 *     effects), non-negative; the class columns' weights are not shrunk
 */
public record TrainingConfig(long seed, int epochs, int batchSize, double learningRate, double ctWeight,
        double diceWeight, double klWeight, double tumourCtWeight, double interactionDecay,
        double drugInteractionDecay, double drugMainDecay) {

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
        }
        checkWeight("ctWeight", ctWeight);
        checkWeight("diceWeight", diceWeight);
        checkWeight("klWeight", klWeight);
        checkWeight("tumourCtWeight", tumourCtWeight);
        checkWeight("interactionDecay", interactionDecay);
        checkWeight("drugInteractionDecay", drugInteractionDecay);
        checkWeight("drugMainDecay", drugMainDecay);
    }

    /** A configuration without the per-drug ridges. */
    public TrainingConfig(long seed, int epochs, int batchSize, double learningRate, double ctWeight,
            double diceWeight, double klWeight, double tumourCtWeight, double interactionDecay) {
        this(seed, epochs, batchSize, learningRate, ctWeight, diceWeight, klWeight, tumourCtWeight,
                interactionDecay, 0, 0);
    }

    /** A configuration without extra tumour weight on the CT error. */
    public TrainingConfig(long seed, int epochs, int batchSize, double learningRate, double ctWeight,
            double diceWeight, double klWeight) {
        this(seed, epochs, batchSize, learningRate, ctWeight, diceWeight, klWeight, 0, 0);
    }

    /** This configuration with another tumour CT weight. */
    public TrainingConfig withTumourCtWeight(double weight) {
        return new TrainingConfig(seed, epochs, batchSize, learningRate, ctWeight, diceWeight, klWeight, weight,
                interactionDecay, drugInteractionDecay, drugMainDecay);
    }

    /** This configuration with another seed (the members of an ensemble differ only in their seeds). */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(newSeed, epochs, batchSize, learningRate, ctWeight, diceWeight, klWeight,
                tumourCtWeight, interactionDecay, drugInteractionDecay, drugMainDecay);
    }

    /** This configuration with another interaction decay. */
    public TrainingConfig withInteractionDecay(double decay) {
        return new TrainingConfig(seed, epochs, batchSize, learningRate, ctWeight, diceWeight, klWeight,
                tumourCtWeight, decay, drugInteractionDecay, drugMainDecay);
    }

    /** This configuration with another per-drug interaction decay. */
    public TrainingConfig withDrugInteractionDecay(double decay) {
        return new TrainingConfig(seed, epochs, batchSize, learningRate, ctWeight, diceWeight, klWeight,
                tumourCtWeight, interactionDecay, decay, drugMainDecay);
    }

    /** This configuration with another per-drug main-effect decay. */
    public TrainingConfig withDrugMainDecay(double decay) {
        return new TrainingConfig(seed, epochs, batchSize, learningRate, ctWeight, diceWeight, klWeight,
                tumourCtWeight, interactionDecay, drugInteractionDecay, decay);
    }

    /**
     * Defaults: 20 epochs, batch 8, Adam 5e-3, CT weight 10, Dice weight 1, KL weight 0.05 (with 1e-3 the
     * posterior carried the protocol's effect in z and the prior-noise model learnt it more weakly), tumour CT
     * weight 5 (chosen on a validation split of the training patients: 5 beat 0, 10 and 20, docs/results.md).
     */
    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(seed, 20, 8, 5e-3, 10, 1, 0.05, 5, 0, 0, 0);
    }

    private static void checkWeight(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite non-negative number, got " + value);
        }
    }
}
