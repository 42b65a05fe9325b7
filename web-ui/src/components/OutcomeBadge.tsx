import type { EpisodeOutcome } from '../api/types';

/** The words for an outcome: the server's label, else "Died <date>" / "Survived" / "Outcome unknown". */
export function outcomeText(outcome: Pick<EpisodeOutcome, 'died' | 'deathTime' | 'label'>): string {
  const label = outcome.label?.trim();
  if (label) return label;
  if (outcome.died === true) return outcome.deathTime ? `Died ${outcome.deathTime.slice(0, 10)}` : 'Died';
  if (outcome.died === false) return 'Survived';
  return 'Outcome unknown';
}

export function outcomeTone(died: boolean | null): 'danger' | 'ok' | 'neutral' {
  return died === true ? 'danger' : died === false ? 'ok' : 'neutral';
}

interface Props {
  outcome: Pick<EpisodeOutcome, 'died' | 'deathTime' | 'label'>;
  testId?: string;
}

/** Died (red), survived (green) or unknown (grey). */
export function OutcomeBadge({ outcome, testId }: Props) {
  const died = outcome.died;
  return (
    <span
      className={`badge badge--${outcomeTone(died)}`}
      data-testid={testId}
      data-died={died === null ? 'unknown' : String(died)}
    >
      {outcomeText(outcome)}
    </span>
  );
}
