// TACE planning (issue 5): clinicians rank a patient's plans with the world model; researchers read the world
// model's provenance and evaluation. Mirrors dev.vigil.api.tace.TaceViews.
import { request } from './client';

export interface TacePatient {
  id: string;
  age: number | null;
  childPugh: string | null;
  bclc: string | null;
  bilirubin: number | null;
  afp: number | null;
  /** A plan was ranked for this patient since the server started. */
  planned: boolean;
}

export interface TacePatients {
  datasetId: string;
  datasetName: string;
  worldModelId: string;
  patients: TacePatient[];
}

export interface RankedPlan {
  rank: number;
  protocol: string;
  components: string[];
  /** Relative hazard from the survival scorer (mean over the K simulations); lower is better. */
  risk: number;
  riskLow: number;
  riskHigh: number;
  /** null when the predicted survival curve never falls to one half. */
  medianSurvivalDays: number | null;
  curveDays: number[];
  curveSurvival: number[];
  predictedTumourMl: number;
  preTumourMl: number;
  safetyFlags: string[];
  recommended: boolean;
  /** Pre/post slices can be fetched for this plan. */
  hasImages: boolean;
}

export interface TacePlan {
  patientId: string;
  worldModelId: string;
  executionProvider: string;
  protocolSpaceVersion: string;
  contraindicationRuleSet: string;
  contraindications: string[];
  unknownChecks: string[];
  recommendable: boolean;
  simulationsPerPlan: number;
  seed: number;
  /** Number of axial slices (z = 0 … depth − 1). */
  depth: number;
  elapsedMillis: number;
  plannedAt: string;
  plans: RankedPlan[];
}

export interface PlanRequest {
  k?: number;
  seed?: number;
  provider?: 'auto' | 'cpu' | 'cuda';
}

export interface WorldModelInfo {
  id: string;
  datasetId: string;
  datasetName: string | null;
  imagesDir: string;
  path: string;
  createdBy: string;
  createdAt: string;
  manifest: Record<string, string>;
  /** The bundle's evaluation.json, if an evaluation stored one. */
  evaluation: unknown;
  otherModels: number;
}

export type SliceKind = 'pre' | 'post';

const patientPath = (id: string) => `/api/tace/patients/${encodeURIComponent(id)}`;

export function listTacePatients(signal?: AbortSignal): Promise<TacePatients> {
  return request<TacePatients>('/api/tace/patients', { signal });
}

export function rankPlans(patientId: string, options: PlanRequest = {}): Promise<TacePlan> {
  return request<TacePlan>(`${patientPath(patientId)}/plans`, { method: 'POST', json: options });
}

export function getWorldModel(signal?: AbortSignal): Promise<WorldModelInfo> {
  return request<WorldModelInfo>('/api/tace/world-model', { signal });
}

/** URL of a PNG slice (for an img tag; the session cookie goes with it). */
export function slicePath(patientId: string, rank: number, z: number, kind: SliceKind): string {
  return `${patientPath(patientId)}/plans/${rank}/slices/${z}?kind=${kind}`;
}
