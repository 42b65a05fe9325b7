package dev.vigil.offlinerl.simulator.sepsis;

/**
 * One patient state of the simulator. Levels: heart rate and systolic BP 0 low, 1 normal, 2 high; SpO2
 * ({@code oxygen}) 0 low, 1 normal; glucose 0 very low, 1 low, 2 normal, 3 high, 4 very high.
 *
 * <p>Indexes follow the reference code: the observed index is mixed-radix over (hr 3, sysbp 3, oxygen 2,
 * glucose 5, antibiotic 2, vasopressor 2, ventilation 2) with heart rate most significant (720 states);
 * the full index puts the diabetic flag in front: {@code diabetic * 720 + observed} (1440 states).
 */
public record SepsisState(int heartRate, int systolicBp, int oxygen, int glucose, boolean antibiotic,
        boolean vasopressor, boolean ventilation, boolean diabetic) {

    /** Observed states (diabetes hidden). */
    public static final int OBSERVED_COUNT = 720;
    /** Full states (with the diabetic flag). */
    public static final int FULL_COUNT = 1440;

    public static final int LOW = 0;
    public static final int NORMAL = 1;
    public static final int HIGH = 2;
    public static final int GLUCOSE_NORMAL = 2;
    public static final int GLUCOSE_MAX = 4;

    public SepsisState {
        requireLevel("heartRate", heartRate, 2);
        requireLevel("systolicBp", systolicBp, 2);
        requireLevel("oxygen", oxygen, 1);
        requireLevel("glucose", glucose, GLUCOSE_MAX);
    }

    /** The state with the given full index in {@code [0, 1440)}. */
    public static SepsisState fromFullIndex(int index) {
        if (index < 0 || index >= FULL_COUNT) {
            throw new IllegalArgumentException("A full sepsis state index is in [0, " + FULL_COUNT + "), got " + index);
        }
        int rest = index;
        boolean vent = rest % 2 == 1;
        rest /= 2;
        boolean vaso = rest % 2 == 1;
        rest /= 2;
        boolean abx = rest % 2 == 1;
        rest /= 2;
        int glucose = rest % 5;
        rest /= 5;
        int oxygen = rest % 2;
        rest /= 2;
        int sysbp = rest % 3;
        rest /= 3;
        int hr = rest % 3;
        rest /= 3;
        return new SepsisState(hr, sysbp, oxygen, glucose, abx, vaso, vent, rest == 1);
    }

    /** Index with diabetes hidden, in {@code [0, 720)}. */
    public int observedIndex() {
        int index = heartRate;
        index = index * 3 + systolicBp;
        index = index * 2 + oxygen;
        index = index * 5 + glucose;
        index = index * 2 + (antibiotic ? 1 : 0);
        index = index * 2 + (vasopressor ? 1 : 0);
        index = index * 2 + (ventilation ? 1 : 0);
        return index;
    }

    /** Index with the diabetic flag most significant, in {@code [0, 1440)}. */
    public int fullIndex() {
        return (diabetic ? OBSERVED_COUNT : 0) + observedIndex();
    }

    /** How many of heart rate, systolic BP, SpO2 and glucose are not normal. */
    public int abnormalCount() {
        return (heartRate != NORMAL ? 1 : 0) + (systolicBp != NORMAL ? 1 : 0) + (oxygen != NORMAL ? 1 : 0)
                + (glucose != GLUCOSE_NORMAL ? 1 : 0);
    }

    /** Whether any treatment is on. */
    public boolean onTreatment() {
        return antibiotic || vasopressor || ventilation;
    }

    /** Three or more vitals abnormal: the patient dies (reward -1). */
    public boolean isDeath() {
        return abnormalCount() >= 3;
    }

    /** All vitals normal and no treatment on: the patient is discharged (reward +1). */
    public boolean isDischarge() {
        return abnormalCount() == 0 && !onTreatment();
    }

    /** -1 on death, +1 on discharge, else 0; non-zero ends the episode. */
    public double reward() {
        return isDeath() ? -1 : isDischarge() ? 1 : 0;
    }

    /** Whether entering this state ends the episode. */
    public boolean isTerminal() {
        return isDeath() || isDischarge();
    }

    private static void requireLevel(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " is a level in 0.." + max + ", got " + value);
        }
    }
}
