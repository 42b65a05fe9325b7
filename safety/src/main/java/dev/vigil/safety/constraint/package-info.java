/**
 * The safety-constraint report of a policy version: how often each safety rule would be violated by the
 * policy's recommendations on evaluation data, next to the clinicians' logged decisions; episode costs against
 * the budget; how often the recommendations leave the data's support; the worst episodes; a verdict against
 * configurable thresholds; and the provenance that makes the report reproducible. Pure computation: rendering
 * is {@link dev.vigil.safety.constraint.SafetyReportDocument}.
 */
package dev.vigil.safety.constraint;
