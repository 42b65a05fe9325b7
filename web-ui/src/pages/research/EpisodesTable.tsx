import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { listEpisodes } from '../../api/datasets';
import type { EpisodeSummary, Page } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { formatInteger } from '../../format';
import { datasetPath } from './DatasetsTable';

export const EPISODES_PAGE_SIZE = 50;

interface Props {
  datasetId: string;
  offset: number;
  limit?: number;
  onOffsetChange(offset: number): void;
}

export const episodePath = (datasetId: string, episodeId: string) =>
  `${datasetPath(datasetId)}/episodes/${encodeURIComponent(episodeId)}`;

/** One page of a dataset's episodes with previous / next; the offset lives in the URL (?offset=). */
export function EpisodesTable({ datasetId, offset, limit = EPISODES_PAGE_SIZE, onOffsetChange }: Props) {
  const [page, setPage] = useState<Page<EpisodeSummary> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    listEpisodes(datasetId, { offset, limit }, controller.signal)
      .then((result) => {
        setPage(result);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      });
    return () => controller.abort();
  }, [datasetId, offset, limit]);

  const total = page?.total ?? 0;
  const items = page?.items ?? [];
  const first = items.length === 0 ? 0 : offset + 1;
  const last = offset + items.length;

  return (
    <section className="research-section" aria-labelledby="episodes-title">
      <div className="section-head">
        <h3 id="episodes-title">Episodes</h3>
        <div className="pager">
          <span className="muted" data-testid="episodes-range" role="status">
            {page === null ? '' : total === 0 ? 'No episodes' : `${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)}`}
          </span>
          <button
            type="button"
            className="button button--small"
            data-testid="episodes-prev"
            disabled={loading || offset === 0}
            onClick={() => onOffsetChange(Math.max(0, offset - limit))}
          >
            ← Previous
          </button>
          <button
            type="button"
            className="button button--small"
            data-testid="episodes-next"
            disabled={loading || offset + limit >= total}
            onClick={() => onOffsetChange(offset + limit)}
          >
            Next →
          </button>
        </div>
      </div>
      {error !== null && <ErrorNotice error={error} testId="episodes-error" />}
      <div className="table-wrap">
        <table className="table table--compact" data-testid="episodes-table" aria-busy={loading}>
          <caption className="visually-hidden">Episodes of this dataset</caption>
          <thead>
            <tr>
              <th scope="col">Episode</th>
              <th scope="col" className="num">
                Steps
              </th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {items.map((episode) => (
              <tr key={episode.episodeId} data-episode-id={episode.episodeId}>
                <td>
                  <Link to={episodePath(datasetId, episode.episodeId)} className="mono">
                    {episode.episodeId}
                  </Link>
                </td>
                <td className="num">{formatInteger(episode.steps)}</td>
                <td>
                  <OutcomeBadge
                    outcome={{
                      died: episode.died,
                      deathTime: null,
                      label: episode.died === true ? 'Died' : episode.died === false ? 'Survived' : 'Unknown',
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page === null && loading && (
          <p className="table-wrap__status muted" role="status">
            Loading episodes…
          </p>
        )}
      </div>
    </section>
  );
}
