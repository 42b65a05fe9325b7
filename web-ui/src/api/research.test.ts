import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { datasetCsvUrl, getDataset, getEpisode, listCohorts, listDatasets, listEpisodes } from './datasets';
import {
  getIngestion,
  isFinished,
  listIngestions,
  pollIngestion,
  startFileIngestion,
  startServerIngestion,
} from './ingestions';
import { jsonResponse, problemResponse, stubFetch } from './testing';
import type { IngestionJob } from './types';

afterEach(() => {
  vi.unstubAllGlobals();
});

const job = (state: IngestionJob['state'], extra: Partial<IngestionJob> = {}): IngestionJob => ({
  jobId: 'job-1',
  state,
  name: 'ward 7',
  cohort: 'icu-sepsis',
  source: 'upload: a.ndjson',
  createdBy: 'rita',
  createdAt: '2025-11-20T09:12:00Z',
  finishedAt: null,
  progress: { unitsDone: 1, unitsTotal: 4, resources: 100, resourcesPerSecond: 50, etaSeconds: 6 },
  datasetId: null,
  error: null,
  ...extra,
});

const headersOf = (init: RequestInit) => (init.headers ?? {}) as Record<string, string>;

describe('dataset endpoints', () => {
  it('lists cohorts and datasets', async () => {
    const cohorts = [{ id: 'icu-sepsis', version: '1', description: 'ICU sepsis', blocLength: 'PT4H' }];
    const { calls } = stubFetch(jsonResponse(200, cohorts), jsonResponse(200, []));
    await expect(listCohorts()).resolves.toEqual(cohorts);
    await expect(listDatasets()).resolves.toEqual([]);
    expect(calls.map((c) => c.url)).toEqual(['/api/cohorts', '/api/datasets']);
    expect(calls[0]?.init.method).toBe('GET');
  });

  it('reads one dataset, encoding its id', async () => {
    const { calls } = stubFetch(jsonResponse(200, { id: 'a/b', report: null }));
    await expect(getDataset('a/b')).resolves.toMatchObject({ id: 'a/b', report: null });
    expect(calls[0]?.url).toBe('/api/datasets/a%2Fb');
  });

  it('links the CSV export (a plain link, not a fetch)', () => {
    expect(datasetCsvUrl('ds 1')).toBe('/api/datasets/ds%201/csv');
  });

  it('pages episodes with offset and limit', async () => {
    const page = { total: 120, items: [{ episodeId: 'p-0051', steps: 18, died: null }] };
    const { calls } = stubFetch(jsonResponse(200, page));
    await expect(listEpisodes('ds-1', { offset: 50, limit: 50 })).resolves.toEqual(page);
    expect(calls[0]?.url).toBe('/api/datasets/ds-1/episodes?offset=50&limit=50');
  });

  it('reads one episode, encoding both ids', async () => {
    const { calls } = stubFetch(jsonResponse(200, { episodeId: 'p#1' }));
    await getEpisode('ds-1', 'p#1');
    expect(calls[0]?.url).toBe('/api/datasets/ds-1/episodes/p%231');
  });

  it('turns a 404 into an ApiError with the problem detail', async () => {
    stubFetch(problemResponse(404, { title: 'Not Found', detail: 'No dataset ds-9' }));
    await expect(getDataset('ds-9')).rejects.toMatchObject({ status: 404, message: 'No dataset ds-9' });
  });
});

