// The one place that talks HTTP to the Vigil server. Every failure becomes an ApiError carrying a parsed
// RFC 9457 problem detail, so pages never see raw bodies, JSON or stack traces.

/** One entry of a problem detail's `errors` array (bean-validation failures). */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem detail as the Vigil server sends it (`application/problem+json`). */
export interface ProblemDetail {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors: FieldError[];
}

/** Status 0 marks a request that never got an HTTP answer (server down, network gone). */
export const NETWORK_FAILURE = 0;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetail;

  constructor(problem: ProblemDetail) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Field errors keyed by the bare field name (see fieldKey), first message per field wins. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.problem.errors) {
      const key = fieldKey(field);
      if (!(key in byField)) byField[key] = message;
    }
    return byField;
  }
}

/**
 * Bean validation reports property paths such as `create.request.username` or `body.roles[0]`;
 * forms only know `username` / `roles`, so keep the last path segment without an index.
 */
export function fieldKey(path: string): string {
  const last = path.split('.').pop() ?? path;
  return last.replace(/\[\d*\]$/, '');
}

const STATUS_TITLES: Record<number, string> = {
  [NETWORK_FAILURE]: 'Cannot reach the Vigil server',
  400: 'The request was not accepted',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  422: 'The request was not accepted',
  500: 'The server had an internal error',
  502: 'The server is not reachable',
  503: 'The server is not available',
};

function fallbackTitle(status: number): string {
  return STATUS_TITLES[status] ?? (status >= 500 ? 'The server had an error' : 'The request failed');
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Builds a ProblemDetail from whatever body came back. Only known string fields are copied, so a
 * misbehaving server (HTML error page, stack trace, arbitrary JSON) can never leak into the UI.
 */
export function toProblem(status: number, body: unknown): ProblemDetail {
  const obj = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const errors: FieldError[] = Array.isArray(obj.errors)
    ? obj.errors.flatMap((e: unknown) => {
        if (e === null || typeof e !== 'object') return [];
        const rec = e as Record<string, unknown>;
        const message = asString(rec.message);
        return message ? [{ field: asString(rec.field) ?? '', message }] : [];
      })
    : [];
  return {
    type: asString(obj.type),
    title: asString(obj.title) ?? fallbackTitle(status),
    status,
    detail: asString(obj.detail),
    instance: asString(obj.instance),
    errors,
  };
}

/** Reads a failed response into a ProblemDetail; bodies that are not JSON are ignored, never shown. */
export async function readProblem(response: Response): Promise<ProblemDetail> {
  const type = response.headers.get('Content-Type') ?? '';
  let body: unknown = null;
  if (/[/+]json\b/i.test(type)) {
    try {
      body = await response.json();
    } catch {
      body = null; // malformed JSON: fall back to the status title
    }
  }
  return toProblem(response.status, body);
}

type UnauthorizedListener = () => void;
let unauthorizedListener: UnauthorizedListener | null = null;

/**
 * The session layer registers here to learn that the server no longer knows us (session expired or
 * signed out elsewhere). Returns a function that unregisters.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListener = listener;
  return () => {
    if (unauthorizedListener === listener) unauthorizedListener = null;
  };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded (the form-login endpoint wants this). */
  form?: Record<string, string>;
  /**
   * Sent as multipart/form-data (file uploads). No Content-Type is set here: the browser adds it with the
   * multipart boundary.
   */
  multipart?: FormData;
  /**
   * When false, a 401 is only thrown, not reported as an expired session. Used by the login call and by
   * the initial "who am I" probe, where 401 is an expected answer, not an expiry.
   */
  reportUnauthorized?: boolean;
  /** When true, a successful body is not read (form login may answer with a redirect to an HTML page). */
  ignoreBody?: boolean;
  signal?: AbortSignal;
}

/** Sends a request; resolves with the parsed JSON body (undefined for 204 / empty), throws ApiError otherwise. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  return parseBody<T>(response, options.ignoreBody ?? false);
}

/** Like {@link request}, also giving the response headers (e.g. the audit sequence number of a recommendation). */
export async function requestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<{ body: T; headers: Headers }> {
  const response = await send(path, options);
  return { body: await parseBody<T>(response, options.ignoreBody ?? false), headers: response.headers };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', json, form, multipart, reportUnauthorized = true, signal } = options;
  // X-Requested-With: the server then answers 401 without a Basic challenge, so the browser shows no
  // sign-in dialog of its own.
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
  };
  let body: string | FormData | undefined;
  if (multipart !== undefined) {
    body = multipart;
  } else if (form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  } else if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(toProblem(NETWORK_FAILURE, {
      detail: 'The Vigil server did not answer. Check that it is running and try again.',
    }));
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && reportUnauthorized) unauthorizedListener?.();
    throw new ApiError(problem);
  }
  return response;
}

async function parseBody<T>(response: Response, ignoreBody: boolean): Promise<T> {
  if (response.status === 204 || ignoreBody) return undefined as T;
  const text = await response.text();
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A 200 that is not JSON (e.g. an HTML page after a redirect) is a server contract breach.
    throw new ApiError(toProblem(response.status, {
      title: 'Unexpected answer from the server',
      detail: 'The server answered with something that is not JSON.',
    }));
  }
}

/**
 * The sentence to show a person for any error thrown by the API layer (or anything else).
 * 403 is phrased as a role problem because that is the only reason the server forbids.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const said = error.problem.detail ?? error.problem.title;
    if (error.status === 403) {
      return error.problem.detail
        ? `You do not have the role for this. ${error.problem.detail}`
        : 'You do not have the role for this.';
    }
    return said;
  }
  return 'Something went wrong. Please try again.';
}
