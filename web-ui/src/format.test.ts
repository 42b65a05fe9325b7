import { describe, expect, it } from 'vitest';
import { formatDateParts, formatDateTime, formatInteger, formatMinutes, isoDurationMinutes } from './format';

describe('formatDateTime', () => {
  it('says never for a missing instant', () => {
    expect(formatDateTime(null)).toBe('never');
    expect(formatDateTime('')).toBe('never');
  });

  it('formats an ISO instant in the given locale and zone', () => {
    const text = formatDateTime('2025-03-04T05:06:07Z', 'en-GB', 'UTC');
    expect(text).toContain('2025');
    expect(text).toContain('05:06');
  });

  it('shows text that is not a date as it is rather than "Invalid Date"', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('formatDateParts', () => {
  it('splits an instant into date and time', () => {
    expect(formatDateParts('2025-03-04T17:06:07Z', 'en-GB', 'UTC')).toEqual({ date: '4 Mar 2025', time: '17:06' });
  });

  it('returns null for text that is not a date', () => {
    expect(formatDateParts('soon')).toBeNull();
    expect(formatDateParts('')).toBeNull();
  });
});

describe('durations and counts', () => {
  it('reads ISO-8601 durations as minutes', () => {
    expect(isoDurationMinutes('PT4H')).toBe(240);
    expect(isoDurationMinutes('PT1H30M')).toBe(90);
    expect(isoDurationMinutes('P1D')).toBe(1440);
    expect(isoDurationMinutes('PT30S')).toBe(0.5);
    expect(isoDurationMinutes('4 hours')).toBeNull();
    expect(isoDurationMinutes('P')).toBeNull();
    expect(isoDurationMinutes('PT')).toBeNull();
  });

  it('prints minutes as days, hours and minutes', () => {
    expect(formatMinutes(240)).toBe('4 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(30)).toBe('30 min');
    expect(formatMinutes(1440)).toBe('1 d');
    expect(formatMinutes(0)).toBe('–');
  });

  it('groups whole numbers', () => {
    expect(formatInteger(193784, 'en-US')).toBe('193,784');
    expect(formatInteger(Number.NaN, 'en-US')).toBe('–');
  });
});
