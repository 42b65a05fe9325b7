// Ingestion issue kinds: a few are informational (expected in real data, nothing is wrong), all others are
// errors. Kinds the UI has never heard of count as errors, so nothing worrying is ever played down.

export const INFORMATIONAL_KINDS: ReadonlySet<string> = new Set(['UNMAPPED_CODE', 'PATIENT_EXCLUDED']);

export type IssueSeverity = 'error' | 'informational';

export function issueSeverity(kind: string): IssueSeverity {
  return INFORMATIONAL_KINDS.has(kind) ? 'informational' : 'error';
}

export interface IssueRow {
  kind: string;
  count: number;
  severity: IssueSeverity;
}

/** Issue kinds as rows: errors first, then informational; within each the most frequent first. */
export function issueRows(issuesByKind: Record<string, number>): IssueRow[] {
  return Object.entries(issuesByKind)
    .map(([kind, count]) => ({ kind, count, severity: issueSeverity(kind) }))
    .sort(
      (a, b) =>
        Number(a.severity === 'informational') - Number(b.severity === 'informational') ||
        b.count - a.count ||
        a.kind.localeCompare(b.kind),
    );
}

/** "ENCOUNTER_NOT_FOUND" → "Encounter not found". */
export function kindLabel(kind: string): string {
  const words = kind.toLowerCase().replace(/_+/g, ' ').trim();
  return words === '' ? kind : words.charAt(0).toUpperCase() + words.slice(1);
}
