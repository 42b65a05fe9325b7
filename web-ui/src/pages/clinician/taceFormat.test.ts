import { describe, expect, it } from 'vitest';
import type { RankedPlan } from '../../api/tace';
import { slicePath } from '../../api/tace';
import {
  curvePoints,
  evaluationTables,
  formatCell,
  formatDays,
  formatRisk,
  patientLabel,
  ruleId,
  survivalChartOption,
} from './taceFormat';

const plan = (rank: number, days: number[], survival: number[]): RankedPlan => ({
  rank,
  protocol: `P${rank}`,
  components: [],
  risk: 1,
  riskLow: 0.9,
  riskHigh: 1.1,
  medianSurvivalDays: null,
  curveDays: days,
  curveSurvival: survival,
  predictedTumourMl: 1,
  preTumourMl: 2,
  safetyFlags: [],
  recommended: false,
  hasImages: true,
});

describe('formatRisk', () => {
  it('shows the risk with its interval to three decimals', () => {
    expect(formatRisk({ risk: 1.23456, riskLow: 1.1, riskHigh: 1.4 })).toBe('1.235 (1.100–1.400)');
  });
  it('says n/a for values that are not finite', () => {
    expect(formatRisk({ risk: Number.NaN, riskLow: 0, riskHigh: Infinity })).toBe('n/a (0.000–n/a)');
  });
});

describe('formatDays', () => {
  it('rounds to whole days with a thousands separator', () => {
    expect(formatDays(1234.6)).toBe('1,235 d');
    expect(formatDays(0)).toBe('0 d');
  });
  it('says not reached when there is no median', () => {
    expect(formatDays(null)).toBe('not reached');
    expect(formatDays(Number.POSITIVE_INFINITY)).toBe('not reached');
  });
});

describe('patientLabel', () => {
  it('lists the known covariates after the id', () => {
    expect(patientLabel({ id: 'p1', age: 63.4, childPugh: 'B', bclc: 'C', bilirubin: 3.25, afp: null, planned: false }))
      .toBe('p1 — 63 y, Child-Pugh B, BCLC C, bilirubin 3.3 mg/dL');
  });
  it('is the bare id when nothing is known', () => {
    expect(patientLabel({ id: 'p2', age: null, childPugh: null, bclc: null, bilirubin: null, afp: null, planned: false }))
      .toBe('p2');
  });
});

describe('ruleId', () => {
  it('keeps the part before the first colon', () => {
    expect(ruleId('tace.child-pugh-c: Child-Pugh class C')).toBe('tace.child-pugh-c');
    expect(ruleId('no-colon')).toBe('no-colon');
  });
});

describe('survivalChartOption', () => {
  it('draws one step line per top plan as [day, survival] pairs on a 0..1 axis', () => {
    const option = survivalChartOption(
      [plan(1, [0, 100, 200], [1, 0.8, 0.5]), plan(2, [0, 300], [1, 0.4]), plan(3, [0], [1]), plan(4, [0], [1])],
      3,
    );
    const series = option.series as { name: string; step: string; data: number[][] }[];
    expect(series.map((s) => s.name)).toEqual(['#1 P1', '#2 P2', '#3 P3']);
    expect(series[0]?.data).toEqual([[0, 1], [100, 0.8], [200, 0.5]]);
    expect(series[0]?.step).toBe('end');
    expect(option.xAxis).toMatchObject({ min: 0, max: 300 });
    const odd = survivalChartOption([plan(1, [0, 1403.6], [1, 0.2])], 3);
    expect(odd.xAxis).toMatchObject({ max: 1500 });
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
  });
});

describe('curvePoints', () => {
  it('starts the curve at day 0 with survival 1 when the first event comes later', () => {
    expect(curvePoints({ curveDays: [120, 180], curveSurvival: [0.6, 0.4] })).toEqual([[0, 1], [120, 0.6], [180, 0.4]]);
    expect(curvePoints({ curveDays: [0, 50], curveSurvival: [1, 0.9] })).toEqual([[0, 1], [50, 0.9]]);
    expect(curvePoints({ curveDays: [], curveSurvival: [] })).toEqual([[0, 1]]);
  });
});

describe('evaluationTables', () => {
  it('finds arrays of objects, the MeWM tables first, columns in first-seen order', () => {
    const tables = evaluationTables({
      format: 'x',
      other: [{ a: 1 }],
      protocolSelection: { rows: [{ method: 'world model', f1: 0.5 }, { method: 'random', f1: 0.2, top1: 0.1 }] },
      simulationQuality: [{ method: 'world model', dice: 0.81 }],
    });
    expect(tables.map((t) => t.key)).toEqual(['simulationQuality', 'protocolSelection', 'other']);
    expect(tables[1]?.columns).toEqual(['method', 'f1', 'top1']);
    expect(tables[0]?.title).toBe('Simulation quality (held-out patients)');
  });
  it('is empty for anything that is not an object', () => {
    expect(evaluationTables(null)).toEqual([]);
    expect(evaluationTables([{ a: 1 }])).toEqual([]);
    expect(evaluationTables({ empty: [] })).toEqual([]);
  });
});

describe('formatCell', () => {
  it('writes numbers compactly and other values as text', () => {
    expect(formatCell(0.123456)).toBe('0.1235');
    expect(formatCell(1234.56)).toBe('1234.6');
    expect(formatCell(12)).toBe('12');
    expect(formatCell(Number.NaN)).toBe('n/a');
    expect(formatCell(true)).toBe('yes');
    expect(formatCell(null)).toBe('');
  });
});

describe('slicePath', () => {
  it('encodes the patient id and names rank, z and kind', () => {
    expect(slicePath('a/b', 2, 7, 'post')).toBe('/api/tace/patients/a%2Fb/plans/2/slices/7?kind=post');
  });
});
