import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../portfolio/api.js';
import { PAYMENT_CHANNELS, recordPayment, type NewPayment, type Payment, type PaymentChannel } from './api.js';
import { CodeSelect } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { parseEurosToCents, useFormat } from '../../i18n/format.js';
import { allocationLines, todayIso } from './shared.js';

/** What the form holds as typed. */
interface PaymentFields {
  amount: string;
  channel: PaymentChannel;
  receivedOn: string;
  reference: string;
  payerName: string;
  note: string;
  /** The claims the debtor asked the payment to go to. */
  choice: string[];
}

/** After a payment is recorded, the form keeps its channel and date (a batch of payments shares them). */
const afterRecording = (fields: PaymentFields): PaymentFields => ({
  ...fields,
  amount: '',
  reference: '',
  payerName: '',
  note: '',
  choice: [],
});

/**
 * Records a payment on the case. Each submission carries an Idempotency-Key (a UUID): a retry of the same
 * submission (a network failure, a double click) sends the same key, so the server never records it twice; a
 * changed form is a new submission with a new key. After recording, says where the money went.
 */
export function RecordPaymentForm({
  caseId,
  claims,
  onRecorded,
}: {
  caseId: string;
  claims: CaseDetail['claims'];
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<PaymentFields>(() => ({
    amount: '',
    channel: 'bank_transfer',
    receivedOn: todayIso(),
    reference: '',
    payerName: '',
    note: '',
    choice: [],
  }));
  const set = <K extends keyof PaymentFields>(field: K, value: PaymentFields[K]) =>
    setFields((before) => ({ ...before, [field]: value }));
  const [amountError, setAmountError] = useState(false);
  const [recorded, setRecorded] = useState<Payment | null>(null);
  const pending = useRef<{ body: string; key: string } | null>(null);
  const submit = useSubmit();
  const openClaims = claims.filter((claim) => claim.status === 'open');
  const { amount, channel, receivedOn, reference, payerName, note, choice } = fields;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const amountCents = parseEurosToCents(amount);
    setAmountError(amountCents === null || amountCents <= 0);
    if (amountCents === null || amountCents <= 0) return;
    const payment: NewPayment = {
      caseId,
      amountCents,
      channel,
      receivedOn,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(payerName.trim() ? { payerName: payerName.trim() } : {}),
      ...(choice.length > 0 ? { debtorChoice: choice } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const body = JSON.stringify(payment);
    if (pending.current?.body !== body) pending.current = { body, key: crypto.randomUUID() };
    const key = pending.current.key;
    setRecorded(null);
    const ok = await submit.run(async () => {
      const result = await recordPayment(payment, key);
      setRecorded(result);
      // A retry whose first attempt had arrived gets that first payment back: the same words are true of it.
      return (t, format) =>
        t('payments.record.recorded', {
          amount: format.money(result.amountCents, result.currency),
          receipt: result.receiptNumber,
        });
    });
    if (ok) {
      pending.current = null;
      setFields(afterRecording);
      onRecorded();
    }
  }

  return (
    <section className="card" aria-labelledby="record-payment-heading">
      <h2 id="record-payment-heading">{t('payments.record.heading')}</h2>
      <form className="grid-form" noValidate onSubmit={(event) => void send(event)}>
        <PaymentFieldsSet fields={fields} set={set} amountError={amountError} />
        {openClaims.length > 1 ? (
          <ClaimChoice claims={openClaims} choice={choice} onChange={(next) => set('choice', next)} />
        ) : null}
        <div className="field wide">
          <label htmlFor="payment-note">{t('payments.record.note')}</label>
          <textarea
            id="payment-note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => set('note', event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {submit.busy ? t('payments.record.submitting') : t('payments.record.submit')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={submit} />
      {recorded && submit.done ? <AllocationSummary recorded={recorded} /> : null}
    </section>
  );
}

/** The amount, the channel, the day received, the bank reference and the payer. */
function PaymentFieldsSet({
  fields,
  set,
  amountError,
}: {
  fields: PaymentFields;
  set: <K extends keyof PaymentFields>(field: K, value: PaymentFields[K]) => void;
  amountError: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="payment-amount">{t('payments.record.amount')}</label>
        <input
          id="payment-amount"
          inputMode="decimal"
          autoComplete="off"
          required
          value={fields.amount}
          aria-invalid={amountError}
          aria-describedby={amountError ? 'payment-amount-hint payment-amount-error' : 'payment-amount-hint'}
          onChange={(event) => set('amount', event.target.value)}
        />
        <p id="payment-amount-hint" className="hint">
          {t('payments.record.amountHint')}
        </p>
        {amountError ? (
          <p id="payment-amount-error" className="field-error">
            {t('payments.record.amountInvalid')}
          </p>
        ) : null}
      </div>
      <CodeSelect
        id="payment-channel"
        label={t('payments.record.channel')}
        group="payments.channels"
        values={PAYMENT_CHANNELS}
        value={fields.channel}
        onChange={(channel) => set('channel', channel)}
      />
      <div className="field">
        <label htmlFor="payment-received-on">{t('payments.record.receivedOn')}</label>
        <input
          id="payment-received-on"
          type="date"
          required
          value={fields.receivedOn}
          onChange={(event) => set('receivedOn', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="payment-reference">{t('payments.record.reference')}</label>
        <input
          id="payment-reference"
          maxLength={140}
          value={fields.reference}
          aria-describedby="payment-reference-hint"
          onChange={(event) => set('reference', event.target.value)}
        />
        <p id="payment-reference-hint" className="hint">
          {t('payments.record.referenceHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="payment-payer">{t('payments.record.payerName')}</label>
        <input
          id="payment-payer"
          maxLength={140}
          value={fields.payerName}
          onChange={(event) => set('payerName', event.target.value)}
        />
      </div>
    </>
  );
}

/** The claims the debtor may ask the payment to go to (when the case has more than one open). */
function ClaimChoice({
  claims,
  choice,
  onChange,
}: {
  claims: CaseDetail['claims'];
  choice: string[];
  onChange: (choice: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group field wide" aria-describedby="payment-choice-hint">
      <legend>{t('payments.record.choice')}</legend>
      <p id="payment-choice-hint" className="hint">
        {t('payments.record.choiceHint')}
      </p>
      {claims.map((claim) => (
        <label key={claim.id} className="choice">
          <input
            type="checkbox"
            checked={choice.includes(claim.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...choice, claim.id] : choice.filter((id) => id !== claim.id))
            }
          />
          {t('payments.record.choiceClaim', { reference: claim.reference })}
        </label>
      ))}
    </fieldset>
  );
}

/** Where the recorded payment went: the claims it paid, and what is left as the debtor's credit. */
function AllocationSummary({ recorded }: { recorded: Payment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lines = allocationLines(t, format, { ...recorded, unallocatedCents: 0 });
  return (
    <div className="allocation-summary" data-testid="payment-allocation">
      {lines.length > 0 ? (
        <>
          <p>{t('payments.record.wentTo')}</p>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {recorded.unallocatedCents > 0 ? (
            <p>
              {t('payments.record.toCredit', {
                amount: format.money(recorded.unallocatedCents, recorded.currency),
              })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('payments.record.allNothing')}</p>
      )}
    </div>
  );
}
