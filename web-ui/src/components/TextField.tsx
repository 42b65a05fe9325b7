interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'url';
  autoComplete?: string;
  placeholder?: string;
  /** A line of help under the input. */
  hint?: string;
  /** Server-side validation message for this field. */
  error?: string;
  errorTestId?: string;
}

/** Label + input + (optional) hint and field error, wired together for screen readers. */
export function TextField({ id, label, value, onChange, type = 'text', autoComplete, placeholder, hint, error, errorTestId }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </div>
  );
}
