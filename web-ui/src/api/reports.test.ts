import { describe, expect, it } from 'vitest';
import { formatShare, reportPath } from './reports';

describe('formatShare', () => {
  it('writes shares as percentages with one decimal', () => {
    expect(formatShare(0.25)).toBe('25.0 %');
    expect(formatShare(0)).toBe('0.0 %');
    expect(formatShare(1)).toBe('100.0 %');
  });

  it('says n/a for NaN, written as a number or as the string Jackson uses', () => {
    expect(formatShare(Number.NaN)).toBe('n/a');
    expect(formatShare('NaN')).toBe('n/a');
    expect(formatShare(null)).toBe('n/a');
  });
});

describe('reportPath', () => {
  it('encodes the id', () => {
    expect(reportPath('a/b')).toBe('/api/reports/a%2Fb');
  });
});
