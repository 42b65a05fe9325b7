import { describe, expect, it } from 'vitest';
import { defaultComparison, summariseDiff, type RuleSetDiff, type RuleSetVersion } from './ruleSets';

const diff = (rules: RuleSetDiff['rules'], setChanges: RuleSetDiff['setChanges'] = []): RuleSetDiff => ({
  id: 'sepsis-bedside',
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  setChanges,
  rules,
});

const version = (v: string): RuleSetVersion => ({
  ruleSetId: 'sepsis-bedside',
  version: v,
  contentHash: 'h',
  createdBy: 'u',
  createdAt: '2026-11-27T08:00:00Z',
  reason: 'r',
});

describe('summariseDiff', () => {
  it('says when two versions do not differ', () => {
    expect(summariseDiff(diff([]))).toBe('No difference between 1.0.0 and 1.1.0');
  });

  it('counts rules by kind and set fields', () => {
    const d = diff(
      [
        { ruleId: 'a', kind: 'ADDED', fields: [] },
        { ruleId: 'b', kind: 'CHANGED', fields: [] },
        { ruleId: 'c', kind: 'CHANGED', fields: [] },
      ],
      [{ field: 'description', before: 'x', after: 'y' }],
    );
    expect(summariseDiff(d)).toBe('1 added, 2 changed, 0 removed; 1 rule-set field changed');
  });

  it('pluralises set fields', () => {
    const d = diff([], [
      { field: 'description', before: 'x', after: 'y' },
      { field: 'units.map', before: null, after: 'mm[Hg]' },
    ]);
    expect(summariseDiff(d)).toBe('0 added, 0 changed, 0 removed; 2 rule-set fields changed');
  });
});

describe('defaultComparison', () => {
  it('compares the two newest versions, older first', () => {
    expect(defaultComparison([version('1.0.0'), version('1.1.0'), version('2.0.0')])).toEqual(['1.1.0', '2.0.0']);
  });

  it('has nothing to compare with one version', () => {
    expect(defaultComparison([version('1.0.0')])).toBeNull();
  });
});
