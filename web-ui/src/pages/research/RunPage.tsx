import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getRun, getRunMetrics, prettyConfig } from '../../api/runs';
import type { MetricSeries, RunMetrics, TrainingRunDetail } from '../../api/types';
import { EChart } from '../../charts/EChart';
import { buildLearningCurveOption, learningCurveHeight, metricNames } from '../../charts/learningCurve';
import { CopyButton } from '../../components/CopyButton';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { datasetPath } from './DatasetsTable';
import { JobStateBadge } from './JobProgressPanel';
import { RUN_POLL_MS, shortId } from './runFormat';
import { usePoll } from './usePoll';
import { RunReports } from './RunReports';
import { useCurrentUser } from '../../auth/session';

interface RunView {
  detail: TrainingRunDetail;
  metrics: RunMetrics | null;
  /** The curves could not be read; the run itself could. */
  metricsError: unknown;
}

async function loadRun(id: string, signal: AbortSignal): Promise<RunView> {
  const [detail, metrics] = await Promise.all([
    getRun(id, signal),
    getRunMetrics(id, signal).then(
      (m) => ({ ok: true as const, m }),
      (e: unknown) => {
        if (signal.aborted) throw e;
        return { ok: false as const, e };
      },
    ),
  ]);
  return metrics.ok ? { detail, metrics: metrics.m, metricsError: null } : { detail, metrics: null, metricsError: metrics.e };
}

const isRunning = (view: RunView) => view.detail.run.state === 'RUNNING';

function Sha({ value, what, testId, copyTestId }: { value: string; what: string; testId: string; copyTestId: string }) {
  return (
    <dd className="sha">
      <code title={value} data-testid={testId} data-value={value}>
        {value.slice(0, 12)}…
      </code>
      <CopyButton text={value} what={what} testId={copyTestId} />
    </dd>
  );
}

function CurveChart({ name, series, index }: { name: string; series: MetricSeries; index: number }) {
  const option = useMemo(() => buildLearningCurveOption(name, series, index), [name, series, index]);
  const points = Math.min(series.iterations.length, series.values.length);
  return (
    <figure className="curve" data-testid="run-curve" data-metric={name}>
      <figcaption className="curve__title">
        <span className="mono">{name}</span> <span className="muted curve__count">{points} points</span>
      </figcaption>
      <EChart option={option} height={learningCurveHeight()} ariaLabel={`${name} by iteration`} />
    </figure>
  );
}

/** One training run: its provenance, its config and its learning curves (refreshed every 5 s while running). */
export function RunPage() {
  const { runId = '' } = useParams();
  const { data, error, warning } = usePoll(`run:${runId}`, (signal) => loadRun(runId, signal), isRunning, RUN_POLL_MS);
  const run = data?.detail.run ?? null;
  const config = useMemo(() => (data ? prettyConfig(data.detail.configJson) : ''), [data]);
  const metrics = data?.metrics?.metrics ?? null;
  const names = metrics ? metricNames(metrics) : [];
  const user = useCurrentUser();

  return (
    <section className="subpage research-page run-page" data-testid="page-run" aria-labelledby="run-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/research/runs">Runs</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="mono">
          {shortId(runId)}
        </span>
      </nav>
      <div className="section-head">
        <h2 id="run-title">
          Run <span className="mono" title={runId}>{shortId(runId)}</span>
        </h2>
        {run && <JobStateBadge state={run.state} testId="run-state" />}
      </div>
      {error !== null && <ErrorNotice error={error} testId="run-load-error" />}
      {data === null && error === null && (
        <p className="muted" role="status">
          Loading run…
        </p>
      )}
      {warning && (
        <p className="muted" role="status" data-testid="run-warning">
          {warning} Still trying…
        </p>
      )}
      {data && run && (
        <>
          {run.state === 'FAILED' && (
            <div className="notice notice--error" role="alert" data-testid="run-error">
              <strong>The run failed.</strong> <span className="run-page__error">{run.error ?? 'No detail was given.'}</span>
            </div>
          )}
          <div className="card">
            <dl className="facts" data-testid="run-provenance">
              <div>
                <dt>Algorithm</dt>
                <dd data-testid="run-algorithm">
                  <code>{run.algorithm}</code>
                </dd>
              </div>
              <div>
                <dt>Dataset</dt>
                <dd>
                  <Link to={datasetPath(run.datasetId)} className="mono" title={run.datasetId} data-testid="run-dataset-link">
                    {shortId(run.datasetId, 12)}
                  </Link>
                </dd>
              </div>
              <div>
                <dt>Seed</dt>
                <dd data-testid="run-seed">{run.seed}</dd>
              </div>
              <div>
                <dt>Code version</dt>
                <dd className="mono facts__break" data-testid="run-code-version">
                  {run.codeVersion}
                </dd>
              </div>
              <div>
                <dt>Config SHA-256</dt>
                <Sha value={run.configSha256} what="config SHA-256" testId="run-config-sha256" copyTestId="copy-config-sha256" />
              </div>
              <div>
                <dt>Policy SHA-256</dt>
                {run.policySha256 ? (
                  <Sha value={run.policySha256} what="policy SHA-256" testId="run-policy-sha256" copyTestId="copy-policy-sha256" />
                ) : (
                  <dd className="muted">{run.state === 'RUNNING' ? 'not yet' : 'none'}</dd>
                )}
              </div>
              <div>
                <dt>Created</dt>
                <dd data-testid="run-created">
                  {run.createdBy}, <DateTime iso={run.createdAt} />
                </dd>
              </div>
              <div>
                <dt>Finished</dt>
                <dd data-testid="run-finished">
                  {run.finishedAt ? <DateTime iso={run.finishedAt} /> : <span className="muted">{run.state === 'RUNNING' ? 'still running' : '–'}</span>}
                </dd>
              </div>
            </dl>
          </div>

          <section className="card timeline-card" aria-labelledby="curves-title">
            <div className="section-head">
              <h3 id="curves-title">Learning curves</h3>
              {run.state === 'RUNNING' && (
                <span className="muted" data-testid="curves-polling">
                  refreshed every 5 seconds
                </span>
              )}
            </div>
            <div data-testid="run-curves" data-metric-count={names.length}>
              {data.metricsError !== null && <ErrorNotice error={data.metricsError} testId="curves-error" />}
              {metrics !== null && names.length === 0 && (
                <p className="muted" data-testid="curves-empty">
                  {run.state === 'RUNNING' ? 'No metrics recorded yet.' : 'This run recorded no metrics.'}
                </p>
              )}
              {metrics !== null && names.length > 0 && (
                <div className="curves">
                  {names.map((name, i) => {
                    const series = metrics[name];
                    return series ? <CurveChart key={name} name={name} series={series} index={i} /> : null;
                  })}
                </div>
              )}
            </div>
          </section>

          {run.state === 'SUCCEEDED' && <RunReports runId={run.id} canGenerate={user.roles.includes('researcher')} />}

          <section className="card" aria-labelledby="config-title">
            <div className="section-head">
              <h3 id="config-title">Config</h3>
              <CopyButton text={data.detail.configJson} what="config JSON" testId="copy-config" />
            </div>
            <pre className="config-json" data-testid="run-config">
              {config}
            </pre>
          </section>
        </>
      )}
    </section>
  );
}
