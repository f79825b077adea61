import { useCallback, useRef, useState, type ReactNode } from 'react';
import { SuccessMessage, type Saying } from '../i18n/saying.js';
import { ProblemMessage } from './ProblemMessage.js';

export interface Submit {
  /** True while the action runs: the form's button says so and is disabled. */
  busy: boolean;
  /** The problem the last run met (an ApiError, usually), or null. */
  error: unknown;
  /** The confirmation the last run earned (null for none), said in the language on screen when shown. */
  done: Saying | null;
  /**
   * Runs one submission: clears the last outcome, marks busy, keeps the confirmation the action returns or the
   * problem it throws. Resolves true when the action succeeded. A run asked for while another is still under way is
   * refused (resolves false without calling the action), so a double click never sends a form twice.
   */
  run: (action: () => Promise<Saying | void>) => Promise<boolean>;
  /** Shows a problem found before sending (or clears it with null). */
  setError: (error: unknown) => void;
  /** Forgets the last outcome (a form closed, another item chosen). */
  reset: () => void;
}

/** The state of one form sent to the server: busy, the problem it met, the confirmation it earned. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Saying | null>(null);
  // A ref, not the state: two clicks in one frame both see `busy` false.
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<Saying | void>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const saying = (await action()) ?? null;
      // Wrapped: a function given to a state setter would be called as an updater.
      setDone(() => saying);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);
  return { busy, error, done, run, setError, reset };
}

/** What a form sent to the server earned: its confirmation (announced politely) or its problem (announced at once). */
export function SubmitFeedback({ submit, problem }: { submit: Pick<Submit, 'done' | 'error'>; problem?: ReactNode }) {
  return (
    <>
      <div role="status" className="status-area">
        <SuccessMessage saying={submit.done} />
      </div>
      {problem ?? (submit.error ? <ProblemMessage error={submit.error} /> : null)}
    </>
  );
}
