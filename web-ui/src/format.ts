// Display formatting shared by pages. Locale and time zone are parameters so tests are deterministic;
// the app passes none and gets the browser's.

export interface DateTimeParts {
  date: string;
  time: string;
}

/** Date and time of an ISO-8601 instant as separate strings (tables show them on two lines); null if not a date. */
export function formatDateParts(iso: string, locale?: string, timeZone?: string): DateTimeParts | null {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return null;
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date),
  };
}

/** A readable date and time for an ISO-8601 instant; "never" for null; the raw text if it is not a date. */
export function formatDateTime(iso: string | null, locale?: string, timeZone?: string): string {
  if (iso === null || iso === '') return 'never';
  const parts = formatDateParts(iso, locale, timeZone);
  return parts ? `${parts.date}, ${parts.time}` : iso;
}

/** Minutes in an ISO-8601 duration such as "PT4H", "PT30M", "P1D", "PT1H30M"; null when it is not one. */
export function isoDurationMinutes(iso: string): number | null {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    iso.trim(),
  );
  if (!match || iso.trim() === 'P' || iso.trim().endsWith('T')) return null;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(m ?? 0) + Number(s ?? 0) / 60;
}

/** A length of time given in minutes, as "4 h", "30 min", "1 h 30 min", "1 d". */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return '–';
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Whole numbers with the locale's grouping: 12,345. */
export function formatInteger(n: number, locale?: string): string {
  return Number.isFinite(n) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n) : '–';
}
