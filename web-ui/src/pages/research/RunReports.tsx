import { useEffect, useState } from 'react';
import { generateEvaluationReport, generateSafetyReport, listRunReports, reportPath, type RunReport } from '../../api/reports';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';

/** Links to a report's renderings; the browser opens the self-contained HTML and downloads the PDF. */
export function ReportLinks({ report }: { report: RunReport }) {
  return (
    <span className="report-links">
      <a href={`${reportPath(report.id)}/html`} target="_blank" rel="noreferrer" data-testid="report-html-link">
        HTML
      </a>
      {' · '}
      <a href={`${reportPath(report.id)}/json`} target="_blank" rel="noreferrer">
        JSON
      </a>
      {report.hasPdf && (
        <>
          {' · '}
          <a href={`${reportPath(report.id)}/pdf`} data-testid="report-pdf-link">
            PDF
          </a>
        </>
      )}
    </span>
  );
}

export function VerdictBadge({ verdict }: { verdict: RunReport['verdict'] }) {
  if (verdict === null) return null;
  return (
    <span className={`badge ${verdict === 'PASS' ? 'badge--ok' : 'badge--danger'}`} data-testid="report-verdict">
      {verdict}
    </span>
  );
}

/** A run's reports, and buttons to generate new ones (researchers). */
export function RunReports({ runId, canGenerate }: { runId: string; canGenerate: boolean }) {
  const [reports, setReports] = useState<RunReport[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listRunReports(runId, controller.signal)
      .then(setReports)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [runId, reload]);

  const generate = (what: string, action: () => Promise<RunReport>) => {
    setBusy(what);
    setError(null);
    action()
      .then(() => setReload((n) => n + 1))
      .catch(setError)
      .finally(() => setBusy(null));
  };

  return (
    <section className="card" aria-labelledby="reports-title" data-testid="run-reports">
      <div className="section-head">
        <h3 id="reports-title">Reports</h3>
        {canGenerate && (
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={() => generate('evaluation', () => generateEvaluationReport(runId, 'last'))}
              data-testid="generate-evaluation-report"
            >
              {busy === 'evaluation' ? 'Evaluating…' : 'Evaluation report'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={() => generate('safety', () => generateSafetyReport(runId))}
              data-testid="generate-safety-report"
            >
              {busy === 'safety' ? 'Checking…' : 'Safety report'}
            </button>
          </div>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} testId="reports-error" />}
      {reports !== null && reports.length === 0 && (
        <p className="muted" data-testid="reports-empty">
          No reports yet{canGenerate ? ': generate one above, or run ./vigil evaluate --run ' + runId.slice(0, 8) : ''}.
        </p>
      )}
      {reports !== null && reports.length > 0 && (
        <table className="table table--compact" data-testid="reports-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Summary</th>
              <th scope="col">Rules</th>
              <th scope="col">Generated</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id} data-testid={`report-${r.kind}`} data-report-id={r.id}>
                <td>
                  {r.kind} <VerdictBadge verdict={r.verdict} />
                </td>
                <td>{r.summary}</td>
                <td className="mono">{r.ruleSetId ? `${r.ruleSetId} ${r.ruleSetVersion ?? ''}` : '–'}</td>
                <td>
                  {r.createdBy}, <DateTime iso={r.createdAt} />
                </td>
                <td>
                  <ReportLinks report={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
