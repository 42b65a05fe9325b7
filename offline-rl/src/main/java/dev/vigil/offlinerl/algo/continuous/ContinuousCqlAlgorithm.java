package dev.vigil.offlinerl.algo.continuous;

import dev.vigil.ingestion.dataset.TrajectoryDataset;
import dev.vigil.offlinerl.algo.FittedPolicy;
import dev.vigil.offlinerl.algo.OfflineAlgorithm;
import dev.vigil.offlinerl.algo.TrainedPolicy;
import dev.vigil.offlinerl.algo.TrainingListener;

/** Continuous CQL, CCQL and GCQL as registry entries: a {@link CqlLearner} returning a continuous policy. */
public final class ContinuousCqlAlgorithm implements OfflineAlgorithm<CqlContinuousConfig> {

    private final CqlLearner learner;

    public ContinuousCqlAlgorithm(String name) {
        this.learner = new CqlLearner(name);
    }

    @Override
    public String name() {
        return learner.name();
    }

    @Override
    public TrainedPolicy fit(TrajectoryDataset data, CqlContinuousConfig config, TrainingListener listener) {
        throw new IllegalArgumentException("'" + name() + "' learns a continuous policy, not a table over state ids: "
                + "call fitPolicy, which returns a FittedPolicy.Continuous");
    }

    @Override
    public FittedPolicy fitPolicy(TrajectoryDataset data, CqlContinuousConfig config, TrainingListener listener) {
        return new FittedPolicy.Continuous(learner.fit(data, config, listener));
    }
}
