import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function AuditTrailPage() {
  return (
    <SubPage id="trail" title="Audit trail">
      <EmptyState title="Nothing to verify yet">
        <p>The audit trail and the result of verifying it will be shown here.</p>
      </EmptyState>
    </SubPage>
  );
}
