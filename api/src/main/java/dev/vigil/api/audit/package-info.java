/**
 * The audit trail: every recommendation, CDS Hooks card response and feedback, stored append-only in
 * {@code audit_entry} and chained by SHA-256 ({@link dev.vigil.api.audit.AuditChain} defines the canonical
 * serialisation); {@link dev.vigil.api.audit.AuditVerifier} walks the chain and names the first entry changed or
 * removed. docs/bedside.md describes the format.
 */
package dev.vigil.api.audit;
