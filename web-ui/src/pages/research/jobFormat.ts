// How an ingestion job's progress reads on screen: fraction done, rate, time left. Pure, so it is tested
// without a browser. Locale is a parameter for deterministic tests; the app passes none.
import type { IngestionJob, JobProgress, JobState } from '../../api/types';
import { formatInteger } from '../../format';

/** Fraction of units done in [0, 1]; null while the total is unknown (-1) — the bar is then indeterminate. */
export function progressFraction(progress: JobProgress, state?: JobState): number | null {
  if (state === 'SUCCEEDED') return 1;
  const { unitsDone, unitsTotal } = progress;
  if (!Number.isFinite(unitsTotal) || unitsTotal <= 0) return null;
  return Math.min(1, Math.max(0, unitsDone / unitsTotal));
}

export function formatPercent(fraction: number): string {
  return `${Math.floor(fraction * 100)}%`;
}

/** "1,250 resources/s", "3.5 resources/s" (one decimal below 10), "–" when unknown. */
export function formatRate(resourcesPerSecond: number, locale?: string): string {
  if (!Number.isFinite(resourcesPerSecond) || resourcesPerSecond < 0) return '–';
  const digits = resourcesPerSecond > 0 && resourcesPerSecond < 10 ? 1 : 0;
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    resourcesPerSecond,
  );
  return `${text} resources/s`;
}

/** A duration in whole seconds as "45 s", "3 min 05 s", "2 h 04 min" (rounded up: never promise too early). */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const min = Math.floor(total / 60);
    const sec = total % 60;
    return sec === 0 ? `${min} min` : `${min} min ${String(sec).padStart(2, '0')} s`;
  }
  const hours = Math.floor(total / 3600);
  const min = Math.ceil((total % 3600) / 60);
  if (min === 60) return `${hours + 1} h`;
  return min === 0 ? `${hours} h` : `${hours} h ${String(min).padStart(2, '0')} min`;
}

/** "about 3 min 05 s left"; "almost done" under a second; "time left unknown" when the server cannot tell. */
export function formatEta(etaSeconds: number | null): string {
  if (etaSeconds === null || !Number.isFinite(etaSeconds) || etaSeconds < 0) return 'time left unknown';
  if (etaSeconds < 1) return 'almost done';
  return `about ${formatDuration(etaSeconds)} left`;
}

export interface ProgressView {
  /** null = indeterminate bar. */
  fraction: number | null;
  /** "40% · 4 of 10" or, while the total is unknown, "4 done, total not known yet". */
  units: string;
  resources: string;
  rate: string;
  /** Empty once the job has ended. */
  eta: string;
}

/** Everything the progress panel prints about a job. */
export function describeProgress(job: Pick<IngestionJob, 'state' | 'progress'>, locale?: string): ProgressView {
  const { progress, state } = job;
  const fraction = progressFraction(progress, state);
  const done = formatInteger(progress.unitsDone, locale);
  const known = progress.unitsTotal > 0;
  const running = state === 'RUNNING' || state === 'QUEUED';
  // What a unit is (file, page, byte range) is the server's business: only counts are shown.
  const units = known
    ? `${formatPercent(fraction ?? 0)} · ${done} of ${formatInteger(progress.unitsTotal, locale)}`
    : running
      ? `${done} done, total not known yet`
      : `${done} done`;
  return {
    fraction,
    units,
    resources: formatInteger(progress.resources, locale),
    rate: state === 'QUEUED' ? '–' : formatRate(progress.resourcesPerSecond, locale),
    eta: running ? (state === 'QUEUED' ? 'waiting to start' : formatEta(progress.etaSeconds)) : '',
  };
}
