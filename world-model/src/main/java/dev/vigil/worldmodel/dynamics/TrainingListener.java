package dev.vigil.worldmodel.dynamics;

/** Receives training progress, once per epoch, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /** Listener that ignores progress. */
    TrainingListener NONE = report -> { };

    void onEpoch(EpochReport report);
}
