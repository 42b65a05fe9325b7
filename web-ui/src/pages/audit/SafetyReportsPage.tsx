import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function SafetyReportsPage() {
  return (
    <SubPage id="safety-reports" title="Safety reports">
      <EmptyState title="No safety reports yet">
        <p>Safety-constraint reports will be listed here as they are produced.</p>
      </EmptyState>
    </SubPage>
  );
}
