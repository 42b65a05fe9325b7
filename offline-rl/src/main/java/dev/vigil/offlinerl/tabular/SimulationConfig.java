package dev.vigil.offlinerl.tabular;

/**
 * How many episodes to simulate and with which seed.
 *
 * @param datasetName the name of the resulting dataset
 * @param episodes number of episodes, at least 1
 * @param maxSteps decisions after which an episode is cut off (use the objective's horizon when it has one)
 * @param seed drives everything; the same seed gives the same dataset
 */
public record SimulationConfig(String datasetName, int episodes, int maxSteps, long seed) {

    public SimulationConfig {
        if (datasetName == null || datasetName.isBlank()) {
            throw new IllegalArgumentException("A simulated dataset needs a name, e.g. 'sepsis-sim-seed-7'");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("Simulate at least 1 episode, got " + episodes);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1 (e.g. the horizon), got " + maxSteps);
        }
    }
}
