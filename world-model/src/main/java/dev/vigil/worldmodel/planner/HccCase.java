package dev.vigil.worldmodel.planner;

import dev.vigil.safety.contraindication.TaceCovariates;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.Volume;

/**
 * One patient ready to plan: pre-treatment CT crop (HU) + tumour mask + clinical covariates.
 *
 * @param patientId the episode id (FHIR Patient id)
 * @param preCt pre-treatment CT crop in HU
 * @param preMask tumour mask on the same grid, not empty
 * @param covariates clinical covariates; missing values null/NaN
 */
public record HccCase(String patientId, Volume preCt, Mask preMask, TaceCovariates covariates) {

    public HccCase {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("patientId must be given");
        }
        if (preCt == null || preMask == null) {
            throw new IllegalArgumentException("patient " + patientId + ": preCt and preMask must be given");
        }
        preMask.geometry().requireSameGrid(preCt.geometry(), "patient " + patientId + " pre-treatment mask",
                "pre-treatment CT");
        if (preMask.isEmpty()) {
            throw new IllegalArgumentException("patient " + patientId + ": the pre-treatment tumour mask is empty;"
                    + " the planner needs the tumour outlined");
        }
        covariates = covariates == null ? TaceCovariates.unknown() : covariates;
    }
}
