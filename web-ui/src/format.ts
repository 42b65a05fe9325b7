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
