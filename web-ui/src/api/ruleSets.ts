// Safety rule sets: list, versions, one version's rules, the difference between two versions, publishing an
// edit (researcher or admin). Everyone signed in may read.
import { request } from './client';

export interface RuleSetSummary {
  id: string;
  latestVersion: string;
  versionCount: number;
  description: string;
}

export interface RuleSetVersion {
  ruleSetId: string;
  version: string;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  reason: string;
}

export interface RuleView {
  id: string;
  condition: string;
  weight: number;
  rationale: string;
  source: string;
  unit: string | null;
}

export interface RuleSetVersionDetail {
  version: RuleSetVersion;
  description: string;
  units: Record<string, string>;
  rules: RuleView[];
  yaml: string;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

export interface RuleChange {
  ruleId: string;
  kind: ChangeKind;
  fields: FieldChange[];
}

export interface RuleSetDiff {
  id: string;
  fromVersion: string;
  toVersion: string;
  setChanges: FieldChange[];
  rules: RuleChange[];
}

const base = '/api/rule-sets';
const setPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function listRuleSets(signal?: AbortSignal): Promise<RuleSetSummary[]> {
  return request<RuleSetSummary[]>(base, { signal });
}

export function listRuleSetVersions(id: string, signal?: AbortSignal): Promise<RuleSetVersion[]> {
  return request<RuleSetVersion[]>(`${setPath(id)}/versions`, { signal });
}

export function getRuleSetVersion(id: string, version: string, signal?: AbortSignal): Promise<RuleSetVersionDetail> {
  return request<RuleSetVersionDetail>(`${setPath(id)}/versions/${encodeURIComponent(version)}`, { signal });
}

export function diffRuleSetVersions(id: string, from: string, to: string, signal?: AbortSignal): Promise<RuleSetDiff> {
  const query = new URLSearchParams({ from, to });
  return request<RuleSetDiff>(`${setPath(id)}/diff?${query.toString()}`, { signal });
}

/** Counts for a one-line summary of a difference: "1 added, 2 changed, 0 removed; 1 set field". */
export function summariseDiff(diff: RuleSetDiff): string {
  const count = (kind: ChangeKind) => diff.rules.filter((r) => r.kind === kind).length;
  if (diff.rules.length === 0 && diff.setChanges.length === 0) {
    return `No difference between ${diff.fromVersion} and ${diff.toVersion}`;
  }
  const fields = diff.setChanges.length;
  return (
    `${count('ADDED')} added, ${count('CHANGED')} changed, ${count('REMOVED')} removed` +
    (fields > 0 ? `; ${fields} rule-set field${fields === 1 ? '' : 's'} changed` : '')
  );
}

/** The two newest versions, older first, as the default comparison; null when there is only one. */
export function defaultComparison(versions: readonly RuleSetVersion[]): [string, string] | null {
  const older = versions[versions.length - 2];
  const newer = versions[versions.length - 1];
  return older && newer ? [older.version, newer.version] : null;
}
