interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password';
  autoComplete?: string;
  /** Server-side validation message for this field. */
  error?: string;
  errorTestId?: string;
}

/** Label + input + (optional) field error, wired together for screen readers. */
export function TextField({ id, label, value, onChange, type = 'text', autoComplete, error, errorTestId }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errorId} className="field__error" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </div>
  );
}
