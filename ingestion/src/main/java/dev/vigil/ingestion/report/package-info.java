/** What an ingestion read, kept and rejected: counts by reason with examples a person can find. */
package dev.vigil.ingestion.report;
