import { Link } from 'react-router-dom';
import type { IngestionJob } from '../../api/types';
import { ProgressBar } from '../../components/ProgressBar';
import { describeProgress } from './jobFormat';

interface Props {
  job: IngestionJob;
  /** A transient polling problem (the server did not answer once); polling goes on. */
  warning?: string | null;
}

/** The followed ingestion job: state, progress bar, throughput, time left, and the result once done. */
export function JobProgressPanel({ job, warning }: Props) {
  const view = describeProgress(job);
  const tone = job.state === 'FAILED' ? 'error' : job.state === 'SUCCEEDED' ? 'success' : 'normal';
  return (
    <div className="job-progress" data-testid="job-progress" data-job-id={job.jobId} aria-live="polite">
      <div className="job-progress__head">
        <span className="job-progress__name">{job.name}</span>
        <JobStateBadge state={job.state} testId="job-state" />
      </div>
      <ProgressBar fraction={view.fraction} label={`Progress of ${job.name}`} tone={tone} />
      <dl className="job-progress__facts">
        <div>
          <dt>Done</dt>
          <dd data-testid="job-units">{view.units}</dd>
        </div>
        <div>
          <dt>Resources read</dt>
          <dd data-testid="job-resources">{view.resources}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd data-testid="job-rate">{view.rate}</dd>
        </div>
        {view.eta && (
          <div>
            <dt>Time left</dt>
            <dd data-testid="job-eta">{view.eta}</dd>
          </div>
        )}
      </dl>
      {job.state === 'SUCCEEDED' && job.datasetId && (
        <div className="notice notice--success" role="status">
          Dataset ready:{' '}
          <Link to={`/research/datasets/${encodeURIComponent(job.datasetId)}`} data-testid="job-dataset-link">
            open {job.name}
          </Link>
        </div>
      )}
      {job.state === 'FAILED' && (
        <div className="notice notice--error" role="alert" data-testid="job-error">
          <strong>The ingestion failed.</strong> <span className="job-progress__error">{job.error ?? 'No detail was given.'}</span>
        </div>
      )}
      {warning && (
        <p className="muted job-progress__warning" role="status" data-testid="job-warning">
          {warning} Still trying…
        </p>
      )}
    </div>
  );
}

export function JobStateBadge({ state, testId }: { state: IngestionJob['state']; testId?: string }) {
  return (
    <span className={`badge badge--job-${state.toLowerCase()}`} data-testid={testId} data-state={state}>
      {state}
    </span>
  );
}
