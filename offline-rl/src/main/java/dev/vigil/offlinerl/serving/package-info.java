/**
 * Bedside serving without HTTP or a database: a trained discretised policy loaded once with its dataset's
 * guardian, similar-patient index and cost model ({@link dev.vigil.offlinerl.serving.BedsidePolicy}), which
 * answers "posted clinical state -> recommendation" from memory, checks proposed orders, and computes the basic
 * safety report a policy needs before it may be served ({@link dev.vigil.offlinerl.serving.SafetyReportCalculator}).
 * docs/bedside.md describes the contract.
 */
package dev.vigil.offlinerl.serving;
