import { describe, expect, it } from 'vitest';
import {
  barPoints,
  buildTimelineOption,
  MARKER_ROW,
  nearestPosition,
  positionAt,
  splitImputed,
  stepPoints,
  timelineHeight,
  tooltipHtml,
  type TimelineSpec,
} from './timeline';
import type { LineSeriesOption } from './types';

const HOUR = 3_600_000;
const t0 = Date.UTC(2024, 1, 29, 8);
const xs = [0, 1, 2, 3, 4, 5].map((i) => t0 + i * 4 * HOUR);

function spec(overrides: Partial<TimelineSpec> = {}): TimelineSpec {
  return {
    x: {
      kind: 'time',
      values: xs,
      min: xs[0]! - HOUR,
      max: xs[5]! + 4 * HOUR,
      step: 4 * HOUR,
      name: 'Bloc start (UTC)',
      describe: (i) => `Step ${i}`,
    },
    panels: [
      {
        id: 'heart_rate',
        series: [
          {
            id: 'heart_rate',
            name: 'Heart rate',
            unit: '/min',
            values: [90, null, 100, 100, 100, 95],
            imputed: [false, true, false, true, true, false],
            render: 'line',
            color: '#0e6b78',
          },
        ],
      },
      {
        id: 'treatments',
        series: [
          { id: 'iv_fluid', name: 'IV fluid', unit: 'mL', values: [0, 500, null, 250, 0, 0], render: 'bar', color: '#2f7fc1', fromZero: true },
          {
            id: 'vasopressor',
            name: 'Vasopressor',
            unit: 'µg/kg/min',
            values: [null, 0.1, 0.2, 0.2, null, 0.05],
            render: 'step',
            axis: 'right',
            color: '#c2410c',
            fromZero: true,
          },
        ],
      },
    ],
    markers: [{ id: 'anchor', x: xs[2]!, label: 'sepsis onset', color: '#a3261c' }],
    ...overrides,
  };
}

describe('splitImputed', () => {
  it('keeps measured values on the solid line and leaves gaps for missing ones', () => {
    const { observed } = splitImputed([0, 1, 2, 3], [1, null, 3, 4], [false, true, false, false]);
    expect(observed).toEqual([
      [0, 1],
      [1, null],
      [2, 3],
      [3, 4],
    ]);
  });

  it('puts carried-forward values on the dashed line, joined to their measured neighbours without a symbol', () => {
    const split = splitImputed([0, 1, 2, 3, 4, 5], [1, 1, 1, 5, null, 6], [false, true, true, false, true, false]);
    expect(split.observed).toEqual([
      [0, 1],
      [1, null],
      [2, null],
      [3, 5],
      [4, null],
      [5, 6],
    ]);
    expect(split.imputed).toEqual([
      { value: [0, 1], symbol: 'none' },
      [1, 1],
      [2, 1],
      { value: [3, 5], symbol: 'none' },
      [4, null], // missing (null) even though flagged: a gap in both lines
      [5, null],
    ]);
  });

  it('has nothing on the dashed line when nothing is carried forward', () => {
    expect(splitImputed([0, 1], [1, 2]).imputed).toEqual([
      [0, null],
      [1, null],
    ]);
  });
});

describe('stepPoints', () => {
  it('holds each value until the next step and the last one until holdUntil', () => {
    expect(stepPoints([0, 10, 20], [1, 2, 3], 30)).toEqual([
      [0, 1],
      [10, 2],
      [20, 3],
      [30, 3],
    ]);
  });

  it('holds a value before a gap until the gap starts, then breaks the line', () => {
    expect(stepPoints([0, 10, 20, 30], [null, 5, null, 7])).toEqual([
      [0, null],
      [10, 5],
      [20, 5],
      [20, null],
      [30, 7],
    ]);
  });
});

describe('barPoints', () => {
  it('centres each bar on the middle of its step, with no bar for a missing value', () => {
    expect(barPoints([0, 10], [5, null], 10)).toEqual([
      [5, 5],
      [15, null],
    ]);
    expect(barPoints([0, 10], [5, 6])).toEqual([
      [0, 5],
      [10, 6],
    ]);
  });
});

describe('positionAt / nearestPosition', () => {
  it('finds the step whose span holds the value when steps have a length', () => {
    const axis = { values: [0, 10, 20], step: 10 };
    expect(positionAt(axis, -3)).toBe(0);
    expect(positionAt(axis, 0)).toBe(0);
    expect(positionAt(axis, 9.9)).toBe(0);
    expect(positionAt(axis, 10)).toBe(1);
    expect(positionAt(axis, 15)).toBe(1);
    expect(positionAt(axis, 30)).toBe(2);
  });

  it('finds the nearest step otherwise', () => {
    expect(nearestPosition([0, 10, 20], 6)).toBe(1);
    expect(positionAt({ values: [0, 10, 20] }, 4)).toBe(0);
  });
});

