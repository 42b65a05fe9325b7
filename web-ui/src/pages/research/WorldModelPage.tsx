import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { getWorldModel, type WorldModelInfo } from '../../api/tace';
import { CopyButton } from '../../components/CopyButton';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { evaluationTables, formatCell } from '../clinician/taceFormat';
import { SubPage } from '../SubPage';

function Evaluation({ model }: { model: WorldModelInfo }) {
  const tables = useMemo(() => evaluationTables(model.evaluation), [model.evaluation]);
  if (tables.length === 0) {
    return (
      <p className="muted" data-testid="evaluation-missing">
        No evaluation is stored with this world model yet (an evaluation writes evaluation.json into the bundle
        folder).
      </p>
    );
  }
  return (
    <div data-testid="world-model-evaluation">
      {tables.map((t) => (
        <div key={t.key}>
          <h4>{t.title}</h4>
          <div className="table-wrap">
            <table className="table table--compact" data-testid={`eval-table-${t.key}`}>
              <thead>
                <tr>
                  {t.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((row, i) => (
                  <tr key={i}>
                    {t.columns.map((c) => (
                      <td key={c}>{formatCell(row[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The world model the planner serves: provenance, training-data hash, manifest, and its evaluation. */
export function WorldModelPage() {
  const [model, setModel] = useState<WorldModelInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    getWorldModel(controller.signal)
      .then(setModel)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, []);

  return (
    <SubPage id="world-model" title="World model">
      <div data-testid="page-world-model">
        {error instanceof ApiError && error.status === 409 ? (
          <div data-testid="world-model-empty">
            <EmptyState title="No world model yet">
              <p>{error.problem.detail}</p>
            </EmptyState>
          </div>
        ) : (
          error !== null && <ErrorNotice error={error} testId="world-model-error" />
        )}
        {model !== null && (
          <>
            <dl className="facts" data-testid="world-model-provenance">
              <div>
                <dt>World model id</dt>
                <dd className="mono facts__break" data-testid="world-model-id">
                  {model.id} <CopyButton text={model.id} what="world model id" testId="copy-world-model-id" />
                </dd>
              </div>
              <div>
                <dt>Training data hash</dt>
                <dd className="mono facts__break" data-testid="world-model-data-hash">
                  {model.manifest.trainedOn ?? 'not recorded'}
                </dd>
              </div>
              <div>
                <dt>Dataset</dt>
                <dd data-testid="world-model-dataset">
                  {model.datasetName ?? 'unknown'} <span className="mono">{model.datasetId.slice(0, 12)}</span>
                </dd>
              </div>
              <div>
                <dt>Trained</dt>
                <dd>
                  {model.createdBy}, <DateTime iso={model.createdAt} />
                </dd>
              </div>
              <div>
                <dt>Code version</dt>
                <dd className="mono">{model.manifest.codeVersion ?? 'not recorded'}</dd>
              </div>
              <div>
                <dt>Bundle folder</dt>
                <dd className="mono facts__break">{model.path}</dd>
              </div>
              {model.otherModels > 0 && (
                <div>
                  <dt>Older models</dt>
                  <dd>{model.otherModels} (the newest is served)</dd>
                </div>
              )}
            </dl>
            <h3>Evaluation</h3>
            <Evaluation model={model} />
            <h3>Manifest</h3>
            <div className="table-wrap">
              <table className="table table--compact" data-testid="world-model-manifest">
                <tbody>
                  {Object.entries(model.manifest)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([k, v]) => (
                      <tr key={k} data-key={k}>
                        <th scope="row">{k}</th>
                        <td className="mono facts__break">{v}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </SubPage>
  );
}
