import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function WorldModelPage() {
  return (
    <SubPage id="world-model" title="World model">
      <EmptyState title="No world model yet">
        <p>Trained world models and how well they fit the data will be shown here once one has been trained.</p>
      </EmptyState>
    </SubPage>
  );
}
