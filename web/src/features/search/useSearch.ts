import { useEffect, useState } from 'react';
import { useApiData } from '../../api/useApiData.js';
import { MIN_LENGTH, searchCases, type SearchAnswer, type SearchKind } from './api.js';

/** How long typing must pause before the box asks the server: one request per pause, not one per key. */
export const DEBOUNCE_MS = 200;

/** The text once typing paused. */
function useDebounced(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; q: string; answer: SearchAnswer }
  | { status: 'error'; error: unknown };

/**
 * The answer for a text as it is typed: asked after a pause (debounced), a newer request aborting an older one
 * (useApiData), so a slow answer to an old text never replaces the answer to the current one.
 */
export function useSearch(text: string, options: { kind?: SearchKind; limit?: number; debounceMs?: number } = {}) {
  const settled = useDebounced(text.trim(), options.debounceMs ?? DEBOUNCE_MS);
  const active = settled.length >= MIN_LENGTH;
  const { kind, limit } = options;
  const data = useApiData<SearchAnswer | null>(
    (signal) => (active ? searchCases(settled, { kind, limit }, signal) : Promise.resolve(null)),
    `${kind ?? ''}\u0000${limit ?? ''}\u0000${settled}`,
  );
  let state: SearchState;
  if (!active) state = { status: 'idle' };
  else if (data.status === 'ready' && data.data) state = { status: 'ready', q: settled, answer: data.data };
  else if (data.status === 'error') state = { status: 'error', error: data.error };
  else state = { status: 'loading' };
  // Typing on: the answer shown is an older text's until the pause, and says so by its `q`.
  return { state, pending: settled !== text.trim() };
}
