import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateOf, toLocal } from '../../../../src/platform/calendar/local-time.js';
import { addDays } from '../../../../src/platform/calendar/dates.js';
import { ApiError } from '../../api/client.js';
import type { CaseDetail } from '../portfolio/api.js';
import { CALL_OUTCOMES, CALL_RESULTS, recordCall, type CallBody, type CallOutcome, type CallResult, type CallResultKind, type CaseWorkspace, type ScriptStep } from './api.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { DualTime, localToIso, usePolicyText } from '../contact-policy/case-contact/shared.js';
import { parseEurosToCents, useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { NextCaseButton, type NextCaseAction } from './NextCase.js';

const OUTCOME_NAME = 'call-outcome';

/** The O shortcut: the focus goes to the outcome of the call (the one chosen, else the first), scrolled into view. */
export function focusOutcome(): void {
  const target =
    document.querySelector<HTMLInputElement>(`input[name="${OUTCOME_NAME}"]:checked`) ?? document.querySelector<HTMLInputElement>(`input[name="${OUTCOME_NAME}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/** The step that confirms who answers: the script's identity step, else its first step. */
export function identityStepOf(script: readonly ScriptStep[]): ScriptStep | undefined {
  return script.find((step) => /identity|identite/.test(step.id)) ?? script[0];
}

/** One refusal reason as a 409 contact.refused carries it (the contact policy's words, in one or both languages). */
interface RefusalReason {
  rule?: string;
  message?: string;
  messages?: { fr?: string; en?: string };
  until?: string | null;
}

/** The reasons and the next allowed moment of a 409 contact.refused, when the error is one. */
function refusalOf(error: unknown): { reasons: RefusalReason[]; nextAllowedAt: string | null } | null {
  if (!(error instanceof ApiError) || error.code !== 'contact.refused') return null;
  const problem = error.problem as { reasons?: unknown; nextAllowedAt?: unknown; decision?: { reasons?: unknown; nextAllowedAt?: unknown } };
  const reasons = Array.isArray(problem.reasons) ? problem.reasons : Array.isArray(problem.decision?.reasons) ? problem.decision.reasons : [];
  const next = typeof problem.nextAllowedAt === 'string' ? problem.nextAllowedAt : typeof problem.decision?.nextAllowedAt === 'string' ? problem.decision.nextAllowedAt : null;
  return { reasons: reasons.filter((reason): reason is RefusalReason => typeof reason === 'object' && reason !== null), nextAllowedAt: next };
}

type FieldErrors = Partial<Record<'identity' | 'disclosed' | 'outcome' | 'result' | 'amount' | 'dueOn' | 'callback' | 'reason' | 'contactPoint', string>>;

/**
 * The guided conversation: the script as a checklist ticked off during the call, identity first (until it is
 * confirmed, the steps said only to the debtor stay closed and the page reminds the agent to disclose nothing),
 * then the outcome of the call and, after a conversation with the debtor, what it came to. Sent with its checklist
 * to POST /cases/{id}/calls; the answer says what followed automatically, or why the policy refused the call.
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
  const identity = identityStepOf(script);
  const zone = workspace.debtorLocalTime.timeZone;
  const today = isoDateOf(toLocal(zone, Date.parse(workspace.debtorLocalTime.at)).dayNumber);
  const lastPromiseDay = addDays(today, workspace.promiseMaxDays);
  // A number already marked wrong is never dialled again: it is not offered.
  const phones = detail.debtor.contactPoints.filter((point) => point.channel === 'phone' && !point.wrongNumber);

  const [checklist, setChecklist] = useState<Record<string, boolean>>({});
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [result, setResult] = useState<CallResultKind | null>(null);
  const [amount, setAmount] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [callbackDate, setCallbackDate] = useState('');
  const [callbackTime, setCallbackTime] = useState('');
  const [reason, setReason] = useState('');
  const [contactPointId, setContactPointId] = useState(phones.length === 1 ? phones[0]!.id : '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [recorded, setRecorded] = useState<CallResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Counts the refused submissions: each one sends the focus to the first field to correct, once it is marked.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const identityConfirmed = identity ? checklist[identity.id] === true : true;
  const refusal = refusalOf(error);
  const heldByOther = error instanceof ApiError && error.code === 'queue.leased_by_other';
  const policyText = usePolicyText();

  function tick(step: ScriptStep, checked: boolean) {
    setChecklist((previous) => {
      const nextList = { ...previous, [step.id]: checked };
      // Without a confirmed identity, nothing said only to the debtor can have been said.
      if (step.id === identity?.id && !checked) for (const other of script) if (other.rightPartyOnly) nextList[other.id] = false;
      return nextList;
    });
    if (step.id === identity?.id && checked && outcome === null) setOutcome('right_party');
    if (step.id === identity?.id && checked) setErrors((previous) => ({ ...previous, identity: undefined }));
  }

  function chooseOutcome(value: CallOutcome) {
    setOutcome(value);
    if (value !== 'right_party') setResult(null);
    setErrors({});
  }

  function validate(): { body: CallBody | null; errors: FieldErrors } {
    const found: FieldErrors = {};
    if (outcome === null) found.outcome = t('workspace.call.errors.outcome');
    if (outcome === 'right_party' && !identityConfirmed) found.identity = t('workspace.call.errors.identity');
    const disclosed = script.filter((step) => step.rightPartyOnly && checklist[step.id]);
    if (outcome !== null && outcome !== 'right_party' && disclosed.length > 0) {
      found.disclosed = t('workspace.call.errors.disclosed', { steps: disclosed.map((step) => step.title).join(', ') });
    }
    if (outcome === 'right_party' && result === null) found.result = t('workspace.call.errors.result');
    if (outcome === 'wrong_number' && !contactPointId) found.contactPoint = t('workspace.call.errors.contactPoint');
    const body: CallBody = { outcome: outcome ?? 'no_answer', checklist: { ...checklist } };
    if (outcome === 'wrong_number' && contactPointId) body.contactPointId = contactPointId;
    if (outcome === 'right_party' && result) {
      body.result = result;
      if (result === 'promise') {
        const cents = parseEurosToCents(amount);
        if (cents === null || cents <= 0) found.amount = t('workspace.call.errors.amount');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || dueOn < today || dueOn > lastPromiseDay) {
          found.dueOn = t('workspace.call.errors.dueOn', { from: format.date(today), to: format.date(lastPromiseDay) });
        }
        if (cents !== null && cents > 0) body.promise = { amountCents: cents, dueOn };
      }
      if (result === 'callback') {
        const at = localToIso(zone, callbackDate, callbackTime);
        if (at === null || Date.parse(at) <= Date.parse(workspace.debtorLocalTime.at)) found.callback = t('workspace.call.errors.callback');
        else body.callbackAt = at;
      }
      if (result === 'dispute' || result === 'hardship') {
        if (reason.trim().length < 3) found.reason = t('workspace.call.errors.reason');
        else body.reason = reason.trim();
      }
    }
    if (note.trim()) body.note = note.trim();
    return { body: Object.values(found).some(Boolean) ? null : body, errors: found };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate();
    setErrors(checked.errors);
    if (!checked.body) {
      setRefusals((n) => n + 1);
      return;
    }
    setBusy(true);
    setError(null);
    setRecorded(null);
    try {
      const answer = await recordCall(detail.id, checked.body);
      setRecorded(answer);
      setChecklist({});
      setOutcome(null);
      setResult(null);
      setAmount('');
      setDueOn('');
      setCallbackDate('');
      setCallbackTime('');
      setReason('');
      setNote('');
      onRecorded();
      // The answer takes the focus: what followed, and the way to the next case.
      window.setTimeout(() => resultRef.current?.focus(), 0);
    } catch (caught) {
      setError(caught);
      // Refused by the policy: the permissions and the queue entry shown may have been stale, show the server's now.
      if (refusalOf(caught)) onRecorded();
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (key: keyof FieldErrors, hint: string) => [hint, errors[key] ? `call-${key}-error` : null].filter(Boolean).join(' ');
  const fieldError = (key: keyof FieldErrors) =>
    errors[key] ? (
      <p id={`call-${key}-error`} className="field-error">
        {errors[key]}
      </p>
    ) : null;

  return (
    <section className="card call-guide" aria-labelledby="call-heading">
      <h2 id="call-heading">{t('workspace.call.heading')}</h2>
      <p className="hint">{t('workspace.call.intro')}</p>
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="choice-group call-steps" aria-describedby={[identityConfirmed ? null : 'identity-reminder', errors.disclosed ? 'call-disclosed-error' : null].filter(Boolean).join(' ') || undefined}>
          <legend>{t('workspace.call.steps')}</legend>
          {!identityConfirmed ? (
            <p id="identity-reminder" className="identity-reminder">
              <strong>{t('workspace.call.identityReminderTitle')}</strong> {t('workspace.call.identityReminder')}
            </p>
          ) : null}
          <ol className="step-list">
            {script.map((step) => {
              const locked = step.rightPartyOnly && !identityConfirmed;
              const isIdentity = step.id === identity?.id;
              return (
                <li key={step.id} className={`step${locked ? ' step-locked' : ''}${checklist[step.id] ? ' step-done' : ''}`}>
                  <input
                    type="checkbox"
                    id={`step-${step.id}`}
                    checked={checklist[step.id] === true}
                    disabled={locked}
                    aria-describedby={[`step-${step.id}-guidance`, isIdentity && errors.identity ? 'call-identity-error' : null].filter(Boolean).join(' ')}
                    aria-invalid={(isIdentity && errors.identity) || (errors.disclosed && step.rightPartyOnly && checklist[step.id]) ? true : undefined}
                    onChange={(event) => tick(step, event.target.checked)}
                  />
                  <div>
                    <label htmlFor={`step-${step.id}`} className="step-title">
                      {step.title}
                    </label>
                    <p id={`step-${step.id}-guidance`} className="hint">
                      {step.guidance}
                      {locked ? <span className="step-lock"> {t('workspace.call.lockedStep')}</span> : null}
                    </p>
                    {isIdentity ? fieldError('identity') : null}
                  </div>
                </li>
              );
            })}
          </ol>
          {fieldError('disclosed')}
        </fieldset>

        <fieldset className="choice-group call-outcome" aria-describedby={errors.outcome ? 'call-outcome-error' : undefined}>
          <legend>{t('workspace.call.outcome')}</legend>
          {CALL_OUTCOMES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={OUTCOME_NAME}
                value={value}
                checked={outcome === value}
                aria-invalid={errors.outcome ? true : undefined}
                onChange={() => chooseOutcome(value)}
              />
              {labelOf(t, 'workspace.call.outcomes', value)}
            </label>
          ))}
          {fieldError('outcome')}
        </fieldset>

        {outcome === 'voicemail' ? (
          <div className="voicemail-script">
            <p id="voicemail-title" className="script-title">
              {t('workspace.call.voicemailTitle')}
            </p>
            <blockquote>{workspace.voicemailScript}</blockquote>
            <p className="hint">{t('workspace.call.voicemailHint')}</p>
          </div>
        ) : null}
        {outcome === 'third_party' ? <p className="info">{t('workspace.call.thirdPartyHint')}</p> : null}
        {outcome === 'wrong_number' ? (
          <div className="grid-form call-fields">
            {phones.length === 0 ? (
              <p className="warning-text wide-hint">{t('workspace.call.noPhones')}</p>
            ) : (
              <div className="field wide">
                <label htmlFor="call-contact-point">{t('workspace.call.contactPoint')}</label>
                <select
                  id="call-contact-point"
                  value={contactPointId}
                  aria-invalid={errors.contactPoint ? true : undefined}
                  aria-describedby={describedBy('contactPoint', 'call-contact-point-hint')}
                  onChange={(event) => setContactPointId(event.target.value)}
                >
                  <option value="">{t('workspace.call.choosePhone')}</option>
                  {phones.map((point) => (
                    <option key={point.id} value={point.id}>
                      {point.value} ({labelOf(t, 'values.usages', point.usage)})
                    </option>
                  ))}
                </select>
                <p id="call-contact-point-hint" className="hint">
                  {t('workspace.call.contactPointHint')}
                </p>
                {fieldError('contactPoint')}
              </div>
            )}
          </div>
        ) : null}

        {outcome === 'right_party' ? (
          <fieldset className="choice-group call-result" aria-describedby={errors.result ? 'call-result-error' : undefined}>
            <legend>{t('workspace.call.result')}</legend>
            {CALL_RESULTS.map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="call-result"
                  value={value}
                  checked={result === value}
                  aria-invalid={errors.result ? true : undefined}
                  onChange={() => {
                    setResult(value);
                    setErrors({});
                  }}
                />
                {labelOf(t, 'workspace.call.results', value)}
              </label>
            ))}
            {fieldError('result')}
          </fieldset>
        ) : null}

        {outcome === 'right_party' && result === 'promise' ? (
          <div className="grid-form call-fields">
            <div className="field">
              <label htmlFor="call-amount">{t('workspace.call.amount')}</label>
              <input
                id="call-amount"
                inputMode="decimal"
                autoComplete="off"
                value={amount}
                aria-invalid={errors.amount ? true : undefined}
                aria-describedby={describedBy('amount', 'call-amount-hint')}
                onChange={(event) => setAmount(event.target.value)}
              />
              <p id="call-amount-hint" className="hint">
                {t('workspace.call.amountHint', { balance: format.money(detail.balanceCents, detail.currency) })}
              </p>
              {fieldError('amount')}
            </div>
            <div className="field">
              <label htmlFor="call-due-on">{t('workspace.call.dueOn')}</label>
              <input
                id="call-due-on"
                type="date"
                min={today}
                max={lastPromiseDay}
                value={dueOn}
                aria-invalid={errors.dueOn ? true : undefined}
                aria-describedby={describedBy('dueOn', 'call-due-on-hint')}
                onChange={(event) => setDueOn(event.target.value)}
              />
              <p id="call-due-on-hint" className="hint">
                {t('workspace.call.dueOnHint', { count: workspace.promiseMaxDays, to: format.date(lastPromiseDay) })}
              </p>
              {fieldError('dueOn')}
            </div>
          </div>
        ) : null}

        {outcome === 'right_party' && result === 'callback' ? (
          <fieldset className="choice-group call-fields" aria-describedby={describedBy('callback', 'call-callback-hint')}>
            <legend>{t('workspace.call.callbackAt')}</legend>
            <div className="grid-form">
              <div className="field">
                <label htmlFor="call-callback-date">{t('workspace.call.callbackDate')}</label>
                <input
                  id="call-callback-date"
                  type="date"
                  min={today}
                  value={callbackDate}
                  aria-invalid={errors.callback ? true : undefined}
                  onChange={(event) => setCallbackDate(event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="call-callback-time">{t('workspace.call.callbackTime')}</label>
                <input
                  id="call-callback-time"
                  type="time"
                  value={callbackTime}
                  aria-invalid={errors.callback ? true : undefined}
                  onChange={(event) => setCallbackTime(event.target.value)}
                />
              </div>
            </div>
            <p id="call-callback-hint" className="hint">
              {t('workspace.call.callbackHint', { zone })}
            </p>
            {fieldError('callback')}
          </fieldset>
        ) : null}

        {outcome === 'right_party' && (result === 'dispute' || result === 'hardship') ? (
          <div className="field call-fields">
            <label htmlFor="call-reason">{t(result === 'dispute' ? 'workspace.call.disputeReason' : 'workspace.call.hardshipReason')}</label>
            <textarea
              id="call-reason"
              rows={2}
              maxLength={500}
              value={reason}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={describedBy('reason', 'call-reason-hint')}
              onChange={(event) => setReason(event.target.value)}
            />
            <p id="call-reason-hint" className="hint">
              {t(result === 'hardship' ? 'workspace.call.hardshipHint' : 'workspace.call.disputeHint')}
            </p>
            {fieldError('reason')}
          </div>
        ) : null}

        <div className="field call-fields">
          <label htmlFor="call-note">{t('workspace.call.note')}</label>
          <textarea
            id="call-note"
            rows={3}
            maxLength={workspace.noteMaxLength}
            value={note}
            aria-describedby="call-note-health call-note-count"
            onChange={(event) => setNote(event.target.value)}
          />
          <p id="call-note-health" className="health-reminder">
            {t('workspace.call.healthReminder')}
          </p>
          <p id="call-note-count" className="hint">
            {t('workspace.call.noteCount', { used: format.count(note.length), max: format.count(workspace.noteMaxLength) })}
          </p>
        </div>

        <div className="form-actions">
          <button id="call-submit" type="submit" className="button primary" disabled={busy}>
            {busy ? t('workspace.call.submitting') : t('workspace.call.submit')}
          </button>
        </div>
      </form>

      <div role="status" className="status-area">
        {recorded ? (
          <div ref={resultRef} tabIndex={-1} className="call-recorded success">
            <p>
              <strong>
                {t('workspace.call.recorded', {
                  outcome: labelOf(t, 'workspace.call.outcomes', recorded.outcome),
                })}
                {recorded.result ? ` — ${labelOf(t, 'workspace.call.results', recorded.result)}` : ''}
              </strong>
            </p>
            {recorded.actions.length > 0 ? (
              <>
                <p>{t('workspace.call.actions')}</p>
                <ul className="call-actions">
                  {recorded.actions.map((action, index) => (
                    <li key={`${action.kind}-${index}`} data-action={action.kind}>
                      {action.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      {refusal ? (
        <div className="problem refusal" role="alert">
          <p className="problem-title">{t('workspace.call.refused')}</p>
          {refusal.reasons.length > 0 ? (
            <ul className="decision-reasons">
              {refusal.reasons.map((item, index) => {
                const { text, lang: textLang } = policyText(item);
                return (
                  <li key={item.rule ?? index}>
                    <span lang={textLang}>{text}</span>
                    {item.until && refusal.reasons.length > 1 ? (
                      <span className="muted">
                        {' '}
                        {t('contact.reasonUntil')} <DualTime iso={item.until} timeZone={zone} />
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
          <p className="next-allowed">
            <strong>{t('contact.nextAllowed')}</strong>{' '}
            {refusal.nextAllowedAt ? <DualTime iso={refusal.nextAllowedAt} timeZone={zone} /> : t('contact.nextAllowedNone')}
          </p>
        </div>
      ) : error ? (
        <ProblemMessage error={error} />
      ) : null}
      {/* Done with this case (the call recorded, refused for now, or a colleague's): the way to the next one. */}
      {(recorded || refusal || heldByOther) && next ? (
        <div className="after-call">
          <NextCaseButton next={next} id="next-case-after-call" />
        </div>
      ) : null}
    </section>
  );
}
