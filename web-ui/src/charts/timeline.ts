// Timeline charts: values per step over time (or over the step index), one grid per panel stacked under a
// shared x axis, with vertical markers (e.g. sepsis onset). Used by the patient timeline and meant for any
// later view that plots steps over time (clinician patient view, OPE reports).
//
// Pure functions from a TimelineSpec to an ECharts option; nothing here touches the DOM or loads ECharts.
import type { BarSeriesOption, ChartOption, LineSeriesOption } from './types';
import { formatValue, nameWithUnit, withUnit } from './units';

export type TimelineXKind = 'time' | 'index';

export interface TimelineX {
  /** 'time': x values are epoch milliseconds, shown in UTC; 'index': x values are step numbers. */
  kind: TimelineXKind;
  /** x of each step, in step order. */
  values: readonly number[];
  min: number;
  max: number;
  /** Axis name, e.g. "Bloc start (UTC)" or "Step". */
  name: string;
  /**
   * How long one step lasts, in x units (a bloc length in ms, or 1 for step indices). When given, a step's
   * bar covers [x, x + step), a step line holds its last value until the last x + step, and hovering
   * anywhere inside a step shows that step.
   */
  step?: number;
  /** Tooltip heading for the step at this position. */
  describe(position: number): string;
}

/**
 * 'line': measured values joined by a line; 'step': a rate held until it changes; 'bar': an amount per step;
 * 'points': values not to be joined (category ids such as a discrete state).
 */
export type SeriesRender = 'line' | 'step' | 'bar' | 'points';

export interface TimelineSeries {
  id: string;
  name: string;
  /** Display unit (already converted from UCUM); '' when the value has none. */
  unit: string;
  /** One value per step; null = missing, drawn as a gap. */
  values: readonly (number | null)[];
  /** Per step: the value was carried forward, not measured (drawn hollow on a dashed line). Lines only. */
  imputed?: readonly boolean[];
  render: SeriesRender;
  axis?: 'left' | 'right';
  color: string;
  /** Step lines: x until which the last value is held; defaults to the last x + `x.step`. */
  holdUntil?: number;
  /** Start the value axis at zero (doses, volumes) instead of fitting it to the data. */
  fromZero?: boolean;
  /** Values are whole numbers (ids, counts): no fractional ticks. */
  integer?: boolean;
}

export interface TimelinePanel {
  id: string;
  series: TimelineSeries[];
}

export interface TimelineMarker {
  id: string;
  x: number;
  label: string;
  color: string;
}

export interface TimelineLayout {
  /** Pixels left and right of the plot area; the same in every chart of a view so their x axes line up. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  panelHeight: number;
  /** Vertical space between two panels (holds the lower panel's axis names). */
  gap: number;
}

export interface TimelineSpec {
  x: TimelineX;
  panels: TimelinePanel[];
  markers?: TimelineMarker[];
  layout?: Partial<TimelineLayout>;
}

export const DEFAULT_LAYOUT: TimelineLayout = { left: 64, right: 64, top: 30, bottom: 40, panelHeight: 72, gap: 30 };

/** Extra room above the first panel for marker labels, which sit above the axis names. */
export const MARKER_ROW = 18;

export const TIMELINE_COLORS = ['#0e6b78', '#c2410c', '#6d28d9', '#15803d', '#b45309', '#1d4ed8', '#be185d'] as const;

const MUTED = '#5a6676';
const GRID_LINE = '#e6ebf0';
const AXIS_LINE = '#c3ccd6';

export function resolveLayout(spec: TimelineSpec): TimelineLayout {
  return { ...DEFAULT_LAYOUT, ...spec.layout };
}

/** Height in pixels the chart needs for all its panels. */
export function timelineHeight(spec: TimelineSpec): number {
  const layout = resolveLayout(spec);
  const n = Math.max(spec.panels.length, 1);
  return firstPanelTop(spec, layout) + n * layout.panelHeight + (n - 1) * layout.gap + layout.bottom;
}

function firstPanelTop(spec: TimelineSpec, layout: TimelineLayout): number {
  return layout.top + ((spec.markers ?? []).length > 0 ? MARKER_ROW : 0);
}

/** A point of a line: [x, y], y null for a gap; or a point that only joins a line and shows no symbol. */
export type LinePoint = [number, number | null] | { value: [number, number]; symbol: 'none' };

export interface SplitLine {
  /** Measured values; null where the value is missing or carried forward. */
  observed: LinePoint[];
  /**
   * Carried-forward values, plus the measured neighbours they join (symbol 'none'), so the dashed stretch
   * connects to the solid line; null elsewhere.
   */
  imputed: LinePoint[];
}

/**
 * Splits one series into the measured part (solid line, filled points) and the carried-forward part
 * (dashed, hollow points). A null value is a gap in both.
 */
