import { describe, expect, it } from 'vitest';
import { ROLES, SECTIONS, canUse, describeRoles, isRole, knownRoles, sectionById, sectionsFor, withRole } from './roles';

const ids = (roles: string[]) => sectionsFor(roles).map((s) => s.id);

describe('sectionsFor', () => {
  it('gives each role exactly its own section', () => {
    expect(ids(['clinician'])).toEqual(['clinician']);
    expect(ids(['researcher'])).toEqual(['research']);
    expect(ids(['auditor'])).toEqual(['audit']);
    expect(ids(['admin'])).toEqual(['admin']);
  });

  it('combines several roles in navigation order, whatever order the server sent', () => {
    expect(ids(['admin', 'clinician'])).toEqual(['clinician', 'admin']);
    expect(ids(['auditor', 'researcher', 'admin', 'clinician'])).toEqual(['clinician', 'research', 'audit', 'admin']);
  });

  it('gives nothing for no roles or unknown roles', () => {
    expect(ids([])).toEqual([]);
    expect(ids(['superuser', 'Clinician'])).toEqual([]);
  });
});

describe('sections', () => {
  it('has one section per role, with the routes the app and tests rely on', () => {
    expect(SECTIONS.map((s) => s.role).sort()).toEqual([...ROLES].sort());
    expect(Object.fromEntries(SECTIONS.map((s) => [s.id, s.path]))).toEqual({
      clinician: '/clinician',
      research: '/research',
      audit: '/audit',
      admin: '/admin/users',
    });
    for (const section of SECTIONS) expect(section.summary.length).toBeGreaterThan(10);
  });

  it('looks sections up by id', () => {
    expect(sectionById('audit').role).toBe('auditor');
  });
});

describe('canUse', () => {
  it('allows a section only with its role', () => {
    expect(canUse(['clinician'], 'clinician')).toBe(true);
    expect(canUse(['clinician'], 'admin')).toBe(false);
    expect(canUse(['researcher', 'admin'], 'admin')).toBe(true);
    expect(canUse([], 'research')).toBe(false);
  });
});

describe('role helpers', () => {
  it('recognises known roles only', () => {
    expect(isRole('auditor')).toBe(true);
    expect(isRole('root')).toBe(false);
  });

  it('keeps known roles in canonical order without duplicates', () => {
    expect(knownRoles(['admin', 'x', 'clinician', 'admin'])).toEqual(['clinician', 'admin']);
  });

  it('switches a role on and off in canonical order', () => {
    expect(withRole(['admin'], 'clinician', true)).toEqual(['clinician', 'admin']);
    expect(withRole(['clinician', 'admin'], 'admin', false)).toEqual(['clinician']);
    expect(withRole(['clinician'], 'clinician', true)).toEqual(['clinician']);
  });

  it('describes roles for the forbidden message', () => {
    expect(describeRoles(['clinician', 'auditor'])).toBe('clinician, auditor');
    expect(describeRoles([])).toBe('none');
  });
});
