import { describe, expect, it } from 'vitest';
import { auditSeq, doseText, rulesByConcern, type DoseView } from './patients';

const dose = (over: Partial<DoseView>): DoseView => ({
  action: 'iv_fluid',
  dose: 750,
  unit: 'mL',
  display: '750 mL',
  bin: 2,
  binLow: 500,
  binHigh: 1000,
  ...over,
});

describe('auditSeq', () => {
  it('reads a whole number', () => {
    expect(auditSeq('42')).toBe(42);
    expect(auditSeq(' 7 ')).toBe(7);
  });
  it('is null when absent or malformed', () => {
    expect(auditSeq(null)).toBeNull();
    expect(auditSeq('x1')).toBeNull();
    expect(auditSeq('-3')).toBeNull();
  });
});

describe('doseText', () => {
  it('names the bin and its range', () => {
    expect(doseText(dose({}))).toBe('750 mL (bin 2: 500–1000)');
  });
  it('says none for bin 0 and open-ended for the top bin', () => {
    expect(doseText(dose({ bin: 0, binLow: null, binHigh: null, display: '0 mL' }))).toBe('0 mL (bin 0: none)');
    expect(doseText(dose({ bin: 4, binLow: 2000, binHigh: null, display: '2500 mL' }))).toBe('2500 mL (bin 4: > 2000)');
  });
});

describe('rulesByConcern', () => {
  it('puts violated rules first and keeps the order within groups', () => {
    const rules = [
      { ruleId: 'a', status: 'SATISFIED', cost: 0, rationale: '' },
      { ruleId: 'b', status: 'VIOLATED', cost: 1, rationale: '' },
      { ruleId: 'c', status: 'NOT_EVALUABLE', cost: 0, rationale: '' },
      { ruleId: 'd', status: 'VIOLATED', cost: 1, rationale: '' },
    ];
    expect(rulesByConcern(rules).map((r) => r.ruleId)).toEqual(['b', 'd', 'a', 'c']);
  });
});
