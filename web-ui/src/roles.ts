// Which parts of the app each role may use. This is the single source for the navigation, the home page
// and the route guard; the server enforces the same rules, this only decides what to show.

export const ROLES = ['clinician', 'researcher', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type SectionId = 'clinician' | 'research' | 'audit' | 'admin';

export interface Section {
  id: SectionId;
  /** Navigation label. */
  label: string;
  /** Route (inside the hash) of the section's landing page. */
  path: string;
  /** The role that unlocks the section. */
  role: Role;
  /** One sentence for the home page on what the section is for. */
  summary: string;
}

/** In navigation order. */
export const SECTIONS: readonly Section[] = [
  {
    id: 'clinician',
    label: 'Clinician',
    path: '/clinician',
    role: 'clinician',
    summary:
      'Open a patient view, see treatment recommendations with their guardian and safety badges, and plan TACE.',
  },
  {
    id: 'research',
    label: 'Research',
    path: '/research',
    role: 'researcher',
    summary: 'Manage datasets, follow training runs and read offline evaluation reports.',
  },
  {
    id: 'audit',
    label: 'Audit',
    path: '/audit',
    role: 'auditor',
    summary: 'Review safety-constraint reports, verify the audit trail and inspect rule versions.',
  },
  {
    id: 'admin',
    label: 'Admin',
    path: '/admin/users',
    role: 'admin',
    summary: 'Manage users and the roles they hold.',
  },
];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The known roles among what the server sent, in canonical order; unknown or duplicate values are dropped. */
export function knownRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

export function sectionById(id: SectionId): Section {
  const section = SECTIONS.find((s) => s.id === id);
  if (!section) throw new Error(`Unknown section ${id}`);
  return section;
}

/** The sections a person holding `roles` may use, in navigation order. */
export function sectionsFor(roles: readonly string[]): Section[] {
  return SECTIONS.filter((section) => roles.includes(section.role));
}

export function canUse(roles: readonly string[], id: SectionId): boolean {
  return roles.includes(sectionById(id).role);
}

/** Human list of roles for messages such as "Your roles (clinician, auditor) do not include admin". */
export function describeRoles(roles: readonly string[]): string {
  return roles.length === 0 ? 'none' : roles.join(', ');
}

/** `roles` with `role` switched on or off, in canonical order (for role checkboxes). */
export function withRole(roles: readonly string[], role: Role, on: boolean): Role[] {
  const next = new Set(knownRoles(roles));
  if (on) next.add(role);
  else next.delete(role);
  return ROLES.filter((r) => next.has(r));
}
