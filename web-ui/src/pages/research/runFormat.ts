// Small helpers shared by the runs list and the run page.

/** Poll the runs list and a running run every 5 s. */
export const RUN_POLL_MS = 5000;

export const runPath = (id: string) => `/research/runs/${encodeURIComponent(id)}`;

/** The first characters of an id (UUID, hash) for tables; pages put the full id in the tooltip. */
export function shortId(id: string, length = 8): string {
  return id.length > length ? id.slice(0, length) : id;
}
