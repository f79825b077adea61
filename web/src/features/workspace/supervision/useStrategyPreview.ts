import { useEffect, useState } from 'react';
import { strategyDocumentSchema } from '../../../../../src/workspace/contract.js';
import { previewStrategy, type StrategyDocument, type StrategyPreview } from './api.js';

/** How long the form rests before its draft is counted again (each change of a field would otherwise ask). */
const SETTLE_MS = 300;

export interface PreviewState {
  /** The last figures received, kept while a newer draft is counted. */
  preview: StrategyPreview | null;
  /** `invalid`: the draft breaks the schema, so nothing is counted; `failed`: the server could not count it. */
  status: 'counting' | 'ready' | 'invalid' | 'failed';
}

/** The cases each segment of the draft would take today, counted by the server a moment after the draft changes. */
export function useStrategyPreview(document: StrategyDocument | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: null, status: 'counting' });
  const key = document ? JSON.stringify(document) : '';
  useEffect(() => {
    const draft = key ? (JSON.parse(key) as unknown) : null;
    if (!draft || !strategyDocumentSchema.safeParse(draft).success) {
      setState((current) => ({ ...current, status: 'invalid' }));
      return;
    }
    setState((current) => ({ ...current, status: 'counting' }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewStrategy(draft, controller.signal).then(
        (preview) => setState({ preview, status: 'ready' }),
        () => {
          if (!controller.signal.aborted) setState((current) => ({ ...current, status: 'failed' }));
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  return state;
}
