import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_FAILURE, errorMessage, fieldKey, onUnauthorized, request, toProblem } from './client';
import { jsonResponse, problemResponse, stubFetch } from './testing';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('toProblem', () => {
  it('copies the RFC 9457 fields and field errors', () => {
    const problem = toProblem(400, {
      type: 'https://vigil.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'username must not be blank',
      instance: '/api/admin/users',
      errors: [{ field: 'create.request.username', message: 'must not be blank' }],
    });
    expect(problem).toEqual({
      type: 'https://vigil.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'username must not be blank',
      instance: '/api/admin/users',
      errors: [{ field: 'create.request.username', message: 'must not be blank' }],
    });
  });

  it('falls back to a title from the status when the body is not a problem', () => {
    expect(toProblem(503, null)).toMatchObject({ title: 'The server is not available', status: 503, errors: [] });
    expect(toProblem(418, 'teapot').title).toBe('The request failed');
    expect(toProblem(599, [1, 2]).title).toBe('The server had an error');
  });

  it('drops fields of the wrong type and malformed field errors instead of showing them', () => {
    const problem = toProblem(500, {
      title: 42,
      detail: { stack: 'java.lang.NullPointerException' },
      errors: [null, 'x', { field: 'a' }, { field: 7, message: 'kept, field unknown' }],
    });
    expect(problem.title).toBe('The server had an internal error');
    expect(problem.detail).toBeUndefined();
    expect(problem.errors).toEqual([{ field: '', message: 'kept, field unknown' }]);
  });
});

describe('fieldKey', () => {
  it('reduces bean-validation property paths to the form field name', () => {
    expect(fieldKey('create.request.username')).toBe('username');
    expect(fieldKey('displayName')).toBe('displayName');
    expect(fieldKey('body.roles[0]')).toBe('roles');
    expect(fieldKey('roles[]')).toBe('roles');
  });
});

describe('ApiError.fieldErrors', () => {
  it('keys by field name and keeps the first message per field', () => {
    const error = new ApiError(
      toProblem(400, {
        errors: [
          { field: 'create.request.password', message: 'too short' },
          { field: 'create.request.password', message: 'second message' },
          { field: 'create.request.roles', message: 'unknown role' },
        ],
      }),
    );
    expect(error.fieldErrors()).toEqual({ password: 'too short', roles: 'unknown role' });
  });
});

describe('request', () => {
  it('sends JSON with same-origin credentials and returns the parsed body', async () => {
    const { calls } = stubFetch(jsonResponse(200, { ok: true }));
    const result = await request<{ ok: boolean }>('/api/x', { method: 'POST', json: { a: 1 } });
    expect(result).toEqual({ ok: true });
    expect(calls[0]?.url).toBe('/api/x');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' });
    expect((calls[0]?.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends form bodies url-encoded', async () => {
    const { calls } = stubFetch(new Response(null, { status: 200 }));
    await request('/j_security_check', { method: 'POST', form: { j_username: 'a b', j_password: 'p&q=' } });
    expect(calls[0]?.init.body).toBe('j_username=a+b&j_password=p%26q%3D');
    expect((calls[0]?.init.headers as Record<string, string>)['Content-Type']).toBe(
      'application/x-www-form-urlencoded',
    );
  });

  it('returns undefined for 204 and for empty bodies', async () => {
    stubFetch(new Response(null, { status: 204 }), new Response('', { status: 200 }));
    await expect(request('/api/a')).resolves.toBeUndefined();
    await expect(request('/api/b')).resolves.toBeUndefined();
  });

  it('does not read the body when asked not to (login may redirect to an HTML page)', async () => {
    stubFetch(new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(request('/j_security_check', { ignoreBody: true })).resolves.toBeUndefined();
  });

  it('rejects a successful answer that is not JSON', async () => {
    stubFetch(new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(request('/api/x')).rejects.toMatchObject({ problem: { title: 'Unexpected answer from the server' } });
  });

  it('throws ApiError with the parsed problem detail', async () => {
    stubFetch(
      problemResponse(409, { title: 'Conflict', detail: 'User ada already exists', instance: '/api/admin/users' }),
    );
    const error = await request('/api/admin/users').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: 'User ada already exists' });
    expect((error as ApiError).problem.detail).toBe('User ada already exists');
  });

  it('never exposes a non-JSON error body (HTML error page, stack trace)', async () => {
    stubFetch(
      new Response('java.lang.IllegalStateException\n\tat dev.vigil.Foo', {
        status: 500,
        headers: { 'Content-Type': 'text/plain' },
      }),
    );
    const error = (await request('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.problem.detail).toBeUndefined();
    expect(errorMessage(error)).toBe('The server had an internal error');
  });

  it('survives a problem+json body that is not valid JSON', async () => {
    stubFetch(new Response('{broken', { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = (await request('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(errorMessage(error)).toBe('The request was not accepted');
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = (await request('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(NETWORK_FAILURE);
    expect(errorMessage(error)).toMatch(/did not answer/);
  });

  it('lets an abort pass through unchanged', async () => {
    stubFetch(new DOMException('aborted', 'AbortError'));
    await expect(request('/api/x')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a 401 to the session listener unless told not to', async () => {
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);
    stubFetch(problemResponse(401, { title: 'Unauthorized' }), problemResponse(401, { title: 'Unauthorized' }));
    await expect(request('/api/x')).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledTimes(1);
    await expect(request('/api/me', { reportUnauthorized: false })).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('does not report other statuses as an expired session', async () => {
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);
    stubFetch(problemResponse(403, { title: 'Forbidden' }));
    await expect(request('/api/admin/users')).rejects.toBeInstanceOf(ApiError);
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });
});

describe('errorMessage', () => {
  it('prefers detail, then title', () => {
    expect(errorMessage(new ApiError(toProblem(400, { title: 'Bad', detail: 'Password too short' })))).toBe(
      'Password too short',
    );
    expect(errorMessage(new ApiError(toProblem(404, { title: 'No such user' })))).toBe('No such user');
  });

  it('phrases 403 as a missing role', () => {
    expect(errorMessage(new ApiError(toProblem(403, {})))).toBe('You do not have the role for this.');
    expect(errorMessage(new ApiError(toProblem(403, { detail: 'admin role required' })))).toBe(
      'You do not have the role for this. admin role required',
    );
  });

  it('has a generic sentence for anything that is not an ApiError', () => {
    expect(errorMessage(new Error('x is undefined'))).toBe('Something went wrong. Please try again.');
  });
});
