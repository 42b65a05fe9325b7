import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { listDatasets } from '../../api/datasets';
import { isFinished, listIngestions, pollIngestion } from '../../api/ingestions';
import type { DatasetSummary, IngestionJob } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubPage } from '../SubPage';
import { DatasetsTable } from './DatasetsTable';
import { IngestForm } from './IngestForm';
import { JobProgressPanel } from './JobProgressPanel';
import { JobsTable } from './JobsTable';

const newestFirst = <T extends { createdAt: string }>(a: T, b: T) => b.createdAt.localeCompare(a.createdAt);

/** The list with `job` replacing its older self (or added at the top). */
function upsertJob(list: IngestionJob[] | null, job: IngestionJob): IngestionJob[] {
  const rest = (list ?? []).filter((j) => j.jobId !== job.jobId);
  return [job, ...rest].sort(newestFirst);
}

export function DatasetsPage() {
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [datasetsError, setDatasetsError] = useState<unknown>(null);
  const [jobs, setJobs] = useState<IngestionJob[] | null>(null);
  const [jobsError, setJobsError] = useState<unknown>(null);
  // The job whose progress is shown: the one just started, or one picked from the list.
  const [followed, setFollowed] = useState<IngestionJob | null>(null);
  const [pollWarning, setPollWarning] = useState<string | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);

  const reloadDatasets = useCallback(async (signal?: AbortSignal) => {
    try {
      const list = await listDatasets(signal);
      setDatasets([...list].sort(newestFirst));
      setDatasetsError(null);
    } catch (error) {
      if (!signal?.aborted) setDatasetsError(error);
    }
  }, []);

  const reloadJobs = useCallback(async (signal?: AbortSignal) => {
    try {
      const list = [...(await listIngestions(signal))].sort(newestFirst);
      setJobs(list);
      setJobsError(null);
      // Coming back to the page while an ingestion runs: show that one.
      const active = list.find((job) => !isFinished(job.state));
      if (active) setFollowed((current) => current ?? active);
    } catch (error) {
      if (!signal?.aborted) setJobsError(error);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reloadDatasets(controller.signal);
    void reloadJobs(controller.signal);
    return () => controller.abort();
  }, [reloadDatasets, reloadJobs]);

  // Poll the followed job every second until it has ended, then refresh the lists once.
  const followedId = followed?.jobId ?? null;
  useEffect(() => {
    if (followedId === null) return undefined;
    const controller = new AbortController();
    setPollWarning(null);
    setPollError(null);
    pollIngestion(followedId, {
      intervalMs: 1000,
      signal: controller.signal,
      onUpdate: (job) => {
        setFollowed(job);
        setJobs((list) => upsertJob(list, job));
        setPollWarning(null);
      },
      onTransientError: (error) => setPollWarning(errorMessage(error)),
    })
      .then((job) => {
        if (job.state === 'SUCCEEDED') void reloadDatasets();
        void reloadJobs();
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setPollError(error);
      });
    return () => controller.abort();
  }, [followedId, reloadDatasets, reloadJobs]);

  const onStarted = (job: IngestionJob) => {
    setJobs((list) => upsertJob(list, job));
    setFollowed(job);
  };

  return (
    <SubPage id="datasets" title="Datasets">
      <div className="research-page" data-testid="page-datasets">
        {datasetsError !== null && <ErrorNotice error={datasetsError} testId="datasets-error" />}
        <div className="table-wrap">
          <DatasetsTable datasets={datasets ?? []} />
          {datasets === null && datasetsError === null && (
            <p className="table-wrap__status muted" role="status">
              Loading datasets…
            </p>
          )}
          {datasets?.length === 0 && (
            <p className="table-wrap__status muted" data-testid="datasets-empty">
              No datasets yet. Ingest one below (or with <code>./vigil ingest</code>); it will be listed here.
            </p>
          )}
        </div>

        <section className="card ingest-card">
          <IngestForm onStarted={onStarted} />
          {followed && <JobProgressPanel job={followed} warning={pollWarning} />}
          {pollError !== null && <ErrorNotice error={pollError} testId="job-poll-error" />}
        </section>

        <section className="research-section" aria-labelledby="jobs-title">
          <h3 id="jobs-title">Recent ingestions</h3>
          {jobsError !== null && <ErrorNotice error={jobsError} testId="jobs-error" />}
          {jobs !== null && jobs.length === 0 ? (
            <p className="muted" data-testid="jobs-empty">
              No ingestion has been started yet.
            </p>
          ) : (
            <div className="table-wrap">
              <JobsTable jobs={jobs ?? []} followedId={followedId} onFollow={setFollowed} />
              {jobs === null && jobsError === null && (
                <p className="table-wrap__status muted" role="status">
                  Loading ingestions…
                </p>
              )}
            </div>
          )}
        </section>
      </div>
    </SubPage>
  );
}