export function splitImputed(
  xs: readonly number[],
  values: readonly (number | null)[],
  imputed: readonly boolean[] = [],
): SplitLine {
  const isImputed = (i: number) => values[i] != null && imputed[i] === true;
  const isObserved = (i: number) => values[i] != null && imputed[i] !== true;
  const observed: LinePoint[] = [];
  const carried: LinePoint[] = [];
  xs.forEach((x, i) => {
    const value = values[i] ?? null;
    observed.push([x, isObserved(i) ? value : null]);
    if (isImputed(i)) {
      carried.push([x, value]);
    } else if (value !== null && (isImputed(i - 1) || isImputed(i + 1))) {
      carried.push({ value: [x, value], symbol: 'none' });
    } else {
      carried.push([x, null]);
    }
  });
  return { observed, imputed: carried };
}

/**
 * Points of a step line (drawn with step 'end'): each value holds from its step's x until the next step's x
 * (the last one until `holdUntil`), so a value standing alone between gaps is still a visible segment.
 */
export function stepPoints(xs: readonly number[], values: readonly (number | null)[], holdUntil?: number): LinePoint[] {
  const points: LinePoint[] = [];
  xs.forEach((x, i) => {
    const value = values[i] ?? null;
    if (value === null) {
      points.push([x, null]);
      return;
    }
    points.push([x, value]);
    const next = xs[i + 1];
    const nextValue = values[i + 1] ?? null;
    if (next === undefined) {
      if (holdUntil !== undefined && holdUntil > x) points.push([holdUntil, value]);
    } else if (nextValue === null) {
      // Hold until the next step starts; the null point that step pushes then breaks the line.
      points.push([next, value]);
    }
  });
  return points;
}

/**
 * Bars: one per step, none where the value is missing. With a step length the bar is centred on the middle
 * of its step, so that it covers the step's time span.
 */
