// Session endpoints: Quarkus form login, the "who am I" probe and logout.
import { request } from './client';
import type { CurrentUser } from './types';

/** Form login; resolves on 200, throws ApiError (401 = unknown user or wrong password). */
export async function login(username: string, password: string): Promise<void> {
  await request<unknown>('/j_security_check', {
    method: 'POST',
    form: { j_username: username, j_password: password },
    reportUnauthorized: false,
    ignoreBody: true,
  });
}

/**
 * The signed-in user. `reportUnauthorized` is false for the startup probe (401 just means "not signed in")
 * and true everywhere else.
 */
export function fetchCurrentUser(reportUnauthorized = false): Promise<CurrentUser> {
  return request<CurrentUser>('/api/me', { reportUnauthorized });
}

export async function logout(): Promise<void> {
  await request<void>('/api/auth/logout', { method: 'POST', reportUnauthorized: false });
}
