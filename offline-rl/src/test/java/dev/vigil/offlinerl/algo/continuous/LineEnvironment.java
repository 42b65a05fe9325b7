package dev.vigil.offlinerl.algo.continuous;

/** A test environment with one state feature and one dose: only {@link #step} is left to write. */
public interface LineEnvironment extends SimulatedEnvironment {

    @Override
    default int stateDimension() {
        return 1;
    }

    @Override
    default int actionDimension() {
        return 1;
    }
}
