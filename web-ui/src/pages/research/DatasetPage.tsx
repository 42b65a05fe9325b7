import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { datasetCsvUrl, getDataset } from '../../api/datasets';
import type { DatasetDetail } from '../../api/types';
import { displayUnit } from '../../charts/units';
import { CopyButton } from '../../components/CopyButton';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatInteger, formatMinutes } from '../../format';
import { EpisodesTable } from './EpisodesTable';
import { IngestionReport } from './IngestionReport';

/** Names with their units as small tags: heart_rate /min, sbp mmHg … */
function NamesWithUnits({ names, units, testId }: { names: readonly string[]; units: readonly string[]; testId: string }) {
  if (names.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="name-tags" data-testid={testId}>
      {names.map((name, i) => {
        const unit = displayUnit(units[i]);
        return (
          <li key={name} className="name-tag">
            <span className="mono">{name}</span>
            {unit && <span className="name-tag__unit">{unit}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function DatasetPage() {
  const { datasetId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const [dataset, setDataset] = useState<DatasetDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const offset = Math.max(0, Number.parseInt(searchParams.get('offset') ?? '0', 10) || 0);

  useEffect(() => {
    const controller = new AbortController();
    setDataset(null);
    setError(null);
    getDataset(datasetId, controller.signal)
      .then(setDataset)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [datasetId]);

  const setOffset = (next: number) => setSearchParams(next > 0 ? { offset: String(next) } : {});

  return (
    <section className="subpage research-page" data-testid="page-dataset" aria-labelledby="dataset-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/research/datasets">Datasets</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{dataset?.name ?? datasetId}</span>
      </nav>
      <div className="section-head">
        <h2 id="dataset-title">{dataset?.name ?? 'Dataset'}</h2>
        <a className="button" href={datasetCsvUrl(datasetId)} download data-testid="csv-download">
          Download CSV
        </a>
      </div>
      {error !== null && <ErrorNotice error={error} testId="dataset-error" />}
      {dataset === null && error === null && (
        <p className="muted" role="status">
          Loading dataset…
        </p>
      )}
      {dataset && (
        <>
          <div className="card">
            <dl className="facts" data-testid="dataset-summary">
              <div>
                <dt>Cohort</dt>
                <dd>
                  <code>
                    {dataset.cohortId}@{dataset.cohortVersion}
                  </code>
                </dd>
              </div>
              <div>
                <dt>SHA-256</dt>
                <dd className="sha">
                  <code title={dataset.sha256} data-testid="dataset-sha256">
                    {dataset.sha256.slice(0, 12)}…
                  </code>
                  <CopyButton text={dataset.sha256} what="SHA-256" testId="copy-sha256" />
                </dd>
              </div>
              <div>
                <dt>State / action</dt>
                <dd>
                  {dataset.stateType.toLowerCase()} / {dataset.actionType.toLowerCase()}
                </dd>
              </div>
              <div>
                <dt>Bloc length</dt>
                <dd>{formatMinutes(dataset.blocLengthMinutes)}</dd>
              </div>
              <div>
                <dt>Episodes</dt>
                <dd data-testid="dataset-episodes">{formatInteger(dataset.episodes)}</dd>
              </div>
              <div>
                <dt>Steps</dt>
                <dd data-testid="dataset-steps">{formatInteger(dataset.steps)}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>
                  {dataset.createdBy}, <DateTime iso={dataset.createdAt} />
                </dd>
              </div>
              <div>
                <dt>Source</dt>
                <dd className="mono facts__break">{dataset.source}</dd>
              </div>
              <div className="facts__wide">
                <dt>Features ({dataset.featureNames.length})</dt>
                <dd>
                  <NamesWithUnits names={dataset.featureNames} units={dataset.featureUnits} testId="dataset-features" />
                </dd>
              </div>
              <div className="facts__wide">
                <dt>Actions ({dataset.actionNames.length})</dt>
                <dd>
                  <NamesWithUnits names={dataset.actionNames} units={dataset.actionUnits} testId="dataset-actions" />
                </dd>
              </div>
            </dl>
          </div>
          <IngestionReport report={dataset.report} />
        </>
      )}
      {error === null && <EpisodesTable datasetId={datasetId} offset={offset} onOffsetChange={setOffset} />}
    </section>
  );
}