export function barPoints(
  xs: readonly number[],
  values: readonly (number | null)[],
  step?: number,
): Array<[number, number | null]> {
  const shift = step === undefined ? 0 : step / 2;
  return xs.map((x, i) => [x + shift, values[i] ?? null]);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The step shown for an axis value: with a step length, the step whose span [x_i, x_i + step) holds the
 * value; otherwise the step whose x is nearest.
 */
export function positionAt(axis: Pick<TimelineX, 'values' | 'step'>, value: number): number {
  const xs = axis.values;
  if (axis.step === undefined) return nearestPosition(xs, value);
  // A tiny tolerance so that a value computed as exactly x_i does not fall into the step before.
  const tolerance = axis.step * 1e-6;
  let position = 0;
  xs.forEach((x, i) => {
    if (x <= value + tolerance) position = i;
  });
  return position;
}

/** The step whose x is nearest to `x` (the last step for points past the end, e.g. a held step line). */
export function nearestPosition(xs: readonly number[], x: number): number {
  let best = 0;
  let bestDistance = Infinity;
  xs.forEach((value, i) => {
    const distance = Math.abs(value - x);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** Tooltip for one step: its heading, then every series of the chart with value, unit and state. */
export function tooltipHtml(spec: TimelineSpec, position: number): string {
  const rows = spec.panels.flatMap((panel) =>
    panel.series.map((series) => {
      const value = series.values[position] ?? null;
      const state = value === null ? 'missing' : series.imputed?.[position] ? 'carried forward' : '';
      const shown = value === null ? '–' : withUnit(formatValue(value), series.unit);
      return (
        `<tr><td><span class="chart-tooltip__swatch" style="background:${series.color}"></span>${escapeHtml(series.name)}</td>` +
        `<td class="chart-tooltip__value">${escapeHtml(shown)}</td>` +
        `<td class="chart-tooltip__state">${state}</td></tr>`
      );
    }),
  );
  return (
    `<div class="chart-tooltip"><div class="chart-tooltip__head">${escapeHtml(spec.x.describe(position))}</div>` +
    `<table>${rows.join('')}</table></div>`
  );
}

/** The hovered x: the axis pointer's value, else the x of the hovered point. */
function xOf(param: unknown): number | null {
  if (param === null || typeof param !== 'object') return null;
  const { value, axisValue } = param as { value?: unknown; axisValue?: unknown };
  if (typeof axisValue === 'number') return axisValue;
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  return null;
}

function axisName(series: readonly TimelineSeries[]): string {
  const names = series.map((s) => s.name).join(', ');
  const units = [...new Set(series.map((s) => s.unit).filter((u) => u !== ''))].join(', ');
  return nameWithUnit(names, units);
}

/** The ECharts option for a timeline: one grid per panel, linked axis pointers, markers on every panel. */
export function buildTimelineOption(spec: TimelineSpec): ChartOption {
  const layout = resolveLayout(spec);
  const { x } = spec;
  const markers = spec.markers ?? [];
  const last = spec.panels.length - 1;
  const grid: NonNullable<ChartOption['grid']> = [];
  const xAxis: NonNullable<ChartOption['xAxis']> = [];
  const yAxis: NonNullable<ChartOption['yAxis']> = [];
  const series: Array<LineSeriesOption | BarSeriesOption> = [];

  const top0 = firstPanelTop(spec, layout);
  const lastX = x.values[x.values.length - 1];
  const defaultHold = lastX !== undefined && x.step !== undefined ? lastX + x.step : undefined;

  spec.panels.forEach((panel, p) => {
    const top = top0 + p * (layout.panelHeight + layout.gap);
    grid.push({
      id: panel.id,
      left: layout.left,
      right: layout.right,
      top,
      height: layout.panelHeight,
      outerBoundsMode: 'none',
    });
    xAxis.push({
      gridIndex: p,
      type: x.kind === 'time' ? 'time' : 'value',
      min: x.min,
      max: x.max,
      minInterval: x.kind === 'index' ? 1 : undefined,
      // Exactly [min, max] in every chart (bars would otherwise widen it), so stacked charts line up.
      containShape: false,
      name: p === last ? x.name : undefined,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: MUTED },
      axisLine: { lineStyle: { color: AXIS_LINE } },
      axisTick: { show: p === last },
      axisLabel: { show: p === last, color: MUTED, hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: GRID_LINE } },
    });

    const sides = (['left', 'right'] as const)
      .map((side) => ({ side, members: panel.series.filter((s) => (s.axis ?? 'left') === side) }))
      .filter(({ members }) => members.length > 0);
    const yIndexOf = new Map<string, number>();
    for (const { side, members } of sides) {
      yIndexOf.set(side, yAxis.length);
      const fromZero = members.some((s) => s.fromZero);
      const integer = members.every((s) => s.integer);
      yAxis.push({
        gridIndex: p,
        type: 'value',
        position: side,
        name: axisName(members),
        nameLocation: 'end',
        nameGap: 8,
        nameTextStyle: { color: '#1b2430', fontWeight: 600, align: side === 'left' ? 'left' : 'right' },
        scale: !fromZero,
        min: fromZero ? 0 : undefined,
        minInterval: integer ? 1 : undefined,
        splitNumber: 2,
        axisLabel: { color: MUTED, fontSize: 11 },
        axisLine: { show: false },
        splitLine: { show: side === 'left', lineStyle: { color: GRID_LINE } },
      });
    }

    panel.series.forEach((s, k) => {
      const common = {
        name: s.name,
        xAxisIndex: p,
        yAxisIndex: yIndexOf.get(s.axis ?? 'left') ?? 0,
        color: s.color,
      };
      // The markers go on the panel's first series (each grid needs one to carry them).
      const markLine: LineSeriesOption['markLine'] =
        k === 0 && markers.length > 0
          ? {
              silent: true,
              symbol: ['none', 'none'],
              animation: false,
              data: markers.map((m) => ({
                name: m.label,
                xAxis: m.x,
                lineStyle: { color: m.color, type: 'dashed', width: 1.5 },
                // Above the axis names of the first panel (MARKER_ROW keeps that room free).
                label: { show: p === 0, formatter: m.label, position: 'end', distance: 20, color: m.color, fontWeight: 600 },
              })),
            }
          : undefined;
      if (s.render === 'bar') {
        series.push({
          ...common,
          id: `${panel.id}/${s.id}`,
          type: 'bar',
          data: barPoints(x.values, s.values, x.step),
          barWidth: '70%',
          itemStyle: { color: s.color, opacity: 0.75 },
          markLine,
        });
      } else if (s.render === 'points') {
        series.push({
          ...common,
          id: `${panel.id}/${s.id}`,
          type: 'line',
          data: barPoints(x.values, s.values),
          symbol: 'circle',
          symbolSize: 7,
          showSymbol: true,
          lineStyle: { width: 0, opacity: 0 },
          emphasis: { lineStyle: { width: 0 } },
          markLine,
        });
      } else if (s.render === 'step') {
        series.push({
          ...common,
          id: `${panel.id}/${s.id}`,
          type: 'line',
          step: 'end',
          data: stepPoints(x.values, s.values, s.holdUntil ?? defaultHold),
          connectNulls: false,
          showSymbol: false,
          lineStyle: { width: 2 },
          markLine,
        });
      } else {
        const split = splitImputed(x.values, s.values, s.imputed);
        series.push({
          ...common,
          id: `${panel.id}/${s.id}`,
          type: 'line',
          data: split.observed,
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 6,
          showSymbol: true,
          lineStyle: { width: 2 },
          z: 3,
          markLine,
        });
        if (split.imputed.some((point) => !Array.isArray(point) || point[1] !== null)) {
          series.push({
            ...common,
            id: `${panel.id}/${s.id}/imputed`,
            type: 'line',
            data: split.imputed,
            connectNulls: false,
            symbol: 'emptyCircle',
            symbolSize: 7,
            showSymbol: true,
            lineStyle: { width: 1.5, type: 'dashed', color: s.color },
            itemStyle: { color: s.color, borderWidth: 1.5 },
            z: 2,
          });
        }
      }
    });
  });

  return {
    useUTC: true,
    animationDuration: 300,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
    axisPointer: { link: [{ xAxisIndex: 'all' }], label: { show: false } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'line', lineStyle: { color: MUTED, type: 'solid', width: 1 } },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const at = xOf(first);
        return at === null ? '' : tooltipHtml(spec, positionAt(x, at));
      },
    },
    grid,
    xAxis,
    yAxis,
    series,
  };
}
