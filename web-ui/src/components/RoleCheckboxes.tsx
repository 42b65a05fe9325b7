import { useId } from 'react';
import { ROLES, withRole } from '../roles';

interface Props {
  /** The checkbox `name`, which tests select on (e.g. "new-role"). */
  name: string;
  legend: string;
  /** Visually hide the legend where the surrounding table already says what this is. */
  hideLegend?: boolean;
  selected: readonly string[];
  onChange(roles: string[]): void;
  disabled?: boolean;
  error?: string;
}

/** One checkbox per known role, kept in canonical order. */
export function RoleCheckboxes({ name, legend, hideLegend, selected, onChange, disabled, error }: Props) {
  const id = useId();
  return (
    <fieldset className="role-checkboxes" disabled={disabled} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      <div className="role-checkboxes__options">
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={role}
              checked={selected.includes(role)}
              onChange={(e) => onChange(withRole(selected, role, e.target.checked))}
            />
            {role}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" data-testid="field-error-roles">
          {error}
        </p>
      )}
    </fieldset>
  );
}
