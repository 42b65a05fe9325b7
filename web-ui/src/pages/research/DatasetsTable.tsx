import { Link } from 'react-router-dom';
import type { DatasetSummary } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { formatInteger } from '../../format';

export const datasetPath = (id: string) => `/research/datasets/${encodeURIComponent(id)}`;

const typeWord = (t: string) => t.toLowerCase();

/** Every dataset, newest first; the name links to the dataset page. */
export function DatasetsTable({ datasets }: { datasets: readonly DatasetSummary[] }) {
  return (
    <table className="table table--compact datasets-table" data-testid="datasets-table">
      <caption className="visually-hidden">Datasets</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Cohort</th>
          <th scope="col">Types</th>
          <th scope="col" className="num">Episodes</th>
          <th scope="col" className="num">Steps</th>
          <th scope="col">Issues</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr key={d.id} data-dataset-id={d.id}>
            <td data-testid="dataset-name">
              <Link to={datasetPath(d.id)} className="datasets-table__name">
                {d.name}
              </Link>
              <span className="datasets-table__source muted" title={d.source}>
                {d.source}
              </span>
            </td>
            <td data-testid="dataset-cohort">
              <code>
                {d.cohortId}@{d.cohortVersion}
              </code>
            </td>
            <td data-testid="dataset-types" className="datasets-table__types">
              <span>
                <span className="muted">state</span> {typeWord(d.stateType)}
              </span>
              <span>
                <span className="muted">action</span> {typeWord(d.actionType)}
              </span>
            </td>
            <td className="num" data-testid="dataset-episodes">
              {formatInteger(d.episodes)}
            </td>
            <td className="num" data-testid="dataset-steps">
              {formatInteger(d.steps)}
            </td>
            <td data-testid="dataset-issues">
              <IssueCounts errors={d.errorCount} informational={d.informationalCount} />
            </td>
            <td data-testid="dataset-created">
              <span className="datasets-table__by">{d.createdBy}</span>
              <DateTime iso={d.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "2 errors / 14 informational", errors in red when there are any. */
export function IssueCounts({ errors, informational }: { errors: number; informational: number }) {
  return (
    <span className="issue-counts">
      <span className={errors > 0 ? 'issue-count issue-count--error' : 'issue-count'} data-testid="error-count">
        {formatInteger(errors)} {errors === 1 ? 'error' : 'errors'}
      </span>
      <span className="muted issue-counts__sep"> / </span>
      <span className="issue-count issue-count--info" data-testid="informational-count">
        {formatInteger(informational)} informational
      </span>
    </span>
  );
}
