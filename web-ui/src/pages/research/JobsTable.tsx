import { Link } from 'react-router-dom';
import type { IngestionJob } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { datasetPath } from './DatasetsTable';
import { JobStateBadge } from './JobProgressPanel';

interface Props {
  jobs: readonly IngestionJob[];
  /** The job whose progress is shown above, highlighted here. */
  followedId: string | null;
  onFollow(job: IngestionJob): void;
}

/** Recent ingestion jobs, newest first, with their result (dataset link or error). */
export function JobsTable({ jobs, followedId, onFollow }: Props) {
  return (
    <table className="table table--compact jobs-table" data-testid="jobs-table">
      <caption className="visually-hidden">Recent ingestion jobs</caption>
      <thead>
        <tr>
          <th scope="col">Name and source</th>
          <th scope="col">Cohort</th>
          <th scope="col">State</th>
          <th scope="col">Started</th>
          <th scope="col">Finished</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.jobId} data-job-id={job.jobId} className={job.jobId === followedId ? 'is-selected' : undefined}>
            <td>
              <span className="jobs-table__name">{job.name}</span>
              <span className="jobs-table__source muted" title={job.source}>
                {job.source}
              </span>
            </td>
            <td>
              <code>{job.cohort}</code>
            </td>
            <td>
              <JobStateBadge state={job.state} />
            </td>
            <td>
              <span className="datasets-table__by">{job.createdBy}</span>
              <DateTime iso={job.createdAt} />
            </td>
            <td>{job.finishedAt ? <DateTime iso={job.finishedAt} /> : <span className="muted">–</span>}</td>
            <td className="jobs-table__result">
              {job.state === 'SUCCEEDED' && job.datasetId ? (
                <Link to={datasetPath(job.datasetId)}>Open dataset</Link>
              ) : job.state === 'FAILED' ? (
                <span className="issue-count--error jobs-table__error" title={job.error ?? undefined}>
                  {job.error ?? 'Failed'}
                </span>
              ) : job.jobId === followedId ? (
                <span className="muted">Shown above</span>
              ) : (
                <button type="button" className="button button--small" onClick={() => onFollow(job)}>
                  Follow
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
