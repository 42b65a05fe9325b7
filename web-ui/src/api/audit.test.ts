import { describe, expect, it } from 'vitest';
import { auditQuery, NO_FILTERS } from './audit';

describe('auditQuery', () => {
  it('sends only the filters that are set, newest first', () => {
    const q = auditQuery({ ...NO_FILTERS, user: ' t-clinician ', patient: '' }, 50);
    expect(q.get('user')).toBe('t-clinician');
    expect(q.has('patient')).toBe(false);
    expect(q.get('order')).toBe('desc');
    expect(q.get('limit')).toBe('50');
  });

  it('turns local date-times into ISO instants and drops unreadable ones', () => {
    const q = auditQuery({ ...NO_FILTERS, from: '2026-11-27T08:00', to: 'not a date' }, 10);
    expect(q.get('from')).toBe(new Date(Date.parse('2026-11-27T08:00')).toISOString());
    expect(q.has('to')).toBe(false);
  });
});
