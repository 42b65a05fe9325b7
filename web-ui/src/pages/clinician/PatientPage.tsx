import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  doseText,
  getPatient,
  getRecommendation,
  rulesByConcern,
  sendFeedback,
  type AuditedRecommendation,
  type ChoiceView,
  type Feedback,
} from '../../api/patients';
import type { Episode } from '../../api/types';
import { treatmentsTimeline, vitalsTimelines } from '../../charts/episodeTimeline';
import { TimelineChart } from '../../charts/TimelineChart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OutcomeBadge } from '../../components/OutcomeBadge';

function Choice({ choice, testId }: { choice: ChoiceView; testId: string }) {
  return (
    <ul className="dose-list" data-testid={testId}>
      {choice.doses.map((d) => (
        <li key={d.action}>
          <span className="mono">{d.action}</span>: {doseText(d)}
        </li>
      ))}
    </ul>
  );
}

function FeedbackForm({ seq }: { seq: number }) {
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<Feedback | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = (outcome: 'accepted' | 'overridden') => {
    setError(null);
    sendFeedback(seq, outcome, reason, '').then(setSent).catch(setError);
  };
  if (sent !== null) {
    return (
      <p className="notice" data-testid="feedback-sent" role="status">
        Recorded: {sent.outcome}
        {sent.reason ? ` (${sent.reason})` : ''}. It is kept in the audit trail with this recommendation.
      </p>
    );
  }
  return (
    <div className="feedback" data-testid="feedback-form">
      <label className="field">
        <span>Reason (required to override)</span>
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="feedback-reason" />
      </label>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => send('accepted')} data-testid="feedback-accept">
          Accept
        </button>
        <button type="button" className="button" onClick={() => send('overridden')} data-testid="feedback-override">
          Override
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} testId="feedback-error" />}
    </div>
  );
}

function RecommendationPanel({ answer }: { answer: AuditedRecommendation }) {
  const r = answer.recommendation;
  return (
    <section className="card recommendation" data-testid="recommendation" data-critical={String(r.critical)} aria-labelledby="rec-title">
      <h3 id="rec-title">Current recommendation</h3>
      {r.outOfSupport && (
        <div className="notice notice--error" role="alert" data-testid="out-of-support">
          <strong>Outside the data&apos;s support.</strong> {r.fallback?.explanation ?? ''}
        </div>
      )}
      <p className="recommendation__headline" data-testid="recommendation-headline">
        {r.headline}
      </p>
      <div className="badges">
        <span
          className={`badge ${r.guardian.inSupport ? 'badge--ok' : 'badge--danger'}`}
          data-testid="guardian-badge"
          title={r.guardian.method}
        >
          Guardian: {r.guardian.inSupport ? 'in support' : 'out of support'} (score {r.guardian.score.toPrecision(3)}, threshold{' '}
          {r.guardian.threshold.toPrecision(3)})
        </span>{' '}
        <span className={`badge ${r.totalCost > 0 ? 'badge--danger' : 'badge--ok'}`} data-testid="safety-badge">
          Safety cost {r.totalCost}
        </span>
      </div>
      {r.recommended !== null && (
        <>
          <h4>{r.recommendedSource === 'fallback' ? 'Conservative option' : 'Recommended'}</h4>
          <Choice choice={r.recommended} testId="recommended-doses" />
        </>
      )}
      {r.alternatives.length > 0 && (
        <>
          <h4>Alternatives</h4>
          <ol data-testid="alternatives">
            {r.alternatives.map((a, i) => (
              <li key={a.actionId ?? i}>
                {a.doses.map((d) => doseText(d)).join(' · ')}
                {a.probability !== null && <span className="muted"> (p = {a.probability.toFixed(2)})</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <h4>Why: safety rules</h4>
      <table className="table table--compact" data-testid="recommendation-rules">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col">Rationale</th>
          </tr>
        </thead>
        <tbody>
          {rulesByConcern(r.rules).map((rule) => (
            <tr key={rule.ruleId} className={rule.status === 'VIOLATED' ? 'text-danger' : undefined}>
              <td className="mono">{rule.ruleId}</td>
              <td>{rule.status.toLowerCase().replace('_', ' ')}</td>
              <td className="num">{rule.cost}</td>
              <td>{rule.rationale}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Why: similar patients in the data</h4>
      <table className="table table--compact" data-testid="similar-patients">
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col" className="num">
              Bloc
            </th>
            <th scope="col" className="num">
              Distance
            </th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {r.similarPatients.map((p) => (
            <tr key={`${p.patientId}-${p.bloc}`}>
              <td className="mono">{p.patientId}</td>
              <td className="num">{p.bloc}</td>
              <td className="num">{p.distance.toFixed(3)}</td>
              <td>{p.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Guardian: {r.guardian.method}</p>
      {r.notes.length > 0 && (
        <ul className="muted" data-testid="recommendation-notes">
          {r.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p className="muted" data-testid="recommendation-versions">
        Model: {r.versions.algorithm} run {r.versions.runId.slice(0, 8)} · data {r.versions.datasetSha256.slice(0, 12)} · rules{' '}
        {r.versions.ruleSet}
      </p>
      {answer.auditSeq !== null && <FeedbackForm seq={answer.auditSeq} />}
    </section>
  );
}

/** One patient: the charted course, the current recommendation with its evidence, and accept/override. */
export function PatientPage() {
  const { patientId = '' } = useParams();
  const [episode, setEpisode] = useState<Episode | null>(null);
  const [answer, setAnswer] = useState<AuditedRecommendation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [recError, setRecError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setEpisode(null);
    setAnswer(null);
    setError(null);
    setRecError(null);
    getPatient(patientId, controller.signal)
      .then(setEpisode)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    getRecommendation(patientId, controller.signal)
      .then(setAnswer)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setRecError(e);
      });
    return () => controller.abort();
  }, [patientId]);

  const vitals = useMemo(() => (episode ? vitalsTimelines(episode) : []), [episode]);
  const treatments = useMemo(() => (episode ? treatmentsTimeline(episode) : null), [episode]);

  return (
    <section className="subpage research-page clinician-patient" data-testid="page-patient" aria-labelledby="patient-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/clinician/patients">Patients</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="mono">
          {patientId}
        </span>
      </nav>
      <div className="section-head">
        <h2 id="patient-title">
          Patient <span className="mono">{patientId}</span>
        </h2>
        {episode && <OutcomeBadge outcome={episode.outcome} testId="patient-outcome" />}
      </div>
      {error !== null && <ErrorNotice error={error} testId="patient-error" />}
      {recError !== null && <ErrorNotice error={recError} testId="recommendation-error" />}
      {answer !== null && <RecommendationPanel answer={answer} />}
      {episode !== null && (
        <section className="card timeline-card" aria-label="Course" data-testid="patient-charts">
          <h3>Vital signs and labs</h3>
          {vitals.map(({ group, spec }) =>
            spec.panels.length > 0 ? (
              <div key={group.id} data-testid={`patient-vitals-${group.id}`}>
                <TimelineChart spec={spec} label={`${group.label} over time`} />
              </div>
            ) : null,
          )}
          {treatments && (
            <>
              <h3>Fluids and vasopressors</h3>
              <div data-testid="patient-treatments">
                <TimelineChart spec={treatments} label="Treatments over time" />
              </div>
            </>
          )}
        </section>
      )}
    </section>
  );
}
