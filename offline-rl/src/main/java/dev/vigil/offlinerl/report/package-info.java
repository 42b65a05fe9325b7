/**
 * The per-run evaluation report (issue 4): {@link dev.vigil.offlinerl.report.EvaluationReportBuilder} computes an
 * {@link dev.vigil.offlinerl.report.EvaluationReport} (versioned JSON) from a dataset, the policy under evaluation
 * behind an {@link dev.vigil.offlinerl.report.EvaluatedPolicy}, the run's metric history, optional checkpoints, a
 * cost budget and a guardian; {@link dev.vigil.offlinerl.report.ReportHtmlWriter} renders it as one self-contained
 * HTML file with PNG figures. Nothing here knows HTTP, the database or the UI. See docs/evaluation-report.md.
 */
package dev.vigil.offlinerl.report;
