package dev.vigil.ingestion.synth.sepsis;

/**
 * The OGSRL reward on the simulator (methods.md section 1), exactly as implemented here:
 *
 * <ul>
 *   <li>step t (action a_t taken on observation o_t, next observation o_{t+1}):
 *       {@code r_t = -clip(SOFA(o_{t+1}, a_t), 2.5, 12.5)}, i.e. the SOFA-like score of the bloc the action
 *       led to, with a_t's vasopressor dose (the infusion running while o_{t+1} is charted) for the
 *       cardiovascular component;</li>
 *   <li>terminal: {@code +1} if the patient is alive 90 days after onset, {@code -1} if not, added to the
 *       last step;</li>
 *   <li>death in the window (our addition): the bloc of death and every remaining bloc up to the horizon
 *       score {@link #WORST_STEP} (-12.5) each, plus the terminal -1. Without this, dying early would end
 *       the sum of negative step rewards and score better than surviving, which the paper's fixed-length
 *       model rollouts never exposed.</li>
 * </ul>
 *
 * <p>The SOFA-like score sums six 0..4 components (Vincent et al. 1996) from the observation vector:
 * respiration from pf_ratio (no ventilation flag exists in the features, so 3 and 4 need only the ratio),
 * coagulation from platelets, liver from bilirubin, cardiovascular from MAP and the vasopressor dose
 * (norepinephrine-equivalent: 3 for any dose up to 0.1, 4 above), CNS from GCS, renal from creatinine or
 * urine output (the bloc's urine scaled to 24 h).
 */
public final class SepsisReward {

    /** Best possible step reward. */
    public static final double BEST_STEP = -2.5;
    /** Worst possible step reward; also the reward of each bloc from death to the horizon. */
    public static final double WORST_STEP = -12.5;
    /** Terminal reward for survival at 90 days; its negation for death. */
    public static final double SURVIVAL = 1.0;

    private SepsisReward() {
    }

    /** Step reward {@code -clip(SOFA, 2.5, 12.5)}. */
    public static double step(SepsisObservation next, SepsisAction action) {
        return -Math.max(-BEST_STEP, Math.min(-WORST_STEP, sofa(next, action.vasopressor())));
    }

    /** Terminal reward for the 90-day outcome. */
    public static double terminal(boolean died) {
        return died ? -SURVIVAL : SURVIVAL;
    }

    /** The reward of the bloc of death and of every later bloc up to the horizon. */
    public static double deathPadding(int remainingBlocsIncludingDeathBloc) {
        return WORST_STEP * remainingBlocsIncludingDeathBloc;
    }

    /** The SOFA-like score (0..24) of an observation with the vasopressor dose running, ug/kg/min. */
    public static int sofa(SepsisObservation observation, double vasopressor) {
        return respiration(observation.get(SepsisFeature.PF_RATIO))
                + coagulation(observation.get(SepsisFeature.PLATELETS))
                + liver(observation.get(SepsisFeature.BILIRUBIN))
                + cardiovascular(observation.get(SepsisFeature.MAP), vasopressor)
                + nervous(observation.get(SepsisFeature.GCS))
                + renal(observation.get(SepsisFeature.CREATININE), observation.get(SepsisFeature.URINE_OUTPUT) * 6);
    }

    static int respiration(double pfRatio) {
        if (pfRatio < 100) {
            return 4;
        }
        if (pfRatio < 200) {
            return 3;
        }
        if (pfRatio < 300) {
            return 2;
        }
        return pfRatio < 400 ? 1 : 0;
    }

    static int coagulation(double platelets) {
        if (platelets < 20) {
            return 4;
        }
        if (platelets < 50) {
            return 3;
        }
        if (platelets < 100) {
            return 2;
        }
        return platelets < 150 ? 1 : 0;
    }

    static int liver(double bilirubin) {
        if (bilirubin >= 12) {
            return 4;
        }
        if (bilirubin >= 6) {
            return 3;
        }
        if (bilirubin >= 2) {
            return 2;
        }
        return bilirubin >= 1.2 ? 1 : 0;
    }

    static int cardiovascular(double map, double vasopressor) {
        if (vasopressor > 0.1) {
            return 4;
        }
        if (vasopressor > 0) {
            return 3;
        }
        return map < 70 ? 1 : 0;
    }

    static int nervous(double gcs) {
        if (gcs < 6) {
            return 4;
        }
        if (gcs < 10) {
            return 3;
        }
        if (gcs < 13) {
            return 2;
        }
        return gcs < 15 ? 1 : 0;
    }

    static int renal(double creatinine, double urinePerDay) {
        int byCreatinine;
        if (creatinine >= 5) {
            byCreatinine = 4;
        } else if (creatinine >= 3.5) {
            byCreatinine = 3;
        } else if (creatinine >= 2) {
            byCreatinine = 2;
        } else {
            byCreatinine = creatinine >= 1.2 ? 1 : 0;
        }
        int byUrine = urinePerDay < 200 ? 4 : urinePerDay < 500 ? 3 : 0;
        return Math.max(byCreatinine, byUrine);
    }
}
