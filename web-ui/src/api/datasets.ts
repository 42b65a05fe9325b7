// Datasets, their episodes and cohorts (role researcher).
import { request } from './client';
import type { Cohort, DatasetDetail, DatasetSummary, Episode, EpisodeSummary, Page } from './types';

const datasetPath = (id: string) => `/api/datasets/${encodeURIComponent(id)}`;

export function listCohorts(signal?: AbortSignal): Promise<Cohort[]> {
  return request<Cohort[]>('/api/cohorts', { signal });
}

export function listDatasets(signal?: AbortSignal): Promise<DatasetSummary[]> {
  return request<DatasetSummary[]>('/api/datasets', { signal });
}

export function getDataset(id: string, signal?: AbortSignal): Promise<DatasetDetail> {
  return request<DatasetDetail>(datasetPath(id), { signal });
}

/**
 * Where the dataset's CSV export is downloaded from. Used as a plain link (not fetched), so the browser
 * downloads it itself with the session cookie.
 */
export function datasetCsvUrl(id: string): string {
  return `${datasetPath(id)}/csv`;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export function listEpisodes(id: string, page: PageRequest, signal?: AbortSignal): Promise<Page<EpisodeSummary>> {
  const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
  return request<Page<EpisodeSummary>>(`${datasetPath(id)}/episodes?${query}`, { signal });
}

export function getEpisode(id: string, episodeId: string, signal?: AbortSignal): Promise<Episode> {
  return request<Episode>(`${datasetPath(id)}/episodes/${encodeURIComponent(episodeId)}`, { signal });
}