describe('starting an ingestion', () => {
  it('uploads files as multipart form data without setting Content-Type itself', async () => {
    const { calls } = stubFetch(jsonResponse(202, job('QUEUED')));
    const files = [new File(['{"resourceType":"Patient"}\n'], 'Patient.ndjson'), new File([new Uint8Array(8)], 'Obs.ndjson.gz')];
    await expect(startFileIngestion({ cohort: 'icu-sepsis', name: 'ward 7', files })).resolves.toMatchObject({ jobId: 'job-1' });

    const call = calls[0];
    expect(call?.url).toBe('/api/ingestions');
    expect(call?.init.method).toBe('POST');
    const headers = headersOf(call?.init ?? {});
    // The browser sets multipart/form-data with its boundary; setting it here would break the upload.
    expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('content-type');
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest');
    expect(call?.init.credentials).toBe('same-origin');

    const body = call?.init.body;
    expect(body).toBeInstanceOf(FormData);
    const form = body as FormData;
    expect(form.get('cohort')).toBe('icu-sepsis');
    expect(form.get('name')).toBe('ward 7');
    const parts = form.getAll('file') as File[];
    expect(parts.map((f) => f.name)).toEqual(['Patient.ndjson', 'Obs.ndjson.gz']);
    expect(await parts[0]?.text()).toBe('{"resourceType":"Patient"}\n');
  });

  it('asks for a FHIR server ingestion with JSON, the bearer token only when given', async () => {
    const { calls } = stubFetch(jsonResponse(202, job('QUEUED')), jsonResponse(202, job('QUEUED')));
    await startServerIngestion({ cohort: 'icu-sepsis', name: 'n', fhirServerUrl: 'https://fhir.example.org/r4', bearerToken: 's3cret' });
    await startServerIngestion({ cohort: 'icu-sepsis', name: 'n', fhirServerUrl: 'https://fhir.example.org/r4', bearerToken: '  ' });

    expect(headersOf(calls[0]?.init ?? {})['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      cohort: 'icu-sepsis',
      name: 'n',
      fhirServerUrl: 'https://fhir.example.org/r4',
      bearerToken: 's3cret',
    });
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({
      cohort: 'icu-sepsis',
      name: 'n',
      fhirServerUrl: 'https://fhir.example.org/r4',
    });
  });

  it('surfaces the server’s field errors', async () => {
    stubFetch(
      problemResponse(400, {
        title: 'Constraint Violation',
        errors: [{ field: 'start.request.fhirServerUrl', message: 'must be an http(s) URL' }],
      }),
    );
    const error = (await startServerIngestion({ cohort: 'c', name: 'n', fhirServerUrl: 'ftp://x' }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fieldErrors()).toEqual({ fhirServerUrl: 'must be an http(s) URL' });
  });
});

describe('ingestion jobs', () => {
  it('lists jobs and reads one', async () => {
    const { calls } = stubFetch(jsonResponse(200, [job('RUNNING')]), jsonResponse(200, job('RUNNING')));
    await expect(listIngestions()).resolves.toHaveLength(1);
    await expect(getIngestion('job 1')).resolves.toMatchObject({ state: 'RUNNING' });
    expect(calls.map((c) => c.url)).toEqual(['/api/ingestions', '/api/ingestions/job%201']);
  });

  it('knows which states are final', () => {
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'].map((s) => isFinished(s as IngestionJob['state']))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('polls every interval until the job has ended, reporting each answer', async () => {
    stubFetch(
      jsonResponse(200, job('QUEUED')),
      jsonResponse(200, job('RUNNING')),
      jsonResponse(200, job('SUCCEEDED', { datasetId: 'ds-9' })),
    );
    const sleep = vi.fn(async () => {});
    const updates: string[] = [];
    const final = await pollIngestion('job-1', { intervalMs: 1000, sleep, onUpdate: (j) => updates.push(j.state) });
    expect(final).toMatchObject({ state: 'SUCCEEDED', datasetId: 'ds-9' });
    expect(updates).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(1000, undefined);
  });

  it('stops at FAILED and hands back the error', async () => {
    stubFetch(jsonResponse(200, job('FAILED', { error: 'bad gzip' })));
    const final = await pollIngestion('job-1', { sleep: async () => {}, onUpdate: () => {} });
    expect(final).toMatchObject({ state: 'FAILED', error: 'bad gzip' });
  });

  it('keeps polling through a transient failure', async () => {
    stubFetch(
      problemResponse(503, { title: 'Unavailable' }),
      new TypeError('network down'),
      jsonResponse(200, job('SUCCEEDED')),
    );
    const transient = vi.fn();
    const final = await pollIngestion('job-1', { sleep: async () => {}, onUpdate: () => {}, onTransientError: transient });
    expect(final.state).toBe('SUCCEEDED');
    expect(transient).toHaveBeenCalledTimes(2);
    expect(transient.mock.calls.map(([e]) => (e as ApiError).status)).toEqual([503, 0]);
  });

  it('gives up when the job does not exist', async () => {
    stubFetch(problemResponse(404, { title: 'Not Found' }));
    await expect(pollIngestion('nope', { sleep: async () => {}, onUpdate: () => {} })).rejects.toMatchObject({ status: 404 });
  });

  it('stops when aborted while waiting', async () => {
    stubFetch(jsonResponse(200, job('RUNNING')));
    const controller = new AbortController();
    const polling = pollIngestion('job-1', {
      intervalMs: 60_000,
      signal: controller.signal,
      onUpdate: () => controller.abort(),
    });
    await expect(polling).rejects.toMatchObject({ name: 'AbortError' });
  });
});
