import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function RunsPage() {
  return (
    <SubPage id="runs" title="Runs">
      <EmptyState title="No training runs yet">
        <p>Training runs and their offline evaluation reports will be listed here once a run has been started.</p>
      </EmptyState>
    </SubPage>
  );
}
