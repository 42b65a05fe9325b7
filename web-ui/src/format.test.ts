import { describe, expect, it } from 'vitest';
import { formatDateParts, formatDateTime } from './format';

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
