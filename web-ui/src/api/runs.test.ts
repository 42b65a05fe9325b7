import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { getRun, getRunMetrics, isRunFinished, listRuns, prettyConfig } from './runs';
import { jsonResponse, problemResponse, stubFetch } from './testing';
import type { TrainingRun } from './types';

afterEach(() => {
  vi.unstubAllGlobals();
});

const run = (extra: Partial<TrainingRun> = {}): TrainingRun => ({
  id: '3f2a9c1e-0000-4000-8000-000000000001',
  algorithm: 'ogsrl',
  datasetId: 'ds-1',
  seed: 1,
  state: 'RUNNING',
  configSha256: 'a'.repeat(64),
  codeVersion: 'abc1234',
  policySha256: null,
  error: null,
  createdBy: 'rita',
  createdAt: '2025-11-20T09:12:00Z',
  finishedAt: null,
  ...extra,
});

const headersOf = (init: RequestInit) => (init.headers ?? {}) as Record<string, string>;

describe('run endpoints', () => {
  it('lists runs with a GET to /api/runs', async () => {
    const runs = [run(), run({ id: 'r2', state: 'SUCCEEDED', policySha256: 'b'.repeat(64) })];
    const { calls } = stubFetch(jsonResponse(200, runs));
    await expect(listRuns()).resolves.toEqual(runs);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/runs');
    expect(calls[0]?.init.method).toBe('GET');
    expect(headersOf(calls[0]!.init)['X-Requested-With']).toBe('XMLHttpRequest');
  });

  it('reads one run with its config, encoding the id', async () => {
    const detail = { run: run({ id: 'a/b' }), configJson: '{"lr":0.001}' };
    const { calls } = stubFetch(jsonResponse(200, detail));
    await expect(getRun('a/b')).resolves.toEqual(detail);
    expect(calls[0]?.url).toBe('/api/runs/a%2Fb');
  });

  it('reads the metrics of a run', async () => {
    const metrics = { metrics: { loss: { iterations: [0, 10], values: [1.2, 0.8] } } };
    const { calls } = stubFetch(jsonResponse(200, metrics));
    await expect(getRunMetrics('r 1')).resolves.toEqual(metrics);
    expect(calls[0]?.url).toBe('/api/runs/r%201/metrics');
  });

  it('treats a metrics body without metrics as no metrics', async () => {
    stubFetch(jsonResponse(200, {}), new Response(null, { status: 204 }));
    await expect(getRunMetrics('r1')).resolves.toEqual({ metrics: {} });
    await expect(getRunMetrics('r1')).resolves.toEqual({ metrics: {} });
  });

  it('passes the abort signal on', async () => {
    const { calls } = stubFetch(jsonResponse(200, []));
    const controller = new AbortController();
    await listRuns(controller.signal);
    expect(calls[0]?.init.signal).toBe(controller.signal);
  });

  it('turns a 404 into an ApiError with the problem detail', async () => {
    stubFetch(problemResponse(404, { title: 'Not Found', detail: 'No run r9' }));
    const failure = getRun('r9');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, message: 'No run r9' });
  });

  it('turns a 403 on the metrics into an ApiError', async () => {
    stubFetch(problemResponse(403, { title: 'Forbidden' }));
    await expect(getRunMetrics('r1')).rejects.toMatchObject({ status: 403 });
  });
});

describe('run helpers', () => {
  it('knows which states are final', () => {
    expect(isRunFinished('RUNNING')).toBe(false);
    expect(isRunFinished('SUCCEEDED')).toBe(true);
    expect(isRunFinished('FAILED')).toBe(true);
  });

  it('pretty-prints the config JSON and leaves anything else as it is', () => {
    expect(prettyConfig('{"algo":"ogsrl","hp":{"lr":0.001}}')).toBe('{\n  "algo": "ogsrl",\n  "hp": {\n    "lr": 0.001\n  }\n}');
    expect(prettyConfig('not json {')).toBe('not json {');
  });
});
