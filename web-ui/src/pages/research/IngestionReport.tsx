import type { IngestionReport as Report } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { formatInteger } from '../../format';
import { IssueCounts } from './DatasetsTable';
import { issueRows, kindLabel } from './issues';
import { formatDuration } from './jobFormat';

const MAX_EXAMPLES = 5;

function elapsedSeconds(from: string, to: string): number | null {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : null;
}

/** What the ingestion read (per resource type), what it complained about (per issue kind) and what it skipped. */
export function IngestionReport({ report }: { report: Report | null }) {
  if (report === null) {
    return (
      <section className="card report" data-testid="dataset-report" aria-labelledby="report-title">
        <h3 id="report-title">Ingestion report</h3>
        <p className="muted">No ingestion report was recorded for this dataset.</p>
      </section>
    );
  }
  const resources = Object.entries(report.resourcesByType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const totalResources = resources.reduce((sum, [, n]) => sum + n, 0);
  const issues = issueRows(report.issuesByKind);
  const elapsed = elapsedSeconds(report.startedAt, report.finishedAt);

  return (
    <section className="card report" data-testid="dataset-report" aria-labelledby="report-title">
      <header className="report__header">
        <h3 id="report-title">Ingestion report</h3>
        <IssueCounts errors={report.errorCount} informational={report.informationalCount} />
      </header>
      <dl className="facts facts--compact">
        <div>
          <dt>Started</dt>
          <dd>
            <DateTime iso={report.startedAt} />
          </dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>
            <DateTime iso={report.finishedAt} />
          </dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{elapsed === null ? '–' : formatDuration(elapsed)}</dd>
        </div>
        <div className="facts__wide">
          <dt>Sources</dt>
          <dd>
            {report.sources.length === 0 ? (
              <span className="muted">none recorded</span>
            ) : (
              <ul className="plain-list mono" data-testid="report-sources">
                {report.sources.map((source) => (
                  <li key={source}>{source}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>

      <div className="report__grid">
        <div>
          <h4>Resources read</h4>
          <div className="table-wrap table-wrap--flat">
            <table className="table table--compact" data-testid="report-resources">
              <thead>
                <tr>
                  <th scope="col">Resource type</th>
                  <th scope="col" className="num">
                    Read
                  </th>
                </tr>
              </thead>
              <tbody>
                {resources.map(([type, count]) => (
                  <tr key={type} data-resource-type={type}>
                    <td>{type}</td>
                    <td className="num">{formatInteger(count)}</td>
                  </tr>
                ))}
              </tbody>
              {resources.length > 0 && (
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td className="num">{formatInteger(totalResources)}</td>
                  </tr>
                </tfoot>
              )}
            </table>
            {resources.length === 0 && <p className="table-wrap__status muted">No resources were read.</p>}
          </div>

          <h4>Skipped files</h4>
          {report.skippedFiles.length === 0 ? (
            <p className="muted" data-testid="skipped-files">
              None.
            </p>
          ) : (
            <ul className="plain-list mono" data-testid="skipped-files">
              {report.skippedFiles.map((file) => (
                <li key={file}>{file}</li>
              ))}
            </ul>
          )}
        </div>

        <div>
          <h4>Issues by kind</h4>
          {issues.length === 0 ? (
            <p className="muted" data-testid="no-issues">
              No issues.
            </p>
          ) : (
            <div className="table-wrap table-wrap--flat">
              <table className="table table--compact issues-table" data-testid="report-issues">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">
                      Count
                    </th>
                    <th scope="col">Examples</th>
                  </tr>
                </thead>
                <tbody>
                  {issues.map(({ kind, count, severity }) => {
                    const examples = (report.examples[kind] ?? []).slice(0, MAX_EXAMPLES);
                    return (
                      <tr
                        key={kind}
                        data-testid={`issue-kind-${kind}`}
                        data-severity={severity}
                        className={`issue-row issue-row--${severity}`}
                      >
                        <td>
                          <span className={`badge badge--${severity === 'error' ? 'danger' : 'info'}`}>
                            {severity === 'error' ? 'error' : 'info'}
                          </span>{' '}
                          <code title={kindLabel(kind)}>{kind}</code>
                        </td>
                        <td className="num" data-testid="issue-count">
                          {formatInteger(count)}
                        </td>
                        <td>
                          {examples.length === 0 ? (
                            <span className="muted">–</span>
                          ) : (
                            <ul className="examples">
                              {examples.map((example, i) => (
                                <li key={i} className="mono">
                                  <span className="examples__origin">{example.origin}</span>
                                  <span className="examples__message">{example.message}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                          {count > examples.length && examples.length > 0 && (
                            <p className="muted examples__more">
                              {formatInteger(count - examples.length)} more not shown
                            </p>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
