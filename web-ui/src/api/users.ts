// Admin user management (role admin only; the server answers 403 to anyone else).
import { request } from './client';
import type { NewUser, UserAccount, UserChanges } from './types';

const base = '/api/admin/users';
const userPath = (username: string) => `${base}/${encodeURIComponent(username)}`;

export function listUsers(signal?: AbortSignal): Promise<UserAccount[]> {
  return request<UserAccount[]>(base, { signal });
}

export function createUser(user: NewUser): Promise<UserAccount> {
  return request<UserAccount>(base, { method: 'POST', json: user });
}

export function updateUser(username: string, changes: UserChanges): Promise<UserAccount> {
  return request<UserAccount>(userPath(username), { method: 'PATCH', json: changes });
}

export async function resetPassword(username: string, password: string): Promise<void> {
  await request<void>(`${userPath(username)}/password`, { method: 'PUT', json: { password } });
}
