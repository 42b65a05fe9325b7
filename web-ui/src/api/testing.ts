// Test helpers for the API layer: a fetch stand-in that records calls and answers from a script.
import { vi } from 'vitest';

export interface RecordedCall {
  url: string;
  init: RequestInit;
}

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problemResponse(status: number, problem: Record<string, unknown>): Response {
  return jsonResponse(status, { status, ...problem }, 'application/problem+json');
}

/** Replaces global fetch; each call takes the next answer (a Response or an Error to throw). */
export function stubFetch(...answers: Array<Response | Error>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected fetch ${String(url)}`);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
