import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getDataset, getEpisode } from '../../api/datasets';
import type { Episode } from '../../api/types';
import {
  ANCHOR_COLOR,
  DEATH_COLOR,
  episodeMarkers,
  episodeX,
  formatUtc,
  treatmentsTimeline,
  vitalsTimelines,
} from '../../charts/episodeTimeline';
import { TimelineChart } from '../../charts/TimelineChart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { formatInteger, formatMinutes } from '../../format';
import { datasetPath } from './DatasetsTable';
import { StepTable } from './StepTable';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function countValues(episode: Episode) {
  let imputed = 0;
  let missing = 0;
  for (const step of episode.steps) {
    step.features.forEach((value, i) => {
      if (value === null) missing += 1;
      else if (step.missing[i] === true) imputed += 1;
    });
  }
  return { imputed, missing };
}

/** One patient trajectory over time: vitals and labs, treatments, outcome, and the raw step values. */
export function EpisodePage() {
  const { datasetId = '', episodeId = '' } = useParams();
  const [episode, setEpisode] = useState<Episode | null>(null);
  const [datasetName, setDatasetName] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setEpisode(null);
    setError(null);
    getEpisode(datasetId, episodeId, controller.signal)
      .then(setEpisode)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    // Only for the breadcrumb; the page works without it.
    getDataset(datasetId, controller.signal)
      .then((d) => setDatasetName(d.name))
      .catch(() => undefined);
    return () => controller.abort();
  }, [datasetId, episodeId]);

  const vitals = useMemo(() => (episode ? vitalsTimelines(episode) : []), [episode]);
  const treatments = useMemo(() => (episode ? treatmentsTimeline(episode) : null), [episode]);
  const x = useMemo(() => (episode ? episodeX(episode) : null), [episode]);
  const markers = useMemo(() => (episode && x ? episodeMarkers(episode, x) : []), [episode, x]);
  const counts = useMemo(() => (episode ? countValues(episode) : null), [episode]);
  const anchorMs = episode?.anchorTime ? Date.parse(episode.anchorTime) : NaN;

  return (
    <section className="subpage research-page episode-page" data-testid="patient-timeline" aria-labelledby="episode-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/research/datasets">Datasets</Link>
        <span aria-hidden="true"> / </span>
        <Link to={datasetPath(datasetId)}>{datasetName ?? datasetId}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Episode {episodeId}</span>
      </nav>
      <div className="section-head">
        <h2 id="episode-title">
          Episode <span className="mono">{episodeId}</span>
        </h2>
        {episode && <OutcomeBadge outcome={episode.outcome} testId="outcome-badge" />}
      </div>
      {error !== null && <ErrorNotice error={error} testId="episode-error" />}
      {episode === null && error === null && (
        <p className="muted" role="status">
          Loading episode…
        </p>
      )}
      {episode && x && (
        <>
          <dl className="facts facts--inline" data-testid="episode-facts">
            {Number.isFinite(anchorMs) && (
              <div>
                <dt>{capitalize(episode.anchorLabel ?? 'anchor')}</dt>
                <dd>{formatUtc(anchorMs)}</dd>
              </div>
            )}
            <div>
              <dt>Steps</dt>
              <dd>{formatInteger(episode.steps.length)}</dd>
            </div>
            {x.kind === 'time' && (
              <div>
                <dt>Bloc length</dt>
                <dd>{formatMinutes(episode.blocLengthMinutes)}</dd>
              </div>
            )}
            {counts && (
              <div>
                <dt>Values carried forward / missing</dt>
                <dd>
                  {formatInteger(counts.imputed)} / {formatInteger(counts.missing)}
                </dd>
              </div>
            )}
          </dl>

          <section className="card timeline-card" aria-labelledby="treatments-title">
            <h3 id="treatments-title">Treatments</h3>
            <div data-testid="chart-treatments">
              {treatments ? (
                <TimelineChart spec={treatments} label="Treatments over time" />
              ) : (
                <p className="muted">This dataset has no actions.</p>
              )}
            </div>
          </section>

          <section className="card timeline-card" aria-labelledby="vitals-title">
            <div className="section-head">
              <h3 id="vitals-title">{x.kind === 'time' ? 'Vitals and labs' : 'State'}</h3>
              <ul className="timeline-legend" aria-label="Legend" hidden={x.kind !== 'time'}>
                <li>
                  <span className="legend-mark legend-mark--observed" aria-hidden="true" /> measured
                </li>
                <li>
                  <span className="legend-mark legend-mark--imputed" aria-hidden="true" /> carried forward
                </li>
                <li>
                  <span className="legend-mark legend-mark--gap" aria-hidden="true" /> gap: missing
                </li>
                {markers.map((m) => (
                  <li key={m.id}>
                    <span
                      className="legend-mark legend-mark--marker"
                      style={{ borderColor: m.id === 'death' ? DEATH_COLOR : ANCHOR_COLOR }}
                      aria-hidden="true"
                    />{' '}
                    {m.label}
                  </li>
                ))}
              </ul>
            </div>
            <div className="timeline-groups" data-testid="chart-vitals">
              {vitals.map(({ group, spec, withoutValues }) => (
                <details key={group.id} className="timeline-group" data-testid={`vitals-group-${group.id}`} open>
                  <summary className="timeline-group__title">
                    {group.label} <span className="timeline-group__count">({spec.panels.length})</span>
                  </summary>
                  {spec.panels.length > 0 && <TimelineChart spec={spec} label={`${group.label} over time`} />}
                  {withoutValues.length > 0 && (
                    <p className="muted timeline-group__empty">No values in this episode: {withoutValues.join(', ')}.</p>
                  )}
                </details>
              ))}
              {vitals.length === 0 && <p className="muted">This dataset has no state features.</p>}
            </div>
          </section>

          <div>
            <button
              type="button"
              className="button"
              aria-expanded={showTable}
              aria-controls="step-table"
              data-testid="toggle-step-table"
              onClick={() => setShowTable((v) => !v)}
            >
              {showTable ? 'Hide step values' : 'Show step values'}
            </button>
          </div>
          {showTable && <StepTable episode={episode} />}
        </>
      )}
    </section>
  );
}
