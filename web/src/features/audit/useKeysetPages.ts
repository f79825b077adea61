import { useState } from 'react';
import { useApiData } from '../../api/useApiData.js';
import { useSubmit } from '../../ui/useSubmit.js';

/** One page of a keyset list: its items and where the next page starts (null on the last). */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A newest-first list read page by page from a cursor: the first page loads for `key`, `more()` appends the next.
 * Appending (rather than replacing) keeps what the reader already saw, and the cursor keeps each entry once however
 * many entries were written since.
 */
export function useKeysetPages<T, P extends KeysetPage<T> = KeysetPage<T>>(
  load: (cursor: string | undefined, signal?: AbortSignal) => Promise<P>,
  key: string,
) {
  const first = useApiData((signal) => load(undefined, signal), key);
  const [extra, setExtra] = useState<{ key: string; pages: P[] }>({ key, pages: [] });
  const older = useSubmit();
  const pages = first.status === 'ready' ? [first.data, ...(extra.key === key ? extra.pages : [])] : [];
  const last = pages[pages.length - 1];
  async function more() {
    const cursor = last?.nextCursor;
    if (!cursor) return;
    await older.run(async () => {
      const next = await load(cursor);
      setExtra((current) => ({ key, pages: [...(current.key === key ? current.pages : []), next] }));
    });
  }
  return {
    first,
    items: pages.flatMap((page): T[] => page.items),
    hasMore: last?.nextCursor != null,
    more,
    loadingMore: older.busy,
    moreError: older.error,
  };
}
