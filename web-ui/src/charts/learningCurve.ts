// Learning curves of a training run: one small chart per metric (x = iteration, y = value), built on the
// timeline builders (x kind 'index') so they look and behave like every other chart over steps.
//
// Pure functions; nothing here touches the DOM or loads ECharts.
import type { MetricSeries } from '../api/types';
import { buildTimelineOption, TIMELINE_COLORS, type TimelineSpec } from './timeline';
import type { ChartOption, LineSeriesOption } from './types';

/** Beyond this many points a curve is drawn as a plain line (points would only blur it). */
export const MAX_POINTS_WITH_SYMBOLS = 60;

export const CURVE_LAYOUT = { left: 56, right: 16, top: 12, bottom: 36, panelHeight: 120, gap: 0 } as const;

export interface CurvePoint {
  iteration: number;
  value: number | null;
}

/**
 * The metric's points ordered by iteration: pairs without a finite iteration are dropped, non-finite values
 * become gaps, extra entries of the longer array are ignored.
 */
export function curvePoints(series: MetricSeries): CurvePoint[] {
  const n = Math.min(series.iterations.length, series.values.length);
  const points: CurvePoint[] = [];
  for (let i = 0; i < n; i += 1) {
    const iteration = series.iterations[i];
    const value = series.values[i];
    if (typeof iteration !== 'number' || !Number.isFinite(iteration)) continue;
    points.push({ iteration, value: typeof value === 'number' && Number.isFinite(value) ? value : null });
  }
  return points.sort((a, b) => a.iteration - b.iteration);
}

/** Metric names in display order: alphabetical, so the charts keep their places while a run goes on. */
export function metricNames(metrics: Record<string, MetricSeries>): string[] {
  return Object.keys(metrics).sort((a, b) => a.localeCompare(b));
}

/** One metric as a one-panel timeline spec over iterations. */
export function learningCurveSpec(name: string, series: MetricSeries, colorIndex = 0): TimelineSpec {
  const points = curvePoints(series);
  const xs = points.map((p) => p.iteration);
  const min = xs[0] ?? 0;
  const last = xs[xs.length - 1] ?? 0;
  // A single point (or none) still needs an axis with some width.
  const max = last > min ? last : min + 1;
  return {
    x: {
      kind: 'index',
      values: xs,
      min,
      max,
      name: 'Iteration',
      describe: (position) => `Iteration ${xs[position] ?? '–'}`,
    },
    panels: [
      {
        id: 'curve',
        series: [
          {
            id: name,
            name,
            unit: '',
            values: points.map((p) => p.value),
            render: 'line',
            color: TIMELINE_COLORS[colorIndex % TIMELINE_COLORS.length] ?? TIMELINE_COLORS[0],
          },
        ],
      },
    ],
    layout: CURVE_LAYOUT,
  };
}

/** Height in pixels of one learning-curve chart. */
export function learningCurveHeight(): number {
  return CURVE_LAYOUT.top + CURVE_LAYOUT.panelHeight + CURVE_LAYOUT.bottom;
}

/**
 * The ECharts option for one learning curve: the timeline option without the y-axis name (the metric name
 * is the chart's title, shown above it), with points only while there are few of them.
 */
export function buildLearningCurveOption(name: string, series: MetricSeries, colorIndex = 0): ChartOption {
  const spec = learningCurveSpec(name, series, colorIndex);
  const option = buildTimelineOption(spec);
  const many = spec.x.values.length > MAX_POINTS_WITH_SYMBOLS;
  const yAxis = Array.isArray(option.yAxis) ? option.yAxis : option.yAxis ? [option.yAxis] : [];
  const lines = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as LineSeriesOption[];
  return {
    ...option,
    animation: false,
    yAxis: yAxis.map((axis) => ({ ...axis, name: undefined, splitNumber: 3 })),
    series: lines.map((line) => ({ ...line, showSymbol: !many, symbolSize: many ? 4 : 5 })),
  };
}
