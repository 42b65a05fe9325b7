import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchCurrentUser, login, logout } from './auth';
import { ApiError, onUnauthorized } from './client';
import { fetchSystemInfo } from './system';
import { createUser, listUsers, resetPassword, updateUser } from './users';
import { jsonResponse, problemResponse, stubFetch } from './testing';

afterEach(() => {
  vi.unstubAllGlobals();
});

const ada = {
  username: 'ada',
  displayName: 'Ada Lovelace',
  roles: ['clinician'],
  enabled: true,
  createdAt: '2025-01-02T03:04:05Z',
  lastLoginAt: null,
};

describe('auth endpoints', () => {
  it('logs in with a form post to j_security_check', async () => {
    const { calls } = stubFetch(new Response('<html>landing</html>', { status: 200 }));
    await login('ada', 's3cret');
    expect(calls[0]?.url).toBe('/j_security_check');
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: 'j_username=ada&j_password=s3cret',
    });
  });

  it('rejects a wrong password with a 401 ApiError and does not report an expired session', async () => {
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    stubFetch(new Response(null, { status: 401 }));
    await expect(login('ada', 'nope')).rejects.toMatchObject({ status: 401 });
    expect(listener).not.toHaveBeenCalled();
    off();
  });

  it('reads the current user from /api/me', async () => {
    const me = { username: 'ada', displayName: 'Ada Lovelace', roles: ['clinician', 'admin'] };
    const { calls } = stubFetch(jsonResponse(200, me));
    await expect(fetchCurrentUser()).resolves.toEqual(me);
    expect(calls[0]?.url).toBe('/api/me');
  });

  it('logs out with POST /api/auth/logout (204)', async () => {
    const { calls } = stubFetch(new Response(null, { status: 204 }));
    await expect(logout()).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ url: '/api/auth/logout', init: { method: 'POST' } });
  });
});

describe('system endpoint', () => {
  it('reads /api/system/info', async () => {
    const info = { version: '0.1.0', codeVersion: 'abc123', databaseKind: 'postgresql' };
    stubFetch(jsonResponse(200, info));
    await expect(fetchSystemInfo()).resolves.toEqual(info);
  });
});

describe('admin user endpoints', () => {
  it('lists users', async () => {
    const { calls } = stubFetch(jsonResponse(200, [ada]));
    await expect(listUsers()).resolves.toEqual([ada]);
    expect(calls[0]?.url).toBe('/api/admin/users');
  });

  it('creates a user with a JSON POST', async () => {
    const { calls } = stubFetch(jsonResponse(201, ada));
    const created = await createUser({ username: 'ada', displayName: 'Ada Lovelace', password: 'pw', roles: ['clinician'] });
    expect(created).toEqual(ada);
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      username: 'ada',
      displayName: 'Ada Lovelace',
      password: 'pw',
      roles: ['clinician'],
    });
  });

  it('patches only the given fields and encodes the username in the path', async () => {
    const { calls } = stubFetch(jsonResponse(200, { ...ada, enabled: false }));
    await updateUser('a/b c', { enabled: false });
    expect(calls[0]?.url).toBe('/api/admin/users/a%2Fb%20c');
    expect(calls[0]?.init.method).toBe('PATCH');
    expect(calls[0]?.init.body).toBe('{"enabled":false}');
  });

  it('resets a password with PUT …/password (204)', async () => {
    const { calls } = stubFetch(new Response(null, { status: 204 }));
    await expect(resetPassword('ada', 'n3w')).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ url: '/api/admin/users/ada/password', init: { method: 'PUT', body: '{"password":"n3w"}' } });
  });

  it('surfaces validation errors per field', async () => {
    stubFetch(
      problemResponse(400, {
        title: 'Constraint Violation',
        detail: 'The user is not valid',
        errors: [{ field: 'create.user.username', message: 'must not be blank' }],
      }),
    );
    const error = (await createUser({ username: '', displayName: '', password: '', roles: [] }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fieldErrors()).toEqual({ username: 'must not be blank' });
  });
});
