import { describe, expect, it } from 'vitest';
import type { Episode } from '../../api/types';
import { outcomeText, outcomeTone } from '../../components/OutcomeBadge';
import { flowsheet } from './flowsheet';
import { issueRows, issueSeverity, kindLabel } from './issues';

describe('issue kinds', () => {
  it('treats UNMAPPED_CODE and PATIENT_EXCLUDED as informational and everything else as an error', () => {
    expect(issueSeverity('UNMAPPED_CODE')).toBe('informational');
    expect(issueSeverity('PATIENT_EXCLUDED')).toBe('informational');
    expect(issueSeverity('MALFORMED_RESOURCE')).toBe('error');
    expect(issueSeverity('SOMETHING_NEW')).toBe('error');
  });

  it('lists errors first, most frequent first', () => {
    const rows = issueRows({ UNMAPPED_CODE: 37, MISSING_WEIGHT: 2, PATIENT_EXCLUDED: 40, MALFORMED_RESOURCE: 5 });
    expect(rows.map((r) => [r.kind, r.severity])).toEqual([
      ['MALFORMED_RESOURCE', 'error'],
      ['MISSING_WEIGHT', 'error'],
      ['PATIENT_EXCLUDED', 'informational'],
      ['UNMAPPED_CODE', 'informational'],
    ]);
    expect(kindLabel('MISSING_WEIGHT')).toBe('Missing weight');
  });
});

describe('outcome badge text', () => {
  it('prefers the server label, else says it from died / deathTime', () => {
    expect(outcomeText({ died: true, deathTime: '2024-03-02T10:00:00Z', label: 'Died 2024-03-02' })).toBe('Died 2024-03-02');
    expect(outcomeText({ died: true, deathTime: '2024-03-02T10:00:00Z', label: '' })).toBe('Died 2024-03-02');
    expect(outcomeText({ died: false, deathTime: null, label: ' ' })).toBe('Survived');
    expect(outcomeText({ died: null, deathTime: null, label: '' })).toBe('Outcome unknown');
    expect([true, false, null].map(outcomeTone)).toEqual(['danger', 'ok', 'neutral']);
  });
});

describe('flowsheet', () => {
  const episode: Episode = {
    episodeId: 'p-1',
    anchorTime: null,
    anchorLabel: null,
    blocLengthMinutes: 240,
    featureNames: ['lactate', 'heart_rate'],
    featureUnits: ['mmol/L', '/min'],
    actionNames: ['vasopressor'],
    actionUnits: ['ug/kg/min'],
    steps: [
      { index: 0, start: '2024-02-29T20:00:00Z', features: [null, 88], missing: [true, false], actions: [null] },
      { index: 1, start: '2024-03-01T00:00:00Z', features: [4.23, 92], missing: [false, false], actions: [0.05] },
      { index: 2, start: '2024-03-01T04:00:00Z', features: [4.23, 92], missing: [true, true], actions: [0] },
    ],
    outcome: { died: null, deathTime: null, label: '' },
  };

  it('has a row per feature (in group order) and action, marking carried-forward and missing cells', () => {
    const sheet = flowsheet(episode);
    expect(sheet.rows.map((r) => [r.id, r.group, r.unit])).toEqual([
      ['feature:heart_rate', 'Hemodynamics', '/min'],
      ['feature:lactate', 'Labs', 'mmol/L'],
      ['action:vasopressor', 'Treatments', 'µg/kg/min'],
    ]);
    expect(sheet.rows[1]?.cells).toEqual([
      { text: '–', state: 'missing' },
      { text: '4.23', state: 'observed' },
      { text: '4.23', state: 'imputed' },
    ]);
    expect(sheet.rows[2]?.cells.map((c) => c.text)).toEqual(['–', '0.05', '0']);
  });

  it('has a column per step with its UTC time, the date where a day starts', () => {
    expect(flowsheet(episode).columns).toEqual([
      { index: 0, date: '02-29', time: '20:00', newDay: true },
      { index: 1, date: '03-01', time: '00:00', newDay: true },
      { index: 2, date: '03-01', time: '04:00', newDay: false },
    ]);
  });
});
