import { SectionPage } from '../SectionPage';

export const AUDIT_TABS = [
  { to: 'safety-reports', label: 'Safety reports' },
  { to: 'trail', label: 'Audit trail' },
  { to: 'rule-sets', label: 'Rule sets' },
] as const;

export function AuditPage() {
  return (
    <SectionPage
      id="audit"
      title="Audit"
      lead="Safety-constraint reports, audit trail verification and rule versions."
      tabs={AUDIT_TABS}
    />
  );
}
