/**
 * A small document model for reports (title, provenance, sections of paragraphs, tables and figures) and its
 * two renderings: a self-contained HTML file and a PDF. Reports build the model once; both files say the same.
 */
package dev.vigil.safety.report;
