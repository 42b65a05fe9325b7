import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';

/** Statuses after which asking again cannot help. */
const FATAL_STATUSES = new Set([400, 401, 403, 404, 410]);

export interface PollState<T> {
  data: T | null;
  /** The first load failed, or a later one failed for good (the page shows it instead of the data). */
  error: unknown;
  /** A later request failed but polling goes on (network blip, 5xx). */
  warning: string | null;
}

/**
 * Loads once, then again every `intervalMs` (counted from the previous answer, so requests never overlap)
 * for as long as `again(data)` is true. Restarts when `key` changes; stops on unmount.
 */
export function usePoll<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  again: (data: T) => boolean,
  intervalMs: number,
): PollState<T> {
  const [state, setState] = useState<PollState<T>>({ data: null, error: null, warning: null });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let loaded = false;
    setState({ data: null, error: null, warning: null });
    const tick = async () => {
      try {
        const data = await load(controller.signal);
        if (controller.signal.aborted) return;
        loaded = true;
        setState({ data, error: null, warning: null });
        if (again(data)) timer = setTimeout(() => void tick(), intervalMs);
      } catch (error) {
        if (controller.signal.aborted) return;
        const fatal = !(error instanceof ApiError) || FATAL_STATUSES.has(error.status);
        if (!loaded || fatal) {
          setState((s) => ({ ...s, error, warning: null }));
        } else {
          setState((s) => ({ ...s, warning: errorMessage(error) }));
          timer = setTimeout(() => void tick(), intervalMs);
        }
      }
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // load and again are read fresh on every tick of one key; callers pass inline functions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, intervalMs]);

  return state;
}
