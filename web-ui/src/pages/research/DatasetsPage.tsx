import { EmptyState } from '../../components/EmptyState';
import { SubPage } from '../SubPage';

export function DatasetsPage() {
  return (
    <SubPage id="datasets" title="Datasets">
      <EmptyState title="No datasets yet">
        <p>
          Ingest one with <code>./vigil ingest</code>; it will be listed here.
        </p>
      </EmptyState>
    </SubPage>
  );
}
