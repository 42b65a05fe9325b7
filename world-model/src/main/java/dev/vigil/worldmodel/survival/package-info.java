/**
 * Survival analysis with R's {@code survival} package (3.5.3) as the reference: survival data from CSV
 * ({@link dev.vigil.worldmodel.survival.SurvivalCsv}), Cox proportional hazards with Breslow or Efron ties
 * ({@link dev.vigil.worldmodel.survival.CoxRegression}), Kaplan-Meier with Greenwood standard errors
 * ({@link dev.vigil.worldmodel.survival.KaplanMeier}), Harrell's and Uno's concordance
 * ({@link dev.vigil.worldmodel.survival.Concordance}) and the IPCW Brier score
 * ({@link dev.vigil.worldmodel.survival.BrierScore}). Conventions and the numbers measured against R are in
 * {@code docs/survival.md}.
 */
package dev.vigil.worldmodel.survival;
