import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import {
  listTacePatients,
  rankPlans,
  slicePath,
  type RankedPlan,
  type TacePatients,
  type TacePlan,
} from '../../api/tace';
import { EChart } from '../../charts/EChart';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubPage } from '../SubPage';
import { formatDays, formatMl, formatRisk, patientLabel, ruleId, survivalChartOption } from './taceFormat';

const TABLE_ROWS = 10;
const CURVES = 3;

function NoWorldModel({ error }: { error: ApiError }) {
  return (
    <div data-testid="tace-no-model">
      <EmptyState title="No world model yet">
        <p>{error.problem.detail}</p>
      </EmptyState>
    </div>
  );
}

function Provenance({ plan }: { plan: TacePlan }) {
  return (
    <dl className="facts facts--compact" data-testid="tace-provenance">
      <div>
        <dt>World model</dt>
        <dd className="mono" data-testid="tace-world-model-id" title={plan.worldModelId}>
          {plan.worldModelId.slice(0, 12)}
        </dd>
      </div>
      <div>
        <dt>Execution provider</dt>
        <dd data-testid="tace-provider">{plan.executionProvider}</dd>
      </div>
      <div>
        <dt>Simulations per plan</dt>
        <dd>
          K = {plan.simulationsPerPlan}, seed {plan.seed}
        </dd>
      </div>
      <div>
        <dt>Protocols ranked</dt>
        <dd>
          {plan.plans.length} in {(plan.elapsedMillis / 1000).toFixed(1)} s
        </dd>
      </div>
      <div>
        <dt>Protocol space</dt>
        <dd className="mono">{plan.protocolSpaceVersion}</dd>
      </div>
      <div>
        <dt>Contraindication rules</dt>
        <dd className="mono facts__break">{plan.contraindicationRuleSet}</dd>
      </div>
      <div>
        <dt>Planned</dt>
        <dd>
          <DateTime iso={plan.plannedAt} />
        </dd>
      </div>
    </dl>
  );
}

