import { useEffect, useMemo, useState } from 'react';
import { formatShare, getSafetyReportContent, listReports, type RunReport, type SafetyReportContent } from '../../api/reports';
import { EChart } from '../../charts/EChart';
import type { ChartOption } from '../../charts/types';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReportLinks, VerdictBadge } from '../research/RunReports';
import { SubPage } from '../SubPage';

const share = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Per-rule violation rates, policy next to clinicians. */
function RuleChart({ content }: { content: SafetyReportContent }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 60, right: 20, top: 30, bottom: 90 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' as const },
      xAxis: { type: 'category' as const, data: content.rules.map((r) => r.ruleId), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' as const, name: 'share of steps' },
      series: [
        { name: 'policy', type: 'bar' as const, data: content.rules.map((r) => share(r.policyViolationRate)), itemStyle: { color: '#0b6e79' } },
        { name: 'clinicians', type: 'bar' as const, data: content.rules.map((r) => share(r.clinicianViolationRate)), itemStyle: { color: '#9aa5b1' } },
      ],
    }),
    [content],
  );
  return (
    <figure data-testid="safety-rule-chart">
      <EChart option={option} height={320} ariaLabel="Violation rate by rule, policy and clinicians" />
    </figure>
  );
}

function SafetyDetail({ report }: { report: RunReport }) {
  const [content, setContent] = useState<SafetyReportContent | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    setContent(null);
    getSafetyReportContent(report.id, controller.signal)
      .then(setContent)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [report.id]);
  if (error !== null) return <ErrorNotice error={error} testId="safety-detail-error" />;
  if (content === null) return <p className="muted">Loading report…</p>;
  const sides: [string, (s: SafetyReportContent['policy']) => string][] = [
    ['Mean episode cost', (s) => s.meanEpisodeCost.toFixed(3)],
    [`Normalised cost (budget ${content.budget})`, (s) => s.normalisedCost.toFixed(3)],
    ['Episodes within budget', (s) => formatShare(s.withinBudgetRate)],
    ['Failure rate', (s) => formatShare(s.failureRate)],
    ['Violating steps per episode', (s) => s.violatingStepsPerEpisode.toFixed(2)],
    ['Out-of-support rate', (s) => formatShare(s.oodRate)],
  ];
  return (
    <div className="card" data-testid="safety-detail">
      <h3>
        {content.title} <VerdictBadge verdict={content.verdict.pass ? 'PASS' : 'FAIL'} />
      </h3>
      <ul data-testid="safety-reasons">
        {content.verdict.reasons.map((r) => (
          <li key={r} className={r.startsWith('FAIL') ? 'text-danger' : undefined}>
            {r}
          </li>
        ))}
      </ul>
      <table className="table table--compact" data-testid="safety-sides">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Policy</th>
            <th scope="col">Clinicians</th>
          </tr>
        </thead>
        <tbody>
          {sides.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value(content.policy)}</td>
              <td>{value(content.clinicians)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <RuleChart content={content} />
      {content.calibration && (
        <p data-testid="safety-calibration">
          Guardian coverage on {content.calibration.heldOut} held-out points: {formatShare(content.calibration.measuredCoverage)} (target{' '}
          {formatShare(content.calibration.targetCoverage)}).
        </p>
      )}
      <h4>Worst episodes</h4>
      <table className="table table--compact" data-testid="safety-worst">
        <thead>
          <tr>
            <th scope="col">Episode</th>
            <th scope="col">Policy cost</th>
            <th scope="col">Clinician cost</th>
            <th scope="col">Rules violated</th>
          </tr>
        </thead>
        <tbody>
          {content.worstEpisodes.map((w) => (
            <tr key={w.episodeId}>
              <td className="mono">{w.episodeId}</td>
              <td>{w.policyCost.toFixed(2)}</td>
              <td>{w.clinicianCost.toFixed(2)}</td>
              <td>{w.rulesViolated.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Provenance</h4>
      <dl className="facts" data-testid="safety-provenance">
        {Object.entries(content.provenance).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="mono facts__break">{v}</dd>
          </div>
        ))}
        <div>
          <dt>Rule set</dt>
          <dd className="mono">
            {content.ruleSet.id} {content.ruleSet.version}
          </dd>
        </div>
      </dl>
      <p>
        <ReportLinks report={report} />
      </p>
    </div>
  );
}

/** Every safety-constraint report, newest first; one opened below with its figures. */
export function SafetyReportsPage() {
  const [reports, setReports] = useState<RunReport[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    listReports('safety', controller.signal)
      .then(setReports)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, []);
  const shown = reports?.find((r) => r.id === selected) ?? reports?.[0] ?? null;
  return (
    <SubPage id="safety-reports" title="Safety reports">
      <div data-testid="page-safety-reports">
        {error !== null && <ErrorNotice error={error} testId="safety-reports-error" />}
        {reports !== null && reports.length === 0 && (
          <p className="muted" data-testid="safety-reports-empty">
            No safety-constraint reports yet. A researcher generates one from a run's page or with ./vigil safety-report.
          </p>
        )}
        {reports !== null && reports.length > 0 && (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="safety-reports-table">
                <thead>
                  <tr>
                    <th scope="col">Verdict</th>
                    <th scope="col">Run</th>
                    <th scope="col">Summary</th>
                    <th scope="col">Rules</th>
                    <th scope="col">Generated</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.map((r) => (
                    <tr key={r.id} className={r.id === shown?.id ? 'is-selected' : undefined} data-report-id={r.id}>
                      <td>
                        <VerdictBadge verdict={r.verdict} />
                      </td>
                      <td>
                        <button type="button" className="link-button mono" onClick={() => setSelected(r.id)}>
                          {r.runId.slice(0, 8)}
                        </button>
                      </td>
                      <td>{r.summary}</td>
                      <td className="mono">
                        {r.ruleSetId} {r.ruleSetVersion}
                      </td>
                      <td>
                        {r.createdBy}, <DateTime iso={r.createdAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {shown && <SafetyDetail report={shown} />}
          </>
        )}
      </div>
    </SubPage>
  );
}
