import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../../src/platform/calendar/dates.js';
import { isoDateOf, toLocal } from '../../../../../src/platform/calendar/local-time.js';
import { ApiError } from '../../../api/client.js';
import { parseEurosToCents, useFormat } from '../../../i18n/format.js';
import { useSubmit } from '../../../ui/useSubmit.js';
import { localToIso } from '../../contact-policy/case-contact/shared.js';
import { useMe } from '../../identity/SessionProvider.js';
import type { CaseDetail } from '../../portfolio/api.js';
import { recordCall, type CaseWorkspace } from '../api.js';
import { NextCaseButton, type NextCaseAction } from '../NextCase.js';
import { CallProblem, CallRecorded, refusalOf } from './CallAnswer.js';
import { checkCall, type CallContext } from './callGuideReducer.js';
import { callMemoryKey, keptOfCall, useCallInProgress } from './callMemory.js';
import { CallOutcomeFields } from './CallOutcomeFields.js';
import { CallResultFields, type CallLimits } from './CallResultFields.js';
import { CallSteps } from './CallSteps.js';
import { useCallErrorText, type CallPartProps } from './callText.js';

export { focusOutcome } from './CallOutcomeFields.js';

/**
 * The guided conversation: the script as a checklist ticked off during the call, identity first (until it is
 * confirmed, the steps said only to the debtor stay closed and the page reminds the agent to disclose nothing),
 * then the outcome of the call and, after a conversation with the debtor, what it came to. Sent with its checklist
 * to POST /cases/{id}/calls; the answer says what followed automatically, or why the policy refused the call.
 * The state lives in `callGuideReducer`; each part of the form is its own component.
 */
export function CallGuide({
  detail,
  workspace,
  next,
  onRecorded,
}: {
  detail: CaseDetail;
  workspace: CaseWorkspace;
  next: NextCaseAction | null;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const script = workspace.script;
  const zone = workspace.debtorLocalTime.timeZone;
  const today = isoDateOf(toLocal(zone, Date.parse(workspace.debtorLocalTime.at)).dayNumber);
  const lastPromiseDay = addDays(today, workspace.promiseMaxDays);
  // A number already marked wrong is never dialled again: it is not offered.
  const phones = detail.debtor.contactPoints.filter((point) => point.channel === 'phone' && !point.wrongNumber);

  const { state, dispatch, fresh, resumed } = useCallInProgress(
    callMemoryKey(useMe().id, detail.id),
    script,
    phones.map((point) => point.id),
  );
  const sending = useSubmit();
  const errorOf = useCallErrorText(state.errors);
  const parts: CallPartProps = { state, dispatch, errorOf };
  const resultRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Each refused submission sends the focus to the first field to correct, once it is marked.
  useEffect(() => {
    if (state.refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state.refusals]);

  const context: CallContext = {
    script,
    today,
    lastPromiseDay,
    now: workspace.debtorLocalTime.at,
    parseCents: parseEurosToCents,
    localToIso: (date, time) => localToIso(zone, date, time),
  };
  const limits: CallLimits = {
    balance: format.money(detail.balanceCents, detail.currency),
    today,
    lastPromiseDay,
    promiseMaxDays: workspace.promiseMaxDays,
    zone,
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkCall(state, context);
    dispatch({ type: 'checked', errors: checked.errors });
    const body = checked.body;
    if (!body) return;
    dispatch({ type: 'sending' });
    await sending.run(async () => {
      try {
        dispatch({ type: 'recorded', answer: await recordCall(detail.id, body) });
      } catch (caught) {
        // Refused by the policy: the permissions and the queue entry shown may have been stale, show the server's now.
        if (refusalOf(caught)) onRecorded();
        throw caught;
      }
      onRecorded();
      // The answer takes the focus: what followed, and the way to the next case.
      window.setTimeout(() => resultRef.current?.focus(), 0);
    });
  }

  const refused = refusalOf(sending.error) !== null;
  const heldByOther = sending.error instanceof ApiError && sending.error.code === 'queue.leased_by_other';
  return (
    <section className="card call-guide" aria-labelledby="call-heading">
      <h2 id="call-heading">{t('workspace.call.heading')}</h2>
      <p className="hint">{t('workspace.call.intro')}</p>
      {resumed ? <p className="hint call-resumed">{t('workspace.call.resumed')}</p> : null}
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <CallSteps script={script} {...parts} />
        <CallOutcomeFields {...parts} voicemailScript={workspace.voicemailScript} phones={phones} />
        {state.outcome === 'right_party' ? <CallResultFields {...parts} limits={limits} /> : null}
        <CallNote {...parts} maxLength={workspace.noteMaxLength} />
        <div className="form-actions">
          <button id="call-submit" type="submit" className="button primary" disabled={sending.busy}>
            {sending.busy ? t('workspace.call.submitting') : t('workspace.call.submit')}
          </button>
          {keptOfCall(state, fresh) ? (
            <button type="button" className="button" onClick={() => dispatch({ type: 'abandoned' })}>
              {t('workspace.call.abandon')}
            </button>
          ) : null}
        </div>
      </form>
      <CallRecorded recorded={state.recorded} focusRef={resultRef} />
      <CallProblem error={sending.error} zone={zone} />
      {/* Done with this case (the call recorded, refused for now, or a colleague's): the way to the next one. */}
      {(state.recorded || refused || heldByOther) && next ? (
        <div className="after-call">
          <NextCaseButton next={next} id="next-case-after-call" />
        </div>
      ) : null}
    </section>
  );
}

/** The agent's note, with the reminder to write nothing of the debtor's health and the characters left. */
function CallNote({ state, dispatch, maxLength }: CallPartProps & { maxLength: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { note } = state.text;
  return (
    <div className="field call-fields">
      <label htmlFor="call-note">{t('workspace.call.note')}</label>
      <textarea
        id="call-note"
        rows={3}
        maxLength={maxLength}
        value={note}
        aria-describedby="call-note-health call-note-count"
        onChange={(event) => dispatch({ type: 'text', field: 'note', value: event.target.value })}
      />
      <p id="call-note-health" className="health-reminder">
        {t('workspace.call.healthReminder')}
      </p>
      <p id="call-note-count" className="hint">
        {t('workspace.call.noteCount', { used: format.count(note.length), max: format.count(maxLength) })}
      </p>
    </div>
  );
}
