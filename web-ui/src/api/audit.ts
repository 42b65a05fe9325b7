// The audit trail: entries with filters, the verification of the hash chain, and one entry's report
// (auditor and admin only).
import { request, requestWithHeaders } from './client';

export interface AuditEntry {
  seq: number;
  recordedAt: string;
  kind: string;
  caller: string;
  patientId: string | null;
  requestSha256: string;
  modelVersion: string | null;
  dataVersion: string | null;
  ruleVersion: string | null;
  previousHash: string;
  entryHash: string;
  responseJson: string;
}

export interface AuditVerification {
  valid: boolean;
  entries: number;
  firstBadSeq: number | null;
  problem: string | null;
}

export interface AuditFilters {
  user: string;
  patient: string;
  model: string;
  kind: string;
  /** datetime-local values (local time) or ''. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { user: '', patient: '', model: '', kind: '', from: '', to: '' };

/** Query parameters for the filters that are set; times as ISO instants. */
export function auditQuery(filters: AuditFilters, limit: number): URLSearchParams {
  const params = new URLSearchParams({ order: 'desc', limit: String(limit) });
  (['user', 'patient', 'model', 'kind'] as const).forEach((key) => {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  });
  (['from', 'to'] as const).forEach((key) => {
    const value = filters[key].trim();
    if (value !== '') {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) params.set(key, new Date(ms).toISOString());
    }
  });
  return params;
}

export async function listAuditEntries(filters: AuditFilters, limit: number, signal?: AbortSignal): Promise<{ entries: AuditEntry[]; total: number | null }> {
  const { body, headers } = await requestWithHeaders<AuditEntry[]>(`/api/audit/entries?${auditQuery(filters, limit).toString()}`, { signal });
  const total = headers.get('X-Total-Count');
  return { entries: body, total: total !== null && /^\d+$/.test(total) ? Number.parseInt(total, 10) : null };
}

export function verifyAuditTrail(signal?: AbortSignal): Promise<AuditVerification> {
  return request<AuditVerification>('/api/audit/verification', { signal });
}

export interface RecommendationReport {
  entry: AuditEntry;
  verification: { hashValid: boolean; linked: boolean; problem: string | null };
  headline: string | null;
  outOfSupport: boolean | null;
  critical: boolean | null;
  fallbackUsed: boolean | null;
  recommended: { doses?: { action: string; display: string; bin: number }[] } | null;
  guardian: { inSupport: boolean; score: number; threshold: number; method: string } | null;
  rules: { ruleId: string; status: string; cost: number; rationale?: string }[] | null;
  totalCost: number | null;
  cards: { uuid: string; indicator: string; summary: string; detail: string }[];
  feedback: {
    id: string;
    service: string;
    card: string;
    outcome: string;
    reasonCode: string | null;
    reason: string | null;
    comment: string | null;
    by: string;
    at: string | null;
  }[];
}

export function getEntryReport(seq: number, signal?: AbortSignal): Promise<RecommendationReport> {
  return request<RecommendationReport>(`/api/audit/entries/${seq}/report`, { signal });
}
