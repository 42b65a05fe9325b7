package dev.vigil.offlinerl.simulator.sepsis;

import static dev.vigil.offlinerl.simulator.sepsis.SepsisState.GLUCOSE_MAX;
import static dev.vigil.offlinerl.simulator.sepsis.SepsisState.HIGH;
import static dev.vigil.offlinerl.simulator.sepsis.SepsisState.LOW;
import static dev.vigil.offlinerl.simulator.sepsis.SepsisState.NORMAL;

/**
 * The simulator's rules, written once against {@link Chance} for both the sampler and the exact MDP; each
 * rule is {@code docs/methods.md} section 4 and the reference code's {@code MDP.py}.
 */
final class SepsisDynamics {

    /** Share of diabetic patients. */
    static final double DIABETES_PROBABILITY = 0.2;

    private SepsisDynamics() {
    }

    /** One draw of a patient, treatments off; may be terminal (the caller redraws). */
    static SepsisState initialDraw(Chance chance) {
        boolean diabetic = chance.happens(DIABETES_PROBABILITY);
        int hr = chance.draw(0.25, 0.5);
        int sysbp = chance.draw(0.25, 0.5);
        int oxygen = chance.draw(0.2);
        int glucose = diabetic ? chance.draw(0.01, 0.05, 0.15, 0.6) : chance.draw(0.05, 0.15, 0.6, 0.15);
        return new SepsisState(hr, sysbp, oxygen, glucose, false, false, false, diabetic);
    }

    /** The next state after taking {@code action} in {@code state}; the order of the rules matters. */
    static SepsisState next(SepsisState state, SepsisAction action, Chance chance) {
        int hr = state.heartRate();
        int sysbp = state.systolicBp();
        int oxygen = state.oxygen();
        int glucose = state.glucose();
        boolean diabetic = state.diabetic();
        boolean hrFluctuates = true;
        boolean sysbpFluctuates = true;
        boolean oxygenFluctuates = true;
        boolean glucoseFluctuates = true;

        // 1. Antibiotics: on, just withdrawn, or neither (then hr and sysbp fluctuate).
        if (action.antibiotic()) {
            if (hr == HIGH && chance.happens(0.5)) {
                hr = NORMAL;
            }
            if (sysbp == HIGH && chance.happens(0.5)) {
                sysbp = NORMAL;
            }
            hrFluctuates = false;
            sysbpFluctuates = false;
        } else if (state.antibiotic()) {
            if (hr == NORMAL && chance.happens(0.1)) {
                hr = HIGH;
            }
            if (sysbp == NORMAL && chance.happens(0.1)) {
                sysbp = HIGH;
            }
            hrFluctuates = false;
            sysbpFluctuates = false;
        }

        // 2. Ventilation.
        if (action.ventilation()) {
            if (oxygen == LOW && chance.happens(0.7)) {
                oxygen = NORMAL;
            }
            oxygenFluctuates = false;
        } else if (state.ventilation()) {
            if (oxygen == NORMAL && chance.happens(0.1)) {
                oxygen = LOW;
            }
            oxygenFluctuates = false;
        }

        // 3. Vasopressors: on also stops glucose fluctuating; just withdrawn stops only sysbp fluctuating.
        if (action.vasopressor()) {
            if (!diabetic) {
                if (chance.happens(0.7)) {
                    sysbp = Math.min(HIGH, sysbp + 1);
                }
            } else {
                if (sysbp == NORMAL) {
                    if (chance.happens(0.9)) {
                        sysbp = HIGH;
                    }
                } else if (sysbp == LOW) {
                    int up = chance.draw(0.5, 0.4);
                    sysbp = up == 0 ? NORMAL : up == 1 ? HIGH : LOW;
                }
                if (chance.happens(0.5)) {
                    glucose = Math.min(GLUCOSE_MAX, glucose + 1);
                }
            }
            sysbpFluctuates = false;
            glucoseFluctuates = false;
        } else if (state.vasopressor()) {
            if (chance.happens(diabetic ? 0.05 : 0.1)) {
                sysbp = Math.max(LOW, sysbp - 1);
            }
            sysbpFluctuates = false;
        }

        // 4. Fluctuation of what is still free: down, up, or unchanged, clamped to the variable's levels.
        if (hrFluctuates) {
            hr = fluctuate(hr, HIGH, 0.1, chance);
        }
        if (sysbpFluctuates) {
            sysbp = fluctuate(sysbp, HIGH, 0.1, chance);
        }
        if (oxygenFluctuates) {
            oxygen = fluctuate(oxygen, NORMAL, 0.1, chance);
        }
        if (glucoseFluctuates) {
            // The corrected rule: a non-diabetic's glucose may rise to the top level. The reference code capped it
            // at level 1 (min(1, glucose + 1)), which pulled any high glucose down to "low".
            glucose = fluctuate(glucose, GLUCOSE_MAX, diabetic ? 0.3 : 0.1, chance);
        }
        return new SepsisState(hr, sysbp, oxygen, glucose, action.antibiotic(), action.vasopressor(),
                action.ventilation(), diabetic);
    }

    /** Down with probability p, else up with probability p, else unchanged; clamped to [0, max]. */
    private static int fluctuate(int level, int max, double p, Chance chance) {
        int move = chance.draw(p, p);
        if (move == 0) {
            return Math.max(0, level - 1);
        }
        if (move == 1) {
            return Math.min(max, level + 1);
        }
        return level;
    }
}
