import { formatDateParts } from '../format';

/** An instant as date over time, with the exact ISO value as a tooltip; "never" when absent. */
export function DateTime({ iso }: { iso: string | null }) {
  if (iso === null || iso === '') return <span className="muted">never</span>;
  const parts = formatDateParts(iso);
  if (!parts) return <span>{iso}</span>;
  return (
    <time className="datetime" dateTime={iso} title={iso}>
      <span className="datetime__date">{parts.date}</span> <span className="datetime__time">{parts.time}</span>
    </time>
  );
}
