// Training runs: list, one run with its config, its learning curves (roles researcher or auditor).
import { request } from './client';
import type { RunMetrics, RunState, TrainingRun, TrainingRunDetail } from './types';

const base = '/api/runs';
const runPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function listRuns(signal?: AbortSignal): Promise<TrainingRun[]> {
  return request<TrainingRun[]>(base, { signal });
}

export function getRun(id: string, signal?: AbortSignal): Promise<TrainingRunDetail> {
  return request<TrainingRunDetail>(runPath(id), { signal });
}

/** The run's learning curves; a body without `metrics` counts as no metrics. */
export async function getRunMetrics(id: string, signal?: AbortSignal): Promise<RunMetrics> {
  const body = await request<Partial<RunMetrics> | undefined>(`${runPath(id)}/metrics`, { signal });
  return { metrics: body?.metrics ?? {} };
}

export function isRunFinished(state: RunState): boolean {
  return state !== 'RUNNING';
}

/** The config JSON indented for reading; the text as it came when it is not valid JSON. */
export function prettyConfig(configJson: string): string {
  try {
    return JSON.stringify(JSON.parse(configJson), null, 2);
  } catch {
    return configJson;
  }
}
