import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { isAbort } from './client.js';

export type ApiData<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * Loads data for a page and reloads when `key` changes. A newer load aborts the older one, so a slow answer
 * never overwrites a fresher one, and data loaded for another key is never shown as the answer to this one.
 */
export function useApiData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): ApiData<T> & { reload: () => void } {
  const [generation, setGeneration] = useState(0);
  const requestKey = `${generation}\u0000${key}`;
  const [loaded, setLoaded] = useState<{ key: string; state: ApiData<T> } | null>(null);

  // `load` is rebuilt on each render: the effect calls the latest one, and `requestKey` says when to call it again.
  const request = useEffectEvent((signal: AbortSignal) => load(signal));
  useEffect(() => {
    const controller = new AbortController();
    request(controller.signal).then(
      (data) => setLoaded({ key: requestKey, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (!isAbort(error)) setLoaded({ key: requestKey, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [requestKey]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const state: ApiData<T> = loaded?.key === requestKey ? loaded.state : { status: 'loading' };
  return { ...state, reload };
}
