// The clinician's side: patients of the served policy's dataset, their course, the current recommendation
// (audited; its sequence number comes back in X-Vigil-Audit-Seq) and accept/override feedback.
import { request, requestWithHeaders } from './client';
import type { Episode, EpisodeSummary } from './types';

export interface PatientPage {
  useCase: string;
  datasetName: string;
  total: number;
  items: EpisodeSummary[];
}

export interface DoseView {
  action: string;
  dose: number;
  unit: string;
  display: string;
  bin: number;
  binLow: number | null;
  binHigh: number | null;
}

export interface ChoiceView {
  actionId: number | null;
  doses: DoseView[];
  probability: number | null;
}

export interface RuleView {
  ruleId: string;
  status: string;
  cost: number;
  rationale: string;
}

export interface Recommendation {
  outOfSupport: boolean;
  critical: boolean;
  headline: string;
  recommendedSource: 'policy' | 'fallback';
  recommended: ChoiceView | null;
  fallback: { option: string; currentDosesKnown: boolean; explanation: string; rules: RuleView[] } | null;
  policyChoice: ChoiceView;
  alternatives: ChoiceView[];
  guardian: { inSupport: boolean; score: number; threshold: number; method: string };
  rules: RuleView[];
  totalCost: number;
  similarPatients: { patientId: string; bloc: number; distance: number; outcome: string }[];
  versions: {
    useCase: string;
    runId: string;
    algorithm: string;
    configSha256: string;
    codeVersion: string;
    datasetId: string;
    datasetSha256: string;
    ruleSet: string;
    ruleSetSha256: string;
    promotionId: string;
  };
  patientId: string;
  at: string;
  notes: string[];
}

export interface AuditedRecommendation {
  recommendation: Recommendation;
  /** The audit trail's sequence number of this answer; feedback refers to it. */
  auditSeq: number | null;
}

export interface Feedback {
  id: string;
  recommendationSeq: number;
  outcome: string;
  reason: string | null;
  comment: string | null;
}

const base = '/api/patients';
const patientPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function listPatients(query: string, offset: number, signal?: AbortSignal): Promise<PatientPage> {
  const params = new URLSearchParams({ offset: String(offset), limit: '50' });
  if (query.trim() !== '') params.set('q', query.trim());
  return request<PatientPage>(`${base}?${params.toString()}`, { signal });
}

export function getPatient(id: string, signal?: AbortSignal): Promise<Episode> {
  return request<Episode>(patientPath(id), { signal });
}

export async function getRecommendation(id: string, signal?: AbortSignal): Promise<AuditedRecommendation> {
  const { body, headers } = await requestWithHeaders<Recommendation>(`${patientPath(id)}/recommendation`, { signal });
  return { recommendation: body, auditSeq: auditSeq(headers.get('X-Vigil-Audit-Seq')) };
}

export function sendFeedback(seq: number, outcome: 'accepted' | 'overridden', reason: string, comment: string): Promise<Feedback> {
  return request<Feedback>(`/api/recommendations/${seq}/feedback`, {
    method: 'POST',
    json: { outcome, reason: reason.trim() === '' ? null : reason.trim(), comment: comment.trim() === '' ? null : comment.trim() },
  });
}

/** The header's number, or null when it is absent or not a whole number. */
export function auditSeq(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number.parseInt(header.trim(), 10);
}

/** "2 000 mL (bin 3: 500–1 000]" style text of one dose with its bin. */
export function doseText(dose: DoseView): string {
  const range =
    dose.bin === 0 ? 'none' : dose.binHigh === null ? `> ${dose.binLow ?? 0}` : `${dose.binLow ?? 0}–${dose.binHigh}`;
  return `${dose.display} (bin ${dose.bin}: ${range})`;
}

/** Rules that cost something, first; then the rest, each group in the order given. */
export function rulesByConcern(rules: readonly RuleView[]): RuleView[] {
  return [...rules.filter((r) => r.status === 'VIOLATED'), ...rules.filter((r) => r.status !== 'VIOLATED')];
}
