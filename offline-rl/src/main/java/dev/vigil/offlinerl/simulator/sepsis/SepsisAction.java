package dev.vigil.offlinerl.simulator.sepsis;

/**
 * Which treatments are on for the next step. Index {@code 4 * antibiotic + 2 * ventilation + vasopressor},
 * as in the reference code.
 */
public record SepsisAction(boolean antibiotic, boolean ventilation, boolean vasopressor) {

    /** Number of actions. */
    public static final int COUNT = 8;

    /** The action with index in {@code [0, 8)}. */
    public static SepsisAction fromIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("A sepsis action index is in [0, 8), got " + index);
        }
        return new SepsisAction((index & 4) != 0, (index & 2) != 0, (index & 1) != 0);
    }

    /** {@code 4 * antibiotic + 2 * ventilation + vasopressor}. */
    public int index() {
        return (antibiotic ? 4 : 0) + (ventilation ? 2 : 0) + (vasopressor ? 1 : 0);
    }
}
