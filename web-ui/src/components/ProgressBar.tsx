interface Props {
  /** In [0, 1]; null for an indeterminate bar (the total is not known yet). */
  fraction: number | null;
  label: string;
  tone?: 'normal' | 'success' | 'error';
}

export function ProgressBar({ fraction, label, tone = 'normal' }: Props) {
  const percent = fraction === null ? undefined : Math.round(fraction * 100);
  const classes = ['progress', `progress--${tone}`, fraction === null ? 'progress--indeterminate' : ''].filter(Boolean);
  return (
    <div
      className={classes.join(' ')}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid="progress-bar"
    >
      <div className="progress__bar" style={percent === undefined ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
