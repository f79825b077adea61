import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { isAbort } from './client.js';
import type { ApiData } from './useApiData.js';

/**
 * Loads data that the page reloads after each act (a call recorded, a task done): while a reload runs, what was
 * shown stays (with the confirmation beside it and the focus where it was) until the fresh answer replaces it.
 * A change of `key` (another case) starts afresh; a change of `refresh` (the reader's language, in which the server
 * writes its texts) reloads in place. `version` counts the loads, for parts that must follow them.
 */
export function useLiveData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  refresh = '',
): ApiData<T> & { reload: () => void; version: number } {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ key: string; data: ApiData<T> }>({ key, data: { status: 'loading' } });
  // `load` is rebuilt on each render: the effect calls the latest one; `key`, `generation` and `refresh` say when.
  const request = useEffectEvent((signal: AbortSignal) => load(signal));
  useEffect(() => {
    const controller = new AbortController();
    request(controller.signal).then(
      (data) => setState({ key, data: { status: 'ready', data } }),
      (error: unknown) => {
        if (isAbort(error)) return;
        // A failed reload keeps what is shown; a failed first load shows the problem.
        setState((previous) =>
          previous.key === key && previous.data.status === 'ready'
            ? previous
            : { key, data: { status: 'error', error } },
        );
      },
    );
    return () => controller.abort();
  }, [key, generation, refresh]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const data: ApiData<T> = state.key === key ? state.data : { status: 'loading' };
  return { ...data, reload, version: generation };
}