function Contraindications({ plan }: { plan: TacePlan }) {
  if (plan.contraindications.length === 0 && plan.unknownChecks.length === 0) return null;
  return (
    <>
      {plan.contraindications.length > 0 && (
        <div className="notice notice--error" role="alert" data-testid="tace-contraindications">
          <strong>Contraindicated: no plan is recommended.</strong>
          <ul>
            {plan.contraindications.map((c) => (
              <li key={c} data-rule-id={ruleId(c)}>
                {c}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.unknownChecks.length > 0 && (
        <div className="notice notice--warning" data-testid="tace-unknown-checks">
          Not checked (missing data):
          <ul>
            {plan.unknownChecks.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function PlansTable({
  plan,
  selected,
  onSelect,
}: {
  plan: TacePlan;
  selected: number;
  onSelect: (rank: number) => void;
}) {
  const [all, setAll] = useState(false);
  const rows = all ? plan.plans : plan.plans.slice(0, TABLE_ROWS);
  return (
    <>
      <div className="table-wrap">
        <table className="table table--compact" data-testid="plans-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Protocol</th>
              <th scope="col">Risk (interval)</th>
              <th scope="col">Median survival</th>
              <th scope="col">Tumour after</th>
              <th scope="col">Safety flags</th>
              <th scope="col">Slices</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr
                key={p.rank}
                data-rank={p.rank}
                data-recommended={p.recommended}
                className={p.rank === selected ? 'is-selected' : undefined}
              >
                <td data-testid="plan-rank">
                  {p.rank}
                  {p.recommended && (
                    <>
                      {' '}
                      <span className="badge badge--ok" data-testid="plan-recommended">
                        recommended
                      </span>
                    </>
                  )}
                </td>
                <td data-testid="plan-protocol">{p.protocol}</td>
                <td className="mono" data-testid="plan-risk">
                  {formatRisk(p)}
                </td>
                <td data-testid="plan-survival">{formatDays(p.medianSurvivalDays)}</td>
                <td data-testid="plan-tumour">
                  {formatMl(p.predictedTumourMl)} <span className="muted">of {formatMl(p.preTumourMl)}</span>
                </td>
                <td data-testid="plan-flags">
                  {p.safetyFlags.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    p.safetyFlags.map((f) => (
                      <span key={f} className="badge badge--danger" title={f}>
                        {ruleId(f)}
                      </span>
                    ))
                  )}
                </td>
                <td>
                  {p.hasImages && (
                    <button
                      type="button"
                      className="link-button"
                      data-testid="select-plan"
                      onClick={() => onSelect(p.rank)}
                    >
                      show
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.plans.length > TABLE_ROWS && (
        <button type="button" className="button button--ghost button--small" data-testid="plans-show-all" onClick={() => setAll(!all)}>
          {all ? `Show the top ${TABLE_ROWS}` : `Show all ${plan.plans.length} plans`}
        </button>
      )}
    </>
  );
}

function SliceViewer({ plan, rank }: { plan: TacePlan; rank: number }) {
  const [z, setZ] = useState(Math.floor(plan.depth / 2));
  useEffect(() => setZ(Math.floor(plan.depth / 2)), [plan]);
  const shown: RankedPlan | undefined = plan.plans.find((p) => p.rank === rank);
  if (!shown || !shown.hasImages || plan.depth === 0) return null;
  return (
    <div className="card" data-testid="slice-viewer" data-rank={rank}>
      <h3>
        Plan #{rank}: {shown.protocol}
      </h3>
      <div className="slice-pair">
        <figure>
          <img
            data-testid="slice-pre"
            src={slicePath(plan.patientId, rank, z, 'pre')}
            alt={`Pre-treatment CT, slice ${z}`}
          />
          <figcaption>Before (tumour outlined)</figcaption>
        </figure>
        <figure>
          <img
            data-testid="slice-post"
            src={slicePath(plan.patientId, rank, z, 'post')}
            alt={`Simulated post-treatment CT for plan ${rank}, slice ${z}`}
          />
          <figcaption>Simulated after (mean of {plan.simulationsPerPlan})</figcaption>
        </figure>
      </div>
      <label className="field" htmlFor="slice-z">
        <span>
          Slice <span data-testid="slice-z-label">{z}</span> of {plan.depth - 1}
        </span>
        <input
          id="slice-z"
          type="range"
          min={0}
          max={plan.depth - 1}
          value={z}
          onChange={(e) => setZ(Number(e.target.value))}
        />
      </label>
    </div>
  );
}

/** A clinician chooses a patient, ranks every valid TACE protocol and inspects the best plans. */
export function TacePlanningPage() {
  const [patients, setPatients] = useState<TacePatients | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [patientId, setPatientId] = useState('');
  const [plan, setPlan] = useState<TacePlan | null>(null);
  const [running, setRunning] = useState(false);
  const [planError, setPlanError] = useState<unknown>(null);
  const [selected, setSelected] = useState(1);

  useEffect(() => {
    const controller = new AbortController();
    listTacePatients(controller.signal)
      .then((p) => {
        setPatients(p);
        const first = p.patients[0];
        if (first) setPatientId(first.id);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setLoadError(e);
      });
    return () => controller.abort();
  }, []);

  const chart = useMemo(() => (plan ? survivalChartOption(plan.plans, CURVES) : null), [plan]);

  const rank = () => {
    setRunning(true);
    setPlanError(null);
    rankPlans(patientId)
      .then((p) => {
        setPlan(p);
        setSelected(p.plans[0]?.rank ?? 1);
      })
      .catch((e: unknown) => setPlanError(e))
      .finally(() => setRunning(false));
  };

  return (
    <SubPage id="tace" title="TACE planning">
      <div data-testid="page-tace">
        {loadError instanceof ApiError && loadError.status === 409 ? (
          <NoWorldModel error={loadError} />
        ) : (
          loadError !== null && <ErrorNotice error={loadError} testId="tace-error" />
        )}
        {patients !== null && (
          <form
            className="inline-fields"
            data-testid="tace-chooser"
            onSubmit={(e) => {
              e.preventDefault();
              rank();
            }}
          >
            <label className="field" htmlFor="tace-patient">
              <span>Patient ({patients.patients.length} in {patients.datasetName})</span>
              <select id="tace-patient" value={patientId} onChange={(e) => setPatientId(e.target.value)}>
                {patients.patients.map((p) => (
                  <option key={p.id} value={p.id}>
                    {patientLabel(p)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="button button--primary"
              data-testid="rank-plans"
              disabled={running || patientId === ''}
            >
              {running ? 'Ranking…' : 'Rank plans'}
            </button>
          </form>
        )}
        {running && (
          <p className="muted" role="status" data-testid="tace-running">
            Simulating every valid protocol for {patientId}…
          </p>
        )}
        {planError !== null && <ErrorNotice error={planError} testId="tace-plan-error" />}
        {plan !== null && (
          <div data-testid="tace-result" data-patient-id={plan.patientId} data-recommendable={plan.recommendable}>
            <h3>Plans for {plan.patientId}</h3>
            <Contraindications plan={plan} />
            <Provenance plan={plan} />
            <PlansTable plan={plan} selected={selected} onSelect={setSelected} />
            {chart && (
              <figure data-testid="survival-chart">
                <figcaption>Predicted survival of the top {Math.min(CURVES, plan.plans.length)} plans</figcaption>
                <EChart option={chart} height={300} ariaLabel="Predicted survival curves of the top plans" />
              </figure>
            )}
            <SliceViewer plan={plan} rank={selected} />
          </div>
        )}
      </div>
    </SubPage>
  );
}
