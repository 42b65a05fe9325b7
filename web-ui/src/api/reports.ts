// Reports of training runs: evaluation reports (OPE, figures) and safety-constraint reports (JSON, HTML, PDF).
// Researchers generate them; researchers and auditors read them.
import { request } from './client';

export type ReportKind = 'evaluation' | 'safety';

export interface RunReport {
  id: string;
  runId: string;
  kind: ReportKind;
  verdict: 'PASS' | 'FAIL' | null;
  summary: string;
  ruleSetId: string | null;
  ruleSetVersion: string | null;
  createdBy: string;
  createdAt: string;
  hasPdf: boolean;
}

/** The parts of a safety-constraint report JSON the UI shows. */
export interface SafetyRuleRow {
  ruleId: string;
  weight: number;
  policyViolationRate: number | string;
  clinicianViolationRate: number | string;
  policyCostPerEpisode: number;
  clinicianCostPerEpisode: number;
  evaluableSteps: number;
}

export interface SafetySide {
  meanEpisodeCost: number;
  normalisedCost: number;
  failureRate: number;
  violatingStepsPerEpisode: number;
  withinBudgetRate: number;
  oodRate: number | string;
}

export interface SafetyReportContent {
  format: string;
  title: string;
  provenance: Record<string, string>;
  ruleSet: { id: string; version: string; sha256: string };
  budget: number;
  episodes: number;
  steps: number;
  rules: SafetyRuleRow[];
  policy: SafetySide;
  clinicians: SafetySide;
  calibration: { targetCoverage: number; measuredCoverage: number; heldOut: number; threshold: number } | null;
  worstEpisodes: { episodeId: string; policyCost: number; clinicianCost: number; policyViolatingSteps: number; rulesViolated: string[] }[];
  verdict: { pass: boolean; reasons: string[] };
}

const runReports = (runId: string) => `/api/runs/${encodeURIComponent(runId)}/reports`;
export const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

export function listRunReports(runId: string, signal?: AbortSignal): Promise<RunReport[]> {
  return request<RunReport[]>(runReports(runId), { signal });
}

export function listReports(kind: ReportKind | null, signal?: AbortSignal): Promise<RunReport[]> {
  return request<RunReport[]>(kind ? `/api/reports?kind=${kind}` : '/api/reports', { signal });
}

export function getReport(id: string, signal?: AbortSignal): Promise<RunReport> {
  return request<RunReport>(reportPath(id), { signal });
}

export function getSafetyReportContent(id: string, signal?: AbortSignal): Promise<SafetyReportContent> {
  return request<SafetyReportContent>(`${reportPath(id)}/json`, { signal });
}

export function generateEvaluationReport(runId: string, selection: 'last' | 'best-by-ope-lower-bound'): Promise<RunReport> {
  return request<RunReport>(`${runReports(runId)}/evaluation`, { method: 'POST', json: { selection } });
}

export function generateSafetyReport(runId: string): Promise<RunReport> {
  return request<RunReport>(`${runReports(runId)}/safety`, { method: 'POST', json: {} });
}

/** A share (0..1, or "NaN" as Jackson writes it) as a percentage with one decimal; "n/a" when undefined. */
export function formatShare(value: number | string | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
  return `${(100 * value).toFixed(1)} %`;
}
