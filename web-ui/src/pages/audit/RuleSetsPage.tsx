import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function RuleSetsPage() {
  return (
    <SubPage id="rule-sets" title="Rule sets">
      <EmptyState title="No rule sets yet">
        <p>The versions of the safety rule sets, and which one was in force when, will be listed here.</p>
      </EmptyState>
    </SubPage>
  );
}
