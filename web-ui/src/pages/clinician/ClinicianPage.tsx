import { SectionPage } from '../SectionPage';

export const CLINICIAN_TABS = [
  { to: 'patients', label: 'Patients' },
  { to: 'tace', label: 'TACE planning' },
] as const;

export function ClinicianPage() {
  return (
    <SectionPage
      id="clinician"
      title="Clinician"
      lead="Patient view, treatment recommendations with guardian and safety badges, and TACE planning."
      tabs={CLINICIAN_TABS}
    />
  );
}
