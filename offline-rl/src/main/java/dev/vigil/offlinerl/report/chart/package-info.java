/**
 * Headless JFreeChart rendering to PNG of the figures reports share (line charts, scatter plots with a reference
 * line, grouped bars, heat maps), kept apart from any one report so that the safety-constraint PDF report can reuse
 * them.
 */
package dev.vigil.offlinerl.report.chart;
