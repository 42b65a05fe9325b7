import { describe, expect, it } from 'vitest';
import {
  buildLearningCurveOption,
  curvePoints,
  learningCurveHeight,
  learningCurveSpec,
  MAX_POINTS_WITH_SYMBOLS,
  metricNames,
} from './learningCurve';
import { TIMELINE_COLORS } from './timeline';
import type { LineSeriesOption } from './types';

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('curvePoints', () => {
  it('pairs iterations with values, ordered by iteration', () => {
    expect(curvePoints({ iterations: [20, 0, 10], values: [0.2, 1, 0.5] })).toEqual([
      { iteration: 0, value: 1 },
      { iteration: 10, value: 0.5 },
      { iteration: 20, value: 0.2 },
    ]);
  });

  it('ignores unpaired entries and turns non-finite values into gaps', () => {
    const values = [1, null as unknown as number, Number.NaN, 4];
    expect(curvePoints({ iterations: [0, 1, 2], values })).toEqual([
      { iteration: 0, value: 1 },
      { iteration: 1, value: null },
      { iteration: 2, value: null },
    ]);
  });
});

describe('metricNames', () => {
  it('sorts names so charts keep their places', () => {
    const empty = { iterations: [], values: [] };
    expect(metricNames({ 'value/loss': empty, 'policy/entropy': empty, kl: empty })).toEqual(['kl', 'policy/entropy', 'value/loss']);
  });
});

describe('learningCurveSpec', () => {
  it('puts iterations on an index axis and the metric on one line series', () => {
    const spec = learningCurveSpec('loss', { iterations: [0, 50, 100], values: [2, 1, 0.5] }, 1);
    expect(spec.x).toMatchObject({ kind: 'index', values: [0, 50, 100], min: 0, max: 100, name: 'Iteration' });
    expect(spec.x.describe(1)).toBe('Iteration 50');
    expect(spec.panels).toHaveLength(1);
    expect(spec.panels[0]?.series).toEqual([
      expect.objectContaining({ name: 'loss', render: 'line', values: [2, 1, 0.5], color: TIMELINE_COLORS[1] }),
    ]);
  });

  it('gives a single point (or none) an axis with some width', () => {
    expect(learningCurveSpec('x', { iterations: [7], values: [1] }).x).toMatchObject({ min: 7, max: 8 });
    expect(learningCurveSpec('x', { iterations: [], values: [] }).x).toMatchObject({ min: 0, max: 1 });
  });
});

describe('buildLearningCurveOption', () => {
  it('builds one grid with x = iteration and y = value, without a y-axis name', () => {
    const option = buildLearningCurveOption('loss', { iterations: [0, 10, 20], values: [1, 0.6, 0.4] });
    expect(asArray(option.grid)).toHaveLength(1);
    const [x] = asArray(option.xAxis);
    expect(x).toMatchObject({ type: 'value', min: 0, max: 20, name: 'Iteration' });
    const [y] = asArray(option.yAxis);
    expect(y).toMatchObject({ type: 'value', name: undefined });
    const series = asArray(option.series) as LineSeriesOption[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ type: 'line', name: 'loss', showSymbol: true });
    expect(series[0]?.data).toEqual([
      [0, 1],
      [10, 0.6],
      [20, 0.4],
    ]);
  });

  it('drops the points of long curves', () => {
    const n = MAX_POINTS_WITH_SYMBOLS + 1;
    const iterations = Array.from({ length: n }, (_, i) => i);
    const option = buildLearningCurveOption('reward', { iterations, values: iterations.map((i) => i / n) });
    const series = asArray(option.series) as LineSeriesOption[];
    expect(series[0]?.showSymbol).toBe(false);
    expect(series[0]?.data).toHaveLength(n);
  });

  it('shows the iteration and value in the tooltip', () => {
    const option = buildLearningCurveOption('loss', { iterations: [0, 10], values: [1.234, 0.5] });
    const tooltip = asArray(option.tooltip)[0] as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ axisValue: 10 }]);
    expect(html).toContain('Iteration 10');
    expect(html).toContain('0.5');
    expect(html).toContain('loss');
  });

  it('has a fixed height', () => {
    expect(learningCurveHeight()).toBeGreaterThan(100);
  });
});
