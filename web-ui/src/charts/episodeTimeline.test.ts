import { describe, expect, it } from 'vitest';
import type { Episode } from '../api/types';
import {
  ANCHOR_COLOR,
  episodeMarkers,
  episodeX,
  formatOffset,
  formatUtc,
  treatmentsTimeline,
  vitalsTimelines,
} from './episodeTimeline';
import { featureLabel, groupFeatures, treatmentStyle } from './featureGroups';
import { buildTimelineOption } from './timeline';
import type { LineSeriesOption } from './types';
import { displayUnit, formatValue, withUnit } from './units';

const HOUR = 3_600_000;
const START = Date.UTC(2024, 1, 29, 8); // 2024-02-29T08:00Z, sepsis onset 24 h later

/** An 18-bloc sepsis episode: blood pressure has a gap, heart rate a carried-forward stretch. */
function sepsisEpisode(overrides: Partial<Episode> = {}): Episode {
  const names = ['heart_rate', 'sbp', 'lactate', 'temperature', 'urine_output_cum'];
  return {
    episodeId: 'p-0002',
    anchorTime: '2024-03-01T08:00:00Z',
    anchorLabel: 'sepsis onset',
    blocLengthMinutes: 240,
    featureNames: names,
    featureUnits: ['/min', 'mm[Hg]', 'mmol/L', 'Cel', 'mL'],
    actionNames: ['iv_fluid', 'vasopressor'],
    actionUnits: ['mL', 'ug/kg/min'],
    steps: Array.from({ length: 18 }, (_, i) => {
      const hrCarried = i >= 13 && i <= 15;
      const sbpGap = i === 3 || i === 4;
      return {
        index: i,
        start: new Date(START + i * 4 * HOUR).toISOString(),
        features: [hrCarried ? 111 : 90 + i, sbpGap ? null : 120 - i, i < 6 ? null : 4.2, 37.5, null],
        missing: [hrCarried, sbpGap, i < 6 || i % 6 !== 0, false, true],
        actions: [i >= 6 && i <= 9 ? 500 : 0, i >= 7 && i <= 14 ? 0.1 : 0],
      };
    }),
    outcome: { died: true, deathTime: '2024-03-03T07:10:00Z', label: 'Died 2024-03-03' },
    ...overrides,
  };
}

describe('episodeX', () => {
  it('uses bloc start times in UTC, one bloc per step', () => {
    const x = episodeX(sepsisEpisode());
    expect(x.kind).toBe('time');
    expect(x.values).toHaveLength(18);
    expect(x.values[0]).toBe(START);
    expect(x.step).toBe(4 * HOUR);
    expect(x.min).toBe(START - HOUR);
    expect(x.max).toBe(START + 17 * 4 * HOUR + 4 * HOUR);
    expect(x.describe(8)).toBe('Step 8 · 2024-03-01 16:00 UTC · 8 h after sepsis onset');
    expect(x.describe(0)).toBe('Step 0 · 2024-02-29 08:00 UTC · 24 h before sepsis onset');
  });

  it('falls back to the step index for tabular datasets (no start times)', () => {
    const tabular = sepsisEpisode({
      anchorTime: null,
      anchorLabel: null,
      steps: [0, 1, 2].map((i) => ({ index: i, start: null, features: [i * 2], missing: [false], actions: [1] })),
      featureNames: ['state'],
      featureUnits: [''],
      actionNames: ['action'],
      actionUnits: [''],
    });
    const x = episodeX(tabular);
    expect(x).toMatchObject({ kind: 'index', values: [0, 1, 2], step: 1, name: 'Step' });
    expect(x.describe(2)).toBe('Step 2');
    expect(episodeMarkers(tabular, x)).toEqual([]);

    const [group] = vitalsTimelines(tabular);
    expect(group?.group.id).toBe('other');
    expect(group?.spec.panels[0]?.series[0]).toMatchObject({ name: 'State', render: 'points', integer: true });
    const option = buildTimelineOption(group!.spec);
    expect((option.xAxis as Array<{ type: string }>)[0]?.type).toBe('value');
    expect(treatmentsTimeline(tabular)?.panels[0]?.series[0]).toMatchObject({ render: 'points' });
  });
});

describe('episodeMarkers', () => {
  it('marks the anchor with its label and the death when it falls inside the window', () => {
    expect(episodeMarkers(sepsisEpisode())).toEqual([
      { id: 'anchor', x: Date.parse('2024-03-01T08:00:00Z'), label: 'sepsis onset', color: ANCHOR_COLOR },
      expect.objectContaining({ id: 'death', x: Date.parse('2024-03-03T07:10:00Z'), label: 'death' }),
    ]);
  });

  it('leaves out a death after the window and names an unlabelled anchor "anchor"', () => {
    const episode = sepsisEpisode({
      anchorLabel: null,
      outcome: { died: true, deathTime: '2024-04-01T00:00:00Z', label: 'Died 2024-04-01' },
    });
    expect(episodeMarkers(episode).map((m) => [m.id, m.label])).toEqual([['anchor', 'anchor']]);
  });
});

