import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelPlan, payInstalment, renegotiatePlan, type Plan } from './api.js';
import { SubmitFeedback } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';
import { todayIso } from '../payments/shared.js';
import { ReasonField, SubmitRow, useSubmitThen } from './forms.js';
import { TermsFields, useTerms } from './terms.js';
import { type Saying } from '../../i18n/saying.js';

type Action = 'cancel' | 'renegotiate' | 'pay';

const CANCELLABLE: Plan['status'][] = ['proposed', 'pending_approval', 'agreed', 'active', 'broken'];
const RENEGOTIABLE: Plan['status'][] = ['agreed', 'active', 'broken'];
const PAYABLE: Plan['status'][] = ['agreed', 'active', 'broken'];

type Version = Plan['versions'][number];

/** What a person may do on a live plan: cancel it (with a reason, confirmed), renegotiate it, mark an instalment paid. */
export function PlanActions({
  plan,
  version,
  mayPropose,
  mayRecord,
  onChange,
}: {
  plan: Plan;
  version: Version;
  mayPropose: boolean;
  mayRecord: boolean;
  onChange: (message: Saying) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const unpaid = version.instalments.filter((i) => i.status !== 'paid');
  const offered: Action[] = [
    ...(mayPropose && RENEGOTIABLE.includes(plan.status) && unpaid.length > 0 ? (['renegotiate'] as const) : []),
    ...(mayRecord && PAYABLE.includes(plan.status) && unpaid.length > 0 ? (['pay'] as const) : []),
    ...(mayPropose && CANCELLABLE.includes(plan.status) ? (['cancel'] as const) : []),
  ];
  if (offered.length === 0) return null;
  const panelId = `plan-action-${plan.id}`;
  const done = (message: Saying) => {
    setOpen(null);
    onChange(message);
  };
  return (
    <div className="plan-actions">
      <h3>{t('planActions.heading')}</h3>
      <div className="form-actions">
        {offered.map((action) => (
          <button
            key={action}
            type="button"
            className="button secondary"
            aria-expanded={open === action}
            aria-controls={open === action ? panelId : undefined}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {t(`planActions.open.${action}`)}
          </button>
        ))}
      </div>
      {open ? (
        <div id={panelId} className="plan-action-panel">
          {open === 'cancel' ? <CancelForm plan={plan} onDone={done} /> : null}
          {open === 'renegotiate' ? <RenegotiateForm plan={plan} unpaid={unpaid} onDone={done} /> : null}
          {open === 'pay' ? <PaymentForm plan={plan} unpaid={unpaid} onDone={done} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function CancelForm({ plan, onDone }: { plan: Plan; onDone: (message: Saying) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const { submit, send } = useSubmitThen(onDone);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const confirmTextId = `cancel-confirm-${plan.id}`;
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const short = reason.trim().length < 3;
    setTooShort(short);
    if (!short) setConfirming(true);
  }

  async function confirm() {
    const ok = await send(async () => {
      await cancelPlan(plan.id, reason.trim());
      return (t) => t('planActions.cancel.done');
    });
    if (!ok) setConfirming(false);
  }

  return (
    <form onSubmit={ask} noValidate aria-labelledby={`cancel-heading-${plan.id}`}>
      <h4 id={`cancel-heading-${plan.id}`}>{t('planActions.cancel.heading')}</h4>
      <ReasonField
        id={`cancel-reason-${plan.id}`}
        label={t('planActions.cancel.reason')}
        hint={t('planActions.reasonHint')}
        value={reason}
        onChange={setReason}
        disabled={confirming}
      />
      {tooShort ? <p className="field-error">{t('planActions.reasonTooShort')}</p> : null}
      {confirming ? (
        <div className="confirm-box" role="group" aria-labelledby={confirmTextId}>
          <p id={confirmTextId}>{t('planActions.cancel.confirmText')}</p>
          <div className="form-actions">
            <button
              ref={confirmButton}
              type="button"
              className="button primary"
              disabled={submit.busy}
              onClick={() => void confirm()}
            >
              {t('planActions.cancel.confirm')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={submit.busy}
              onClick={() => setConfirming(false)}
            >
              {t('planActions.cancel.keep')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t('planActions.cancel.submit')}
          </button>
        </div>
      )}
      <SubmitFeedback submit={submit} />
    </form>
  );
}

function RenegotiateForm({
  plan,
  unpaid,
  onDone,
}: {
  plan: Plan;
  unpaid: Version['instalments'];
  onDone: (message: Saying) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // The new schedule starts where the unpaid one would have gone on, or today when that date is past.
  const today = todayIso();
  const terms = useTerms(unpaid[0] && unpaid[0].dueOn > today ? unpaid[0].dueOn : today);
  const unpaidCents = unpaid.reduce((sum, i) => sum + i.amountCents, 0);
  const [reason, setReason] = useState('');
  const { submit, send } = useSubmitThen(onDone);
  const prefix = `reneg-${plan.id}`;

  async function renegotiate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send(async () => {
      const next = await renegotiatePlan(plan.id, { ...terms.toTerms(), reason: reason.trim() });
      return (t) =>
        t(`planActions.renegotiate.done.${next.status === 'pending_approval' ? 'pending' : 'agreed'}`, {
          version: next.currentVersion,
        });
    });
  }

  return (
    <form onSubmit={(e) => void renegotiate(e)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{t('planActions.renegotiate.heading', { version: plan.currentVersion + 1 })}</h4>
      <p>{t('planActions.renegotiate.intro', { amount: format.money(unpaidCents) })}</p>
      <TermsFields idPrefix={prefix} state={terms} />
      <ReasonField
        id={`${prefix}-reason`}
        label={t('planActions.renegotiate.reason')}
        hint={t('planActions.reasonHint')}
        value={reason}
        onChange={setReason}
      />
      <SubmitRow label={t('planActions.renegotiate.submit')} submit={submit} />
    </form>
  );
}

function PaymentForm({
  plan,
  unpaid,
  onDone,
}: {
  plan: Plan;
  unpaid: Version['instalments'];
  onDone: (message: Saying) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [number, setNumber] = useState(String(unpaid[0]!.number));
  const [paidOn, setPaidOn] = useState(todayIso);
  const [reference, setReference] = useState('');
  const { submit, send } = useSubmitThen(onDone);
  const prefix = `pay-${plan.id}`;

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send(async () => {
      await payInstalment(plan.id, Number(number), { paidOn, reference: reference.trim() });
      return (t) => t('planActions.pay.done', { number });
    });
  }

  return (
    <form onSubmit={(e) => void pay(e)} noValidate aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{t('planActions.pay.heading')}</h4>
      <p className="hint">{t('planActions.pay.automatic')}</p>
      <div className="grid-form">
        <div className="field">
          <label htmlFor={`${prefix}-number`}>{t('planActions.pay.instalment')}</label>
          <select id={`${prefix}-number`} value={number} onChange={(e) => setNumber(e.target.value)}>
            {unpaid.map((i) => (
              <option key={i.number} value={i.number}>
                {t('planActions.pay.option', {
                  number: i.number,
                  date: format.date(i.dueOn),
                  amount: format.money(i.amountCents),
                })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-date`}>{t('planActions.pay.paidOn')}</label>
          <input
            id={`${prefix}-date`}
            type="date"
            required
            max={todayIso()}
            value={paidOn}
            onChange={(e) => setPaidOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-reference`}>{t('planActions.pay.reference')}</label>
          <input
            id={`${prefix}-reference`}
            type="text"
            required
            maxLength={200}
            value={reference}
            aria-describedby={`${prefix}-reference-hint`}
            onChange={(e) => setReference(e.target.value)}
          />
          <p id={`${prefix}-reference-hint`} className="hint">
            {t('planActions.pay.referenceHint')}
          </p>
        </div>
      </div>
      <SubmitRow label={t('planActions.pay.submit')} submit={submit} />
    </form>
  );
}
