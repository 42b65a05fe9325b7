/**
 * Bedside serving without HTTP or a database: a trained discretised policy loaded once with its dataset's
 * guardian, similar-patient index and cost model ({@link dev.vigil.offlinerl.serving.BedsidePolicy}), which
 * answers "posted clinical state -> recommendation" from memory and checks proposed orders. The safety report a
 * policy needs before it may be served is the full safety-constraint report
 * ({@link dev.vigil.offlinerl.safetyreport.PolicySafetyReports}).
 * docs/bedside.md describes the contract.
 */
package dev.vigil.offlinerl.serving;
