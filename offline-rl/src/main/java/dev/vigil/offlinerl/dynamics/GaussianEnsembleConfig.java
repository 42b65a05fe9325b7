package dev.vigil.offlinerl.dynamics;

/**
 * Configuration of the probabilistic dynamics ensemble (PETS, Chua et al. 2018; MOPO, Yu et al. 2020).
 *
 * <p>Each member is an MLP from the last {@code historyLength} scaled states and the scaled action to
 * the mean and log-variance of the standardised state <em>delta</em> {@code s' - s}; the log-variance is
 * softly bounded to {@code [minLogVariance, maxLogVariance]} as in PETS (fixed bounds here, where PETS
 * learns them). Loss: Gaussian negative log-likelihood; optimiser: Adam. Each member trains on its own
 * bootstrap resample of the training transitions; training stops when the held-out negative
 * log-likelihood (episodes held out by {@link EpisodeSplit}) has not improved for {@code patience} epochs,
 * keeping the best epoch's weights.
 *
 * @param members ensemble size M, >= 2 (default 5)
 * @param historyLength k, the number of recent states each member reads, >= 1 (default 1: Markov)
 * @param hiddenWidth units per hidden layer, >= 1 (default 200, as PETS/MBPO)
 * @param hiddenLayers ReLU hidden layers, >= 1 (default 4)
 * @param learningRate Adam step size, in (0, 1) (default 1e-3)
 * @param batchSize mini-batch size, >= 1 (default 256)
 * @param maxEpochs upper bound on epochs per member, >= 1 (default 200)
 * @param patience epochs without held-out improvement before stopping, >= 1 (default 5)
 * @param holdoutFraction share of episodes held out for early stopping, in [0, 1) (default 0.2; 0 trains
 *     every member for {@code maxEpochs})
 * @param minLogVariance lower soft bound of the standardised log-variance (default -10)
 * @param maxLogVariance upper soft bound, > minLogVariance (default 0.5)
 * @param seed drives the split, bootstrap, batch order, initial weights and the sampler of
 *     {@link GaussianEnsembleModel#step}
 */
public record GaussianEnsembleConfig(int members, int historyLength, int hiddenWidth, int hiddenLayers,
        double learningRate, int batchSize, int maxEpochs, int patience, double holdoutFraction,
        double minLogVariance, double maxLogVariance, long seed) {

    public GaussianEnsembleConfig {
        require(members >= 2, "members is " + members + "; an ensemble needs at least 2 (5 is usual) to disagree");
        require(historyLength >= 1, "historyLength is " + historyLength + "; use 1 for a Markov model");
        require(hiddenWidth >= 1, "hiddenWidth is " + hiddenWidth + "; use at least 1 unit (200 is usual)");
        require(hiddenLayers >= 1, "hiddenLayers is " + hiddenLayers + "; use at least 1 (4 is usual)");
        require(learningRate > 0 && learningRate < 1, "learningRate is " + learningRate + "; use a value in (0, 1),"
                + " e.g. 1e-3");
        require(batchSize >= 1, "batchSize is " + batchSize + "; use at least 1 (256 is usual)");
        require(maxEpochs >= 1, "maxEpochs is " + maxEpochs + "; use at least 1");
        require(patience >= 1, "patience is " + patience + "; use at least 1 epoch (5 is usual)");
        require(holdoutFraction >= 0 && holdoutFraction < 1, "holdoutFraction is " + holdoutFraction
                + "; use a value in [0, 1), e.g. 0.2");
        require(Double.isFinite(minLogVariance) && Double.isFinite(maxLogVariance)
                && minLogVariance < maxLogVariance, "log-variance bounds [" + minLogVariance + ", " + maxLogVariance
                + "] are not an interval; use finite values with min < max, e.g. [-10, 0.5]");
    }

    /** PETS/MBPO-sized defaults: 5 members of 4 x 200 units, Markov, Adam 1e-3, batch 256, seed 42. */
    public static GaussianEnsembleConfig defaults() {
        return new GaussianEnsembleConfig(5, 1, 200, 4, 1e-3, 256, 200, 5, 0.2, -10, 0.5, 42);
    }

    /** This configuration with another seed. */
    public GaussianEnsembleConfig withSeed(long newSeed) {
        return new GaussianEnsembleConfig(members, historyLength, hiddenWidth, hiddenLayers, learningRate, batchSize,
                maxEpochs, patience, holdoutFraction, minLogVariance, maxLogVariance, newSeed);
    }

    /** This configuration with another history length. */
    public GaussianEnsembleConfig withHistoryLength(int k) {
        return new GaussianEnsembleConfig(members, k, hiddenWidth, hiddenLayers, learningRate, batchSize,
                maxEpochs, patience, holdoutFraction, minLogVariance, maxLogVariance, seed);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("GaussianEnsembleConfig: " + message);
        }
    }
}
