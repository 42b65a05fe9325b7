package dev.vigil.worldmodel.synth;

import dev.vigil.safety.contraindication.TaceCovariates;
import java.util.List;

/**
 * One synthetic patient before treatment, with every random number its simulation needs: the same patient
 * gives the same outcome under a protocol however often it is simulated.
 *
 * @param index 0-based position in the cohort
 * @param key {@code hcc-<seed>-<index>}: the Patient identifier and the image folder name
 * @param ageYears age at the TACE, years
 * @param male sex
 * @param covariates labs, staging, performance status, lesions and portal vein thrombus
 * @param phenotype what the response model reads of the tumours
 * @param lesions 1..3 lesions, the largest first; lesions that did not fit the crop are still counted
 * @param spacingMm isotropic voxel spacing of the crop
 * @param timeline dates
 * @param survivalUniform U in (0, 1] that fixes the death time by inversion of the survival function
 * @param censorDays independent censoring time, U(180, 1825) days after the TACE
 * @param heldOut whether the patient belongs to the held-out (test) set
 * @param clinician the clinician's random numbers
 * @param imageSeed seed of the CT noise
 */
public record HccPatient(int index, String key, double ageYears, boolean male, TaceCovariates covariates,
        TumourPhenotype phenotype, List<LesionShape> lesions, double spacingMm, Timeline timeline,
        double survivalUniform, double censorDays, boolean heldOut, ClinicianDraws clinician, long imageSeed) {

    public HccPatient {
        lesions = List.copyOf(lesions);
        if (lesions.isEmpty()) {
            throw new IllegalArgumentException("Patient " + key + " has no lesion");
        }
    }

    /** Total tumour volume before treatment, mL: the sum of the lesions' volumes. */
    public double tumourVolumeMl() {
        double sum = 0;
        for (LesionShape lesion : lesions) {
            sum += lesion.volumeMl();
        }
        return sum;
    }

    /** Viable (non-necrotic) tumour volume before treatment, mL. */
    public double viableVolumeMl() {
        return tumourVolumeMl() * (1 - phenotype.necroticFraction());
    }
}
