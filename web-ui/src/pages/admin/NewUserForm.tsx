import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import type { UserAccount } from '../../api/types';
import { createUser } from '../../api/users';
import { RoleCheckboxes } from '../../components/RoleCheckboxes';
import { TextField } from '../../components/TextField';

const EMPTY = { username: '', displayName: '', password: '', roles: [] as string[] };

/** "New user" form. Validation is the server's: its field errors are shown next to the fields. */
export function NewUserForm({ onCreated }: { onCreated(user: UserAccount): Promise<void> | void }) {
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);

  const set = (field: 'username' | 'displayName' | 'password') => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    setFieldErrors({});
    setCreated(null);
    try {
      const user = await createUser({ ...values, username: values.username.trim() });
      setValues(EMPTY);
      setCreated(user.username);
      await onCreated(user);
    } catch (error) {
      setFormError(errorMessage(error));
      if (error instanceof ApiError) setFieldErrors(error.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="new-user-title" data-testid="new-user-form">
      <h2 id="new-user-title">New user</h2>
      <div className="form__grid">
        <TextField id="new-username" label="Username" value={values.username} onChange={set('username')}
          autoComplete="off" error={fieldErrors.username} errorTestId="field-error-username" />
        <TextField id="new-display-name" label="Display name" value={values.displayName} onChange={set('displayName')}
          autoComplete="off" error={fieldErrors.displayName} errorTestId="field-error-displayName" />
        <TextField id="new-password" label="Initial password" type="password" value={values.password}
          onChange={set('password')} autoComplete="new-password" error={fieldErrors.password}
          errorTestId="field-error-password" />
      </div>
      <RoleCheckboxes name="new-role" legend="Roles" selected={values.roles}
        onChange={(roles) => setValues((v) => ({ ...v, roles }))} error={fieldErrors.roles} />
      {formError && (
        <div className="notice notice--error" role="alert" data-testid="form-error">
          {formError}
        </div>
      )}
      {created && (
        <div className="notice notice--success" role="status" data-testid="form-success">
          User <strong>{created}</strong> created.
        </div>
      )}
      <div className="form__actions">
        <button id="create-user" type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
