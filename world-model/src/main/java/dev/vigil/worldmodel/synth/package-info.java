/**
 * The synthetic HCC cohort treated with TACE (docs/methods/synthetic-hcc.md): patients with covariates and a
 * tumour phenotype ({@link dev.vigil.worldmodel.synth.HccPatientSampler}), a documented response of the
 * tumour to every valid protocol ({@link dev.vigil.worldmodel.synth.ResponseModel}), Weibull survival
 * ({@link dev.vigil.worldmodel.synth.SurvivalModel}), a noisy rule-based clinician
 * ({@link dev.vigil.worldmodel.synth.ClinicianModel}) and CT-like phantoms before and after treatment
 * ({@link dev.vigil.worldmodel.synth.PhantomRenderer}). {@link dev.vigil.worldmodel.synth.HccCohortGenerator}
 * writes FHIR R4 Bulk NDJSON for the hcc-tace cohort, NIfTI volumes and {@code ground-truth.json}; the same
 * config gives the same bytes.
 */
package dev.vigil.worldmodel.synth;
