import { useCallback, useState, type ReactNode } from 'react';
import { ProblemMessage } from './ProblemMessage.js';

/** The state of one form sent to the server: busy, the problem it met, the confirmation it earned. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const run = useCallback(async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      setDone(await action());
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run, setError };
}

/** What a form sent to the server earned: its confirmation (announced politely) or its problem (announced at once). */
export function SubmitFeedback({ submit, problem }: { submit: ReturnType<typeof useSubmit>; problem?: ReactNode }) {
  return (
    <>
      <div role="status" className="status-area">
        {submit.done ? <p className="success">{submit.done}</p> : null}
      </div>
      {problem ?? (submit.error ? <ProblemMessage error={submit.error} /> : null)}
    </>
  );
}
