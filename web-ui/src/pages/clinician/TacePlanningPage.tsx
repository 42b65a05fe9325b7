import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function TacePlanningPage() {
  return (
    <SubPage id="tace" title="TACE planning">
      <EmptyState title="No TACE plans yet">
        <p>TACE planning is not available yet. Plans for a selected patient will be prepared and reviewed here.</p>
      </EmptyState>
    </SubPage>
  );
}
