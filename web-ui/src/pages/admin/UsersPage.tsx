import { useCallback, useEffect, useState } from 'react';
import type { UserAccount } from '../../api/types';
import { listUsers } from '../../api/users';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NewUserForm } from './NewUserForm';
import { UserRow } from './UserRow';

const byUsername = (a: UserAccount, b: UserAccount) => a.username.localeCompare(b.username);

export function AdminUsersPage() {
  const [users, setUsers] = useState<UserAccount[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const list = await listUsers(signal);
      setUsers([...list].sort(byUsername));
      setLoadError(null);
    } catch (error) {
      if (!signal?.aborted) setLoadError(error);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const replaceUser = (updated: UserAccount) =>
    setUsers((list) => list?.map((u) => (u.username === updated.username ? updated : u)) ?? null);

  return (
    <section className="page" data-testid="page-admin-users" aria-labelledby="users-title">
      <header className="page__header">
        <h1 id="users-title">Users</h1>
        <p className="page__lead">Who can sign in to Vigil and which roles they hold.</p>
      </header>

      {loadError !== null && <ErrorNotice error={loadError} testId="users-error" />}

      <div className="table-wrap">
        <table className="table users-table" data-testid="users-table" aria-busy={users === null && loadError === null}>
          <caption className="visually-hidden">User accounts</caption>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Display name</th>
              <th scope="col">Roles</th>
              <th scope="col">Enabled</th>
              <th scope="col">Created</th>
              <th scope="col">Last login</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users?.map((user) => <UserRow key={user.username} user={user} onChanged={replaceUser} />)}
          </tbody>
        </table>
        {users === null && loadError === null && <p className="table-wrap__status muted" role="status">Loading users…</p>}
        {users?.length === 0 && <p className="table-wrap__status muted">No users.</p>}
      </div>

      <NewUserForm onCreated={() => reload()} />
    </section>
  );
}
