import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { takeNextCase, type NextCase } from './api.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';

export interface NextCaseAction {
  /**
   * Leases the next callable case of the agent's queues and opens it; says so in words when there is none. `from`
   * names what asked (a button's id, or the N shortcut), so the answer shows beside it and nowhere else.
   */
  take: (from?: string) => void;
  /** What asked last. */
  from: string;
  busy: boolean;
  error: unknown;
  /** The last answer when it brought no case: how many wait, and from when one may be called. */
  empty: NothingCallable | null;
}

/** The "next case" action shared by the button and the N shortcut: one request at a time, whatever presses it. */
export function useNextCase(): NextCaseAction {
  const navigate = useNavigate();
  const taking = useSubmit();
  const [empty, setEmpty] = useState<NothingCallable | null>(null);
  const [from, setFrom] = useState(SHORTCUT);
  const run = taking.run;
  const take = useCallback(
    (asker: string = SHORTCUT) => {
      // useSubmit refuses a second run while one is under way: the button and the shortcut cannot both take a case.
      void run(async () => {
        setFrom(asker);
        setEmpty(null);
        const answer = await takeNextCase();
        if (answer.entry) void navigate(`/cases/${answer.entry.caseId}`);
        else setEmpty({ waiting: answer.waiting, nextCallableAt: answer.nextCallableAt });
      });
    },
    [navigate, run],
  );
  return { take, from, busy: taking.busy, error: taking.error, empty };
}

/** What "next case" answered when it found no case to call now. */
export type NothingCallable = Pick<NextCase, 'waiting' | 'nextCallableAt'>;

/** What `take` records when the N key asked. */
export const SHORTCUT = 'next-case-shortcut';

/** The big "next case" button, with its shortcut shown, and what the last press found. */
export function NextCaseButton({ next, id = 'next-case' }: { next: NextCaseAction; id?: string }) {
  const { t } = useTranslation();
  return (
    <div className="next-case">
      <button
        id={id}
        type="button"
        className="button primary next-case-button"
        aria-keyshortcuts="N"
        onClick={() => next.take(id)}
        disabled={next.busy}
      >
        {next.busy ? t('workspace.next.taking') : t('workspace.next.button')}
        <kbd aria-hidden="true">N</kbd>
      </button>
      {next.from === id ? <NextCaseFeedback next={next} /> : null}
    </div>
  );
}

function NextCaseFeedback({ next }: { next: NextCaseAction }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <div role="status" className="status-area">
        {next.empty ? (
          <div className="nothing-callable">
            <p>
              <strong>{t('workspace.next.none')}</strong>
            </p>
            <p>
              {next.empty.waiting.later > 0
                ? t('workspace.next.later', {
                    count: next.empty.waiting.later,
                    formatted: format.count(next.empty.waiting.later),
                  })
                : t('workspace.next.emptyQueue')}
            </p>
            {next.empty.nextCallableAt ? (
              <p data-testid="next-callable-at">
                {t('workspace.next.nextAt', { moment: format.dateTimeIn(next.empty.nextCallableAt) })}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {next.error ? <ProblemMessage error={next.error} /> : null}
    </>
  );
}
