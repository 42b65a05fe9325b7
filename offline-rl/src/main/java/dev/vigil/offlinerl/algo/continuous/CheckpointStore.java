package dev.vigil.offlinerl.algo.continuous;

import java.util.List;
import java.util.Optional;

/** Where a run keeps its checkpoints. Implementations write atomically: a reader never sees half a checkpoint. */
public interface CheckpointStore {

    void save(Checkpoint checkpoint);

    /** The checkpoint of the highest iteration, if any. */
    Optional<Checkpoint> latest();

    /** Iterations with a checkpoint, ascending. */
    List<Integer> iterations();

    /**
     * @throws IllegalArgumentException when there is no checkpoint of that iteration
     */
    Checkpoint load(int iteration);
}