describe('buildTimelineOption', () => {
  const option = buildTimelineOption(spec());
  const series = option.series as LineSeriesOption[];
  const xAxes = option.xAxis as Array<Record<string, unknown>>;
  const yAxes = option.yAxis as Array<Record<string, unknown>>;

  it('draws one grid per panel on a UTC time axis with the same range everywhere', () => {
    expect(option.useUTC).toBe(true);
    expect(option.grid).toHaveLength(2);
    expect(xAxes.map((a) => [a.type, a.min, a.max, a.containShape])).toEqual([
      ['time', xs[0]! - HOUR, xs[5]! + 4 * HOUR, false],
      ['time', xs[0]! - HOUR, xs[5]! + 4 * HOUR, false],
    ]);
    // Only the bottom panel carries labels and the axis name.
    expect(xAxes.map((a) => (a.axisLabel as { show: boolean }).show)).toEqual([false, true]);
    expect(xAxes[1]?.name).toBe('Bloc start (UTC)');
  });

  it('names value axes with their units, a second axis on the right', () => {
    expect(yAxes.map((a) => [a.gridIndex, a.position, a.name])).toEqual([
      [0, 'left', 'Heart rate (/min)'],
      [1, 'left', 'IV fluid (mL)'],
      [1, 'right', 'Vasopressor (µg/kg/min)'],
    ]);
    expect(yAxes[0]).toMatchObject({ scale: true, min: undefined });
    expect(yAxes[1]).toMatchObject({ scale: false, min: 0 });
  });

  it('draws measured values solid with filled points and carried-forward values dashed and hollow', () => {
    const measured = series.find((s) => s.id === 'heart_rate/heart_rate');
    const carried = series.find((s) => s.id === 'heart_rate/heart_rate/imputed');
    expect(measured).toMatchObject({ type: 'line', symbol: 'circle', connectNulls: false });
    expect(measured?.lineStyle?.type).toBeUndefined();
    expect(measured?.data).toEqual([
      [xs[0], 90],
      [xs[1], null],
      [xs[2], 100],
      [xs[3], null],
      [xs[4], null],
      [xs[5], 95],
    ]);
    expect(carried).toMatchObject({ type: 'line', symbol: 'emptyCircle', connectNulls: false, lineStyle: { type: 'dashed' } });
    expect(carried?.data).toEqual([
      [xs[0], null],
      [xs[1], null], // flagged but null: a gap, not a carried value
      { value: [xs[2], 100], symbol: 'none' },
      [xs[3], 100],
      [xs[4], 100],
      { value: [xs[5], 95], symbol: 'none' },
    ]);
  });

  it('draws bars over their bloc on the left axis and a step line on the right axis', () => {
    const bars = series.find((s) => s.id === 'treatments/iv_fluid') as unknown as Record<string, unknown>;
    const step = series.find((s) => s.id === 'treatments/vasopressor');
    expect(bars).toMatchObject({ type: 'bar', xAxisIndex: 1, yAxisIndex: 1 });
    expect((bars.data as unknown[])[1]).toEqual([xs[1]! + 2 * HOUR, 500]);
    expect(step).toMatchObject({ type: 'line', step: 'end', xAxisIndex: 1, yAxisIndex: 2, showSymbol: false });
    // Held to the end of the last bloc, broken around the gap at step 4.
    expect(step?.data).toEqual([
      [xs[0], null],
      [xs[1], 0.1],
      [xs[2], 0.2],
      [xs[3], 0.2],
      [xs[4], 0.2],
      [xs[4], null],
      [xs[5], 0.05],
      [xs[5]! + 4 * HOUR, 0.05],
    ]);
  });

  it('marks the anchor in every panel, labelled once at the top', () => {
    const withMarks = series.filter((s) => s.markLine);
    expect(withMarks.map((s) => s.id)).toEqual(['heart_rate/heart_rate', 'treatments/iv_fluid']);
    const [top, bottom] = withMarks.map((s) => (s.markLine?.data as Array<Record<string, unknown>>)[0]);
    expect(top).toMatchObject({ xAxis: xs[2], name: 'sepsis onset', label: { show: true, formatter: 'sepsis onset' } });
    expect(bottom).toMatchObject({ xAxis: xs[2], label: { show: false } });
  });

  it('leaves room for the marker labels', () => {
    const withMarkers = timelineHeight(spec());
    const without = timelineHeight(spec({ markers: [] }));
    expect(withMarkers - without).toBe(MARKER_ROW);
    expect(without).toBe(30 + 2 * 72 + 30 + 40);
  });

  it('links the axis pointers of all panels and explains the hovered step in the tooltip', () => {
    expect(option.axisPointer).toMatchObject({ link: [{ xAxisIndex: 'all' }] });
    const tooltip = option.tooltip as { trigger: string; formatter: (p: unknown) => string };
    expect(tooltip.trigger).toBe('axis');
    const html = tooltip.formatter([{ axisValue: xs[3]! + HOUR, value: [xs[3], 100] }]);
    expect(html).toContain('Step 3');
    expect(html).toContain('100 /min');
    expect(html).toContain('carried forward');
    expect(html).toContain('250 mL');
    expect(html).toContain('0.2 µg/kg/min');
  });

  it('plots points without a line for category values', () => {
    const pointSpec = spec({
      markers: [],
      panels: [{ id: 's', series: [{ id: 's', name: 'State', unit: '', values: [3, 1, null, 2, 0, 4], render: 'points', color: '#000', integer: true }] }],
    });
    const built = buildTimelineOption(pointSpec);
    const [only] = built.series as LineSeriesOption[];
    expect(only).toMatchObject({ type: 'line', showSymbol: true, lineStyle: { width: 0 } });
    expect((built.yAxis as Array<Record<string, unknown>>)[0]).toMatchObject({ name: 'State', minInterval: 1 });
  });
});

describe('tooltipHtml', () => {
  it('says "missing" for a gap and escapes names from the server', () => {
    const html = tooltipHtml(
      spec({ panels: [{ id: 'x', series: [{ id: 'x', name: '<b>x</b>', unit: '%', values: [null], render: 'line', color: '#000' }] }] }),
      0,
    );
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('missing');
  });
});
