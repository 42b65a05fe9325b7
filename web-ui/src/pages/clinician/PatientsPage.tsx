import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function PatientsPage() {
  return (
    <SubPage id="patients" title="Patients">
      <EmptyState title="No patients to show yet">
        <p>
          The patient view is not connected to patient data yet. Once it is, each patient&apos;s record and the
          treatment recommendations for them, with their guardian and safety badges, will be shown here.
        </p>
      </EmptyState>
    </SubPage>
  );
}
