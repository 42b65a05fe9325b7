package dev.vigil.worldmodel.synth;

import dev.vigil.safety.contraindication.TaceCovariates;

/**
 * Weibull proportional-hazards survival from the TACE (docs/methods/synthetic-hcc.md, section 3):
 * <pre>
 *   S(t) = exp(-(t / lambda)^k exp(eta)),   lambda = 5000 days, k = 1.25
 *   eta  = 0.02 (age - 60) + 0.25 (CP score - 5) + 0.12 ln(AFP / 20) + 0.30 ECOG + 0.5 [branch PVTT]
 *        + 1.0 [main PVTT] + 0.10 (lesions - 1) + 0.35 ln(1 + residual viable mL) + 0.5 R H
 *   R    = 1 + 0.5 (CP score - 5) + 0.5 max(0, bilirubin - 1.2)      (liver frailty; H = hepatotoxic load)
 *   E[T] = lambda exp(-eta / k) Gamma(1 + 1/k)
 *   T    = lambda (-ln U exp(-eta))^(1/k)                              (inversion, U the patient's uniform)
 * </pre>
 * Covariates are the reported values of {@link HccPatient#covariates()}.
 */
public final class SurvivalModel {

    public static final double SCALE_DAYS = 5000;
    public static final double SHAPE = 1.25;
    /** Gamma(1 + 1/SHAPE) = Gamma(1.8). */
    static final double GAMMA_1_PLUS_INVERSE_SHAPE = 0.9313837709802428;
    public static final double RESIDUAL_COEFFICIENT = 0.35;
    public static final double TOXICITY_COEFFICIENT = 0.5;

    private SurvivalModel() {
    }

    /** The part of eta that does not depend on the protocol. */
    public static double baselineRisk(HccPatient patient) {
        TaceCovariates c = patient.covariates();
        double thrombus = switch (c.portalVeinThrombus()) {
            case NONE -> 0;
            case BRANCH -> 0.5;
            case MAIN -> 1.0;
        };
        return 0.02 * (patient.ageYears() - 60) + 0.25 * (c.childPughScore() - 5) + 0.12 * Math.log(c.afp() / 20)
                + 0.30 * c.ecog() + thrombus + 0.10 * (c.lesionCount() - 1);
    }

    /** R: how much a unit of hepatotoxic load costs this liver. */
    public static double liverFrailty(HccPatient patient) {
        TaceCovariates c = patient.covariates();
        return 1 + 0.5 * (c.childPughScore() - 5) + 0.5 * Math.max(0, c.bilirubin() - 1.2);
    }

    /** eta for the patient treated with the protocol that gave {@code response}. */
    public static double linearPredictor(HccPatient patient, TreatmentResponse response) {
        return baselineRisk(patient) + RESIDUAL_COEFFICIENT * Math.log1p(response.residualViableMl())
                + TOXICITY_COEFFICIENT * liverFrailty(patient) * response.hepatotoxicLoad();
    }

    /** E[T] in days for a linear predictor. */
    public static double expectedSurvivalDays(double eta) {
        return SCALE_DAYS * Math.exp(-eta / SHAPE) * GAMMA_1_PLUS_INVERSE_SHAPE;
    }

    /** S(t) for a linear predictor. */
    public static double survival(double days, double eta) {
        return Math.exp(-Math.pow(days / SCALE_DAYS, SHAPE) * Math.exp(eta));
    }

    /** The death time (days) that the uniform {@code u} in (0, 1] gives: S(T) = u. */
    public static double survivalTimeDays(double eta, double u) {
        if (!(u > 0 && u <= 1)) {
            throw new IllegalArgumentException("u must lie in (0, 1], got " + u);
        }
        return SCALE_DAYS * Math.pow(-Math.log(u) * Math.exp(-eta), 1 / SHAPE);
    }
}
