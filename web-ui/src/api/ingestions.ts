// Ingestion jobs: start one (file upload or FHIR server), list them, follow one until it ends.
import { ApiError, request } from './client';
import type { FileIngestion, IngestionJob, JobState, ServerIngestion } from './types';

const base = '/api/ingestions';

/** Uploads the files as multipart/form-data: fields `cohort`, `name` and one `file` part per file. */
export function startFileIngestion({ cohort, name, files }: FileIngestion): Promise<IngestionJob> {
  const form = new FormData();
  form.append('cohort', cohort);
  form.append('name', name);
  for (const file of files) form.append('file', file, file.name);
  return request<IngestionJob>(base, { method: 'POST', multipart: form });
}

/** Asks the server to read from a FHIR server; the bearer token is only sent when given. */
export function startServerIngestion({ cohort, name, fhirServerUrl, bearerToken }: ServerIngestion): Promise<IngestionJob> {
  const token = bearerToken?.trim();
  const json = token ? { cohort, name, fhirServerUrl, bearerToken: token } : { cohort, name, fhirServerUrl };
  return request<IngestionJob>(base, { method: 'POST', json });
}

export function listIngestions(signal?: AbortSignal): Promise<IngestionJob[]> {
  return request<IngestionJob[]>(base, { signal });
}

export function getIngestion(jobId: string, signal?: AbortSignal): Promise<IngestionJob> {
  return request<IngestionJob>(`${base}/${encodeURIComponent(jobId)}`, { signal });
}

export function isFinished(state: JobState): boolean {
  return state === 'SUCCEEDED' || state === 'FAILED';
}

export interface PollOptions {
  /** Time between two requests, counted from the previous answer (so requests never overlap). */
  intervalMs?: number;
  signal?: AbortSignal;
  /** Called with every answer, including the last one. */
  onUpdate(job: IngestionJob): void;
  /** Called when one request fails but polling goes on (network blip, 5xx). */
  onTransientError?(error: unknown): void;
  /** Waits; replaced in tests. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Statuses after which asking again cannot help: the job is gone or we may not see it. */
const FATAL_STATUSES = new Set([400, 401, 403, 404, 410]);

/**
 * Asks for the job every `intervalMs` until it has SUCCEEDED or FAILED and resolves with that last answer.
 * Rejects on abort (AbortError) and on errors that will not go away by asking again.
 */
export async function pollIngestion(jobId: string, options: PollOptions): Promise<IngestionJob> {
  const { intervalMs = 1000, signal, onUpdate, onTransientError, sleep = defaultSleep } = options;
  for (;;) {
    try {
      const job = await getIngestion(jobId, signal);
      onUpdate(job);
      if (isFinished(job.state)) return job;
    } catch (error) {
      if (signal?.aborted || !(error instanceof ApiError) || FATAL_STATUSES.has(error.status)) throw error;
      onTransientError?.(error);
    }
    await sleep(intervalMs, signal);
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