describe('vitalsTimelines', () => {
  const groups = vitalsTimelines(sepsisEpisode());

  it('groups features by the config, unknown ones under "Other"', () => {
    expect(groups.map((g) => g.group.id)).toEqual(['hemodynamics', 'labs', 'fluid-balance', 'other']);
    expect(groups[0]?.spec.panels.map((p) => p.id)).toEqual(['heart_rate', 'sbp']);
    expect(groups[3]?.spec.panels.map((p) => p.id)).toEqual(['temperature']);
  });

  it('lists features without any value instead of drawing empty panels', () => {
    const fluid = groups.find((g) => g.group.id === 'fluid-balance');
    expect(fluid?.spec.panels).toEqual([]);
    expect(fluid?.withoutValues).toEqual(['Urine output, cumulative']);
  });

  it('carries units, gaps and carried-forward flags into the series', () => {
    const [hr, sbp] = groups[0]!.spec.panels.map((p) => p.series[0]!);
    expect(hr).toMatchObject({ name: 'Heart rate', unit: '/min', render: 'line' });
    expect(hr?.imputed?.slice(12, 17)).toEqual([false, true, true, true, false]);
    expect(sbp).toMatchObject({ name: 'Systolic BP', unit: 'mmHg' });
    expect(sbp?.values.slice(2, 6)).toEqual([118, null, null, 115]);

    const option = buildTimelineOption(groups[0]!.spec);
    const series = option.series as LineSeriesOption[];
    const carried = series.find((s) => s.id === 'heart_rate/heart_rate/imputed');
    expect(carried).toMatchObject({ symbol: 'emptyCircle', lineStyle: { type: 'dashed' } });
    const sbpLine = series.find((s) => s.id === 'sbp/sbp');
    expect((sbpLine?.data as Array<[number, number | null]>).slice(3, 5).map((p) => p[1])).toEqual([null, null]);
    expect(series.find((s) => s.id === 'sbp/sbp/imputed')).toBeUndefined();
  });

  it('puts the anchor marker on every group', () => {
    for (const { spec } of groups.filter((g) => g.spec.panels.length > 0)) {
      expect(spec.markers?.map((m) => m.label)).toEqual(['sepsis onset', 'death']);
    }
  });
});

describe('treatmentsTimeline', () => {
  it('draws IV fluid as bars in mL and the vasopressor as a step line in µg/kg/min on a second axis', () => {
    const spec = treatmentsTimeline(sepsisEpisode());
    expect(spec?.panels).toHaveLength(1);
    expect(spec?.panels[0]?.series.map((s) => [s.id, s.render, s.axis, s.unit, s.fromZero])).toEqual([
      ['iv_fluid', 'bar', 'left', 'mL', true],
      ['vasopressor', 'step', 'right', 'µg/kg/min', true],
    ]);
    const option = buildTimelineOption(spec!);
    const [bars, vaso] = option.series as LineSeriesOption[];
    expect(bars?.type).toBe('bar');
    expect(vaso).toMatchObject({ type: 'line', step: 'end', yAxisIndex: 1 });
    // The last dose is held to the end of the last bloc.
    const data = vaso?.data as Array<[number, number]>;
    expect(data[data.length - 1]).toEqual([START + 18 * 4 * HOUR, 0]);
    expect((option.yAxis as Array<{ name: string }>).map((a) => a.name)).toEqual([
      'IV fluid (mL)',
      'Vasopressor (µg/kg/min)',
    ]);
  });

  it('is null when the dataset has no actions', () => {
    expect(treatmentsTimeline(sepsisEpisode({ actionNames: [], actionUnits: [] }))).toBeNull();
  });
});

describe('time formatting', () => {
  it('prints instants in UTC and offsets from the anchor', () => {
    expect(formatUtc(Date.UTC(2024, 2, 1, 8, 0))).toBe('2024-03-01 08:00 UTC');
    expect(formatUtc(Date.UTC(2024, 2, 1, 8, 0, 30))).toBe('2024-03-01 08:00:30 UTC');
    expect(formatOffset(START + 2 * HOUR, START, 'onset')).toBe('2 h after onset');
    expect(formatOffset(START - 1.5 * HOUR, START, 'onset')).toBe('1.5 h before onset');
    expect(formatOffset(START, START, 'onset')).toBe('at onset');
  });
});

describe('feature groups, labels and units', () => {
  it('groups in config order, the rest under Other in dataset order', () => {
    const grouped = groupFeatures(['age', 'lactate', 'map', 'heart_rate', 'foo']);
    expect(grouped.map((g) => [g.group.id, g.indices])).toEqual([
      ['hemodynamics', [3, 2]],
      ['labs', [1]],
      ['other', [0, 4]],
    ]);
  });

  it('labels known features and humanises unknown ones', () => {
    expect(featureLabel('spo2')).toBe('SpO₂');
    expect(featureLabel('base_excess')).toBe('Base excess');
  });

  it('chooses bars for volumes and step lines for rates', () => {
    expect(treatmentStyle('iv_fluid', 'mL')).toBe('bar');
    expect(treatmentStyle('vasopressor', 'ug/kg/min')).toBe('step');
    expect(treatmentStyle('blood', 'mL')).toBe('bar');
    expect(treatmentStyle('insulin', 'U/h')).toBe('step');
  });

  it('shows UCUM units the way people write them', () => {
    expect(displayUnit('mm[Hg]')).toBe('mmHg');
    expect(displayUnit('Cel')).toBe('°C');
    expect(displayUnit('10*3/uL')).toBe('10³/µL');
    expect(displayUnit('ug/kg/min')).toBe('µg/kg/min');
    expect(displayUnit('{score}')).toBe('score');
    expect(displayUnit('mmol/L')).toBe('mmol/L');
    expect(displayUnit(undefined)).toBe('');
    expect(displayUnit('1')).toBe('');
  });

  it('rounds values by size and attaches units', () => {
    expect(formatValue(123.456)).toBe('123');
    expect(formatValue(37.46)).toBe('37.5');
    expect(formatValue(0.125)).toBe('0.13');
    expect(formatValue(2)).toBe('2');
    expect(formatValue(null)).toBe('–');
    expect(withUnit('95', '%')).toBe('95%');
    expect(withUnit('92', '/min')).toBe('92 /min');
    expect(withUnit('3', '')).toBe('3');
  });
});
