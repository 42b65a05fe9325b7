import { listRuns } from '../../api/runs';
import type { TrainingRun } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubPage } from '../SubPage';
import { RUN_POLL_MS } from './runFormat';
import { RunsTable } from './RunsTable';
import { usePoll } from './usePoll';

const newestFirst = (a: TrainingRun, b: TrainingRun) => b.createdAt.localeCompare(a.createdAt);

async function loadRuns(signal: AbortSignal): Promise<TrainingRun[]> {
  return [...(await listRuns(signal))].sort(newestFirst);
}

const anyRunning = (runs: readonly TrainingRun[]) => runs.some((run) => run.state === 'RUNNING');

/** Training runs; refreshed every 5 s while one of them is still running. */
export function RunsPage() {
  const { data: runs, error, warning } = usePoll('runs', loadRuns, anyRunning, RUN_POLL_MS);
  const running = runs !== null && anyRunning(runs);

  return (
    <SubPage id="runs" title="Runs">
      <div className="research-page" data-testid="page-runs" data-polling={running ? 'true' : 'false'}>
        {error !== null && <ErrorNotice error={error} testId="runs-error" />}
        {runs === null && error === null && (
          <p className="muted" role="status">
            Loading training runs…
          </p>
        )}
        {runs !== null && runs.length === 0 && (
          <div data-testid="runs-empty">
            <div className="empty-state" data-testid="empty-state">
              <p className="empty-state__title">
                No training runs yet — train one with{' '}
                <code className="command">./vigil train --algo ogsrl --dataset &lt;id&gt; --seed 1</code>
              </p>
            </div>
          </div>
        )}
        {runs !== null && runs.length > 0 && (
          <>
            <div className="table-wrap">
              <RunsTable runs={runs} />
            </div>
            {(running || warning) && (
              <p className="muted runs-status" role="status" data-testid="runs-status">
                {warning ? `${warning} Still trying…` : 'A run is in progress; this list refreshes every 5 seconds.'}
              </p>
            )}
          </>
        )}
      </div>
    </SubPage>
  );
}
