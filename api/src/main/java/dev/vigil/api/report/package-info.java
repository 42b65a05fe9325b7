/**
 * Reports generated for training runs — evaluation reports and safety-constraint reports — recorded per run
 * with their stored JSON, HTML and PDF, and served to researchers and auditors.
 */
package dev.vigil.api.report;
