import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../api/types';
import { describeProgress, formatDuration, formatEta, formatPercent, formatRate, progressFraction } from './jobFormat';

const progress = (p: Partial<JobProgress> = {}): JobProgress => ({
  unitsDone: 3,
  unitsTotal: 8,
  resources: 19975,
  resourcesPerSecond: 6919.4,
  etaSeconds: 125,
  ...p,
});

describe('progressFraction', () => {
  it('is units done over units total, kept within [0, 1]', () => {
    expect(progressFraction(progress())).toBe(0.375);
    expect(progressFraction(progress({ unitsDone: 9 }))).toBe(1);
    expect(progressFraction(progress({ unitsDone: -1 }))).toBe(0);
  });

  it('is null (indeterminate) while the total is unknown', () => {
    expect(progressFraction(progress({ unitsTotal: -1 }))).toBeNull();
    expect(progressFraction(progress({ unitsTotal: 0 }))).toBeNull();
  });

  it('is full once the job succeeded, even without a known total', () => {
    expect(progressFraction(progress({ unitsTotal: -1 }), 'SUCCEEDED')).toBe(1);
  });
});

describe('formatRate', () => {
  it('prints resources per second with grouping, one decimal below ten', () => {
    expect(formatRate(6919.4, 'en-US')).toBe('6,919 resources/s');
    expect(formatRate(3.46, 'en-US')).toBe('3.5 resources/s');
    expect(formatRate(0, 'en-US')).toBe('0 resources/s');
    expect(formatRate(Number.NaN, 'en-US')).toBe('–');
    expect(formatRate(-1, 'en-US')).toBe('–');
  });
});

describe('formatDuration / formatEta', () => {
  it('rounds up and uses the largest sensible units', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3600 + 4 * 60 + 1)).toBe('1 h 05 min');
    expect(formatDuration(2 * 3600 - 1)).toBe('2 h');
  });

  it('says when the time left is unknown or nearly nothing', () => {
    expect(formatEta(125)).toBe('about 2 min 05 s left');
    expect(formatEta(null)).toBe('time left unknown');
    expect(formatEta(-5)).toBe('time left unknown');
    expect(formatEta(0.4)).toBe('almost done');
  });

  it('prints percentages rounded down (never 100% before the end)', () => {
    expect(formatPercent(0.999)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
  });
});

describe('describeProgress', () => {
  it('describes a running job with a known total', () => {
    expect(describeProgress({ state: 'RUNNING', progress: progress() }, 'en-US')).toEqual({
      fraction: 0.375,
      units: '37% · 3 of 8',
      resources: '19,975',
      rate: '6,919 resources/s',
      eta: 'about 2 min 05 s left',
    });
  });

  it('describes a running job whose total is not known yet', () => {
    const view = describeProgress({ state: 'RUNNING', progress: progress({ unitsTotal: -1, unitsDone: 1, etaSeconds: null }) }, 'en-US');
    expect(view).toMatchObject({ fraction: null, units: '1 done, total not known yet', eta: 'time left unknown' });
  });

  it('has no rate or time left for a queued job, and no time left once ended', () => {
    expect(describeProgress({ state: 'QUEUED', progress: progress({ unitsDone: 0 }) }, 'en-US')).toMatchObject({
      rate: '–',
      eta: 'waiting to start',
    });
    expect(describeProgress({ state: 'SUCCEEDED', progress: progress({ unitsDone: 8 }) }, 'en-US')).toMatchObject({
      fraction: 1,
      units: '100% · 8 of 8',
      eta: '',
    });
    expect(describeProgress({ state: 'FAILED', progress: progress({ unitsTotal: -1, unitsDone: 2 }) }, 'en-US').units).toBe(
      '2 done',
    );
  });
});
