import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import type { UserAccount } from '../../api/types';
import { resetPassword, updateUser } from '../../api/users';
import { RoleCheckboxes } from '../../components/RoleCheckboxes';
import { DateTime } from '../../components/DateTime';
import { RoleList } from '../../components/RoleList';
import { knownRoles } from '../../roles';

interface Props {
  user: UserAccount;
  /** Called with the server's updated user after a successful change. */
  onChanged(user: UserAccount): void;
}

type Mode = { kind: 'view' } | { kind: 'edit-roles'; roles: string[] } | { kind: 'reset-password'; password: string };

/** One user: shows the account and offers the three admin actions inline, one at a time. */
export function UserRow({ user, onChanged }: Props) {
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const passwordId = useId();

  // Runs one server action with shared busy / error / message handling.
  const run = async (action: () => Promise<void>, success: string) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setMessage(null);
    try {
      await action();
      setMode({ kind: 'view' });
      setMessage(success);
    } catch (failure) {
      setError(errorMessage(failure));
      if (failure instanceof ApiError) setFieldErrors(failure.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  const saveRoles = (roles: string[]) =>
    run(async () => onChanged(await updateUser(user.username, { roles })), 'Roles saved.');

  const toggleEnabled = () =>
    run(
      async () => onChanged(await updateUser(user.username, { enabled: !user.enabled })),
      user.enabled ? 'User disabled.' : 'User enabled.',
    );

  const submitPassword = (event: FormEvent<HTMLFormElement>, password: string) => {
    event.preventDefault();
    void run(() => resetPassword(user.username, password), 'Password changed.');
  };

  const startOver = (next: Mode) => {
    setError(null);
    setFieldErrors({});
    setMessage(null);
    setMode(next);
  };

  return (
    <tr data-username={user.username} data-enabled={String(user.enabled)} className={user.enabled ? undefined : 'is-disabled'}>
      <td data-testid="user-username">
        <code>{user.username}</code>
      </td>
      <td data-testid="user-display-name">{user.displayName}</td>
      <td data-testid="user-roles">
        {mode.kind === 'edit-roles' ? (
          <div className="inline-edit">
            <RoleCheckboxes
              name="edit-role"
              legend={`Roles of ${user.username}`}
              hideLegend
              selected={mode.roles}
              onChange={(roles) => setMode({ kind: 'edit-roles', roles })}
              disabled={busy}
              error={fieldErrors.roles}
            />
            <div className="inline-edit__actions">
              <button type="button" className="button button--primary button--small" data-testid="save-roles"
                disabled={busy} onClick={() => void saveRoles(mode.roles)}>
                Save
              </button>
              <button type="button" className="button button--ghost button--small" data-testid="cancel-roles"
                disabled={busy} onClick={() => startOver({ kind: 'view' })}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <RoleList roles={user.roles} />
        )}
      </td>
      <td data-testid="user-enabled">
        <span className={user.enabled ? 'status status--ok' : 'status status--off'}>{user.enabled ? 'Enabled' : 'Disabled'}</span>
      </td>
      <td data-testid="user-created">
        <DateTime iso={user.createdAt} />
      </td>
      <td data-testid="user-last-login">
        <DateTime iso={user.lastLoginAt} />
      </td>
      <td className="users-table__actions">
        <div className="row-actions">
          <button type="button" className="button button--small" data-testid="edit-roles" disabled={busy || mode.kind === 'edit-roles'}
            onClick={() => startOver({ kind: 'edit-roles', roles: knownRoles(user.roles) })}
            aria-label={`Edit roles of ${user.username}`}>
            Edit roles
          </button>
          <button type="button" className="button button--small" data-testid="toggle-enabled" disabled={busy}
            onClick={() => void toggleEnabled()} aria-label={`${user.enabled ? 'Disable' : 'Enable'} ${user.username}`}>
            {user.enabled ? 'Disable' : 'Enable'}
          </button>
          <button type="button" className="button button--small" data-testid="reset-password"
            disabled={busy || mode.kind === 'reset-password'}
            onClick={() => startOver({ kind: 'reset-password', password: '' })}
            aria-label={`Reset password of ${user.username}`}>
            Reset password
          </button>
        </div>
        {mode.kind === 'reset-password' && (
          <form className="inline-edit" onSubmit={(e) => submitPassword(e, mode.password)} noValidate>
            <label htmlFor={passwordId}>New password for {user.username}</label>
            <input id={passwordId} type="password" autoComplete="new-password" data-testid="reset-password-input"
              value={mode.password} autoFocus
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? `${passwordId}-error` : undefined}
              onChange={(e) => setMode({ kind: 'reset-password', password: e.target.value })} />
            {fieldErrors.password && (
              <p id={`${passwordId}-error`} className="field__error" data-testid="field-error-password">
                {fieldErrors.password}
              </p>
            )}
            <div className="inline-edit__actions">
              <button type="submit" className="button button--primary button--small" data-testid="reset-password-submit" disabled={busy}>
                Set password
              </button>
              <button type="button" className="button button--ghost button--small" disabled={busy}
                onClick={() => startOver({ kind: 'view' })}>
                Cancel
              </button>
            </div>
          </form>
        )}
        {error && (
          <p className="row-feedback row-feedback--error" role="alert" data-testid="row-error">
            {error}
          </p>
        )}
        {message && (
          <p className="row-feedback" role="status" data-testid="row-message">
            {message}
          </p>
        )}
      </td>
    </tr>
  );
}
