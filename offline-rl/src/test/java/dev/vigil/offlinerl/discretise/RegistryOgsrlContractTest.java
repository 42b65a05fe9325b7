package dev.vigil.offlinerl.discretise;

import dev.vigil.offlinerl.algo.AlgorithmRegistry;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.OfflineAlgorithmContractTest;
import dev.vigil.offlinerl.algo.tabular.OgsrlConfig;

/**
 * The registry's {@code ogsrl} (now {@link DiscretisedOgsrl}) still meets the contract on discrete data; the
 * contract's one-step continuous datasets are refused as too small to discretise, with the same hints.
 */
class RegistryOgsrlContractTest extends OfflineAlgorithmContractTest<OgsrlConfig> {

    @Override
    @SuppressWarnings("unchecked")
    protected OfflineAlgorithm<OgsrlConfig> algorithm() {
        return (OfflineAlgorithm<OgsrlConfig>) AlgorithmRegistry.defaults().get("ogsrl").algorithm();
    }

    @Override
    protected OgsrlConfig config(long seed) {
        OgsrlConfig d = OgsrlConfig.defaults();
        return new OgsrlConfig(d.minCount(), d.densityPercentile(), d.mode(), d.oodPenalty(), d.oodShareLimit(),
                d.costBudget(), d.discount(), d.horizon(), d.cutOffAtHorizon(), d.bisectionSteps(), d.maxLambda(),
                d.oodMultiplierSteps(), "test-rules@1", seed);
    }
}
