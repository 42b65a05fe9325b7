import { useEffect, useState, type FormEvent } from 'react';
import {
  getEntryReport,
  listAuditEntries,
  NO_FILTERS,
  verifyAuditTrail,
  type AuditEntry,
  type AuditFilters,
  type AuditVerification,
  type RecommendationReport,
} from '../../api/audit';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubPage } from '../SubPage';

const PAGE = 100;

function Verification({ result }: { result: AuditVerification }) {
  return result.valid ? (
    <p className="notice" data-testid="audit-verification" data-valid="true" role="status">
      <span className="badge badge--ok">verified</span> The hash chain of all {result.entries} entries is intact.
    </p>
  ) : (
    <div className="notice notice--error" data-testid="audit-verification" data-valid="false" role="alert">
      <strong>The audit trail is broken at entry {result.firstBadSeq}.</strong> {result.problem}
    </div>
  );
}

/** One recommendation's report: its own verification, what was recommended and why, and what was done with it. */
function EntryReport({ seq }: { seq: number }) {
  const [report, setReport] = useState<RecommendationReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    setReport(null);
    setError(null);
    getEntryReport(seq, controller.signal)
      .then(setReport)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [seq]);
  if (error !== null) return <ErrorNotice error={error} testId="entry-report-error" />;
  if (report === null) return <p className="muted">Loading entry {seq}…</p>;
  const v = report.verification;
  return (
    <div className="card" data-testid="entry-report" data-seq={seq}>
      <h3>
        Entry {seq}: {report.entry.kind}{' '}
        <span className={`badge ${v.hashValid && v.linked ? 'badge--ok' : 'badge--danger'}`} data-testid="entry-check">
          {v.hashValid && v.linked ? 'hash valid, linked' : v.problem ?? 'not valid'}
        </span>
      </h3>
      <p className="muted">
        {report.entry.caller} · patient {report.entry.patientId ?? '–'} · <DateTime iso={report.entry.recordedAt} /> · request{' '}
        <span className="mono">{report.entry.requestSha256.slice(0, 12)}</span>
      </p>
      {report.headline && (
        <p data-testid="entry-headline">
          {report.outOfSupport && <span className="badge badge--danger">out of support</span>} {report.headline}
        </p>
      )}
      {report.guardian && (
        <p data-testid="entry-guardian">
          Guardian ({report.guardian.method}): score {report.guardian.score.toPrecision(3)}, threshold{' '}
          {report.guardian.threshold.toPrecision(3)}, {report.guardian.inSupport ? 'in support' : 'out of support'}.
        </p>
      )}
      {report.rules && (
        <table className="table table--compact" data-testid="entry-rules">
          <thead>
            <tr>
              <th scope="col">Rule checked</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rules.map((r) => (
              <tr key={r.ruleId} className={r.status === 'VIOLATED' ? 'text-danger' : undefined}>
                <td className="mono">{r.ruleId}</td>
                <td>{r.status.toLowerCase().replace('_', ' ')}</td>
                <td className="num">{r.cost}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.cards.map((c) => (
        <div key={c.uuid} className="notice" data-testid="entry-card">
          <strong>
            [{c.indicator}] {c.summary}
          </strong>
          <pre className="config-json">{c.detail}</pre>
        </div>
      ))}
      <h4>Outcome</h4>
      {report.feedback.length === 0 ? (
        <p className="muted" data-testid="entry-feedback-none">
          No feedback recorded.
        </p>
      ) : (
        <ul data-testid="entry-feedback">
          {report.feedback.map((f) => (
            <li key={f.id}>
              <strong>{f.outcome}</strong> by {f.by} via {f.service}
              {f.reason ? `: ${f.reason}` : ''} {f.at && <DateTime iso={f.at} />}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Model {report.entry.modelVersion ?? '–'} · data {report.entry.dataVersion ?? '–'} · rules {report.entry.ruleVersion ?? '–'}
      </p>
    </div>
  );
}

/** The audit trail with filters, its verification status, and one entry's report. */
export function AuditTrailPage() {
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [applied, setApplied] = useState<AuditFilters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    verifyAuditTrail(controller.signal)
      .then(setVerification)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    listAuditEntries(applied, PAGE, controller.signal)
      .then(({ entries: found, total: count }) => {
        setEntries(found);
        setTotal(count);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [applied]);

  const field = (key: keyof AuditFilters, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={filters[key]}
        onChange={(e) => setFilters({ ...filters, [key]: e.target.value })}
        data-testid={`audit-filter-${key}`}
      />
    </label>
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(filters);
    setSelected(null);
  };

  return (
    <SubPage id="trail" title="Audit trail">
      <div data-testid="page-audit-trail">
        {verification !== null && <Verification result={verification} />}
        <form className="audit-filters" onSubmit={apply} data-testid="audit-filters">
          {field('user', 'User')}
          {field('patient', 'Patient')}
          {field('model', 'Model version')}
          {field('kind', 'Kind')}
          {field('from', 'From', 'datetime-local')}
          {field('to', 'To', 'datetime-local')}
          <div className="form__actions">
            <button type="submit" className="button button--primary" data-testid="audit-apply">
              Filter
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setFilters(NO_FILTERS);
                setApplied(NO_FILTERS);
              }}
            >
              Clear
            </button>
          </div>
        </form>
        {error !== null && <ErrorNotice error={error} testId="audit-error" />}
        {entries !== null && (
          <>
            <p className="muted" data-testid="audit-count">
              {total !== null ? `${total} matching entries` : `${entries.length} entries`}, newest first
              {total !== null && total > entries.length ? ` (showing ${entries.length})` : ''}.
            </p>
            <div className="table-wrap">
              <table className="table table--compact" data-testid="audit-entries">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Time</th>
                    <th scope="col">Kind</th>
                    <th scope="col">User</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Model</th>
                    <th scope="col">Rules</th>
                    <th scope="col">Entry hash</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr
                      key={e.seq}
                      data-seq={e.seq}
                      className={[
                        e.seq === selected ? 'is-selected' : '',
                        verification !== null && !verification.valid && verification.firstBadSeq === e.seq ? 'text-danger' : '',
                      ].join(' ')}
                    >
                      <td>
                        <button type="button" className="link-button" onClick={() => setSelected(e.seq)} data-testid="audit-open">
                          {e.seq}
                        </button>
                      </td>
                      <td>
                        <DateTime iso={e.recordedAt} />
                      </td>
                      <td>{e.kind}</td>
                      <td>{e.caller}</td>
                      <td className="mono">{e.patientId ?? '–'}</td>
                      <td className="mono" title={e.modelVersion ?? ''}>
                        {(e.modelVersion ?? '–').slice(0, 24)}
                      </td>
                      <td className="mono">{e.ruleVersion?.split(' ')[0] ?? '–'}</td>
                      <td className="mono" title={e.entryHash}>
                        {e.entryHash.slice(0, 12)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {selected !== null && <EntryReport seq={selected} />}
      </div>
    </SubPage>
  );
}
