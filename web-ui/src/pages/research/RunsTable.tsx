import { Link } from 'react-router-dom';
import type { TrainingRun } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { datasetPath } from './DatasetsTable';
import { JobStateBadge } from './JobProgressPanel';
import { runPath, shortId } from './runFormat';

/** Every training run, newest first; the id links to the run page, the dataset to the dataset page. */
export function RunsTable({ runs }: { runs: readonly TrainingRun[] }) {
  return (
    <table className="table table--compact runs-table" data-testid="runs-table">
      <caption className="visually-hidden">Training runs</caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Algorithm</th>
          <th scope="col">Dataset</th>
          <th scope="col" className="num">
            Seed
          </th>
          <th scope="col">State</th>
          <th scope="col">Created</th>
          <th scope="col">Finished</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-run-id={run.id} data-state={run.state}>
            <td data-testid="run-id">
              <Link to={runPath(run.id)} className="mono runs-table__id" title={run.id}>
                {shortId(run.id)}
              </Link>
            </td>
            <td data-testid="run-algorithm">
              <code>{run.algorithm}</code>
            </td>
            <td data-testid="run-dataset">
              <Link to={datasetPath(run.datasetId)} className="mono" title={run.datasetId}>
                {shortId(run.datasetId)}
              </Link>
            </td>
            <td className="num" data-testid="run-seed">
              {run.seed}
            </td>
            <td>
              <JobStateBadge state={run.state} testId="run-state" />
              {run.state === 'FAILED' && run.error && (
                <span className="runs-table__error" title={run.error}>
                  {run.error}
                </span>
              )}
            </td>
            <td data-testid="run-created">
              <span className="datasets-table__by">{run.createdBy}</span>
              <DateTime iso={run.createdAt} />
            </td>
            <td data-testid="run-finished">
              {run.finishedAt ? <DateTime iso={run.finishedAt} /> : <span className="muted">–</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
