import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allocateCredit, refundCredit } from './api.js';
import { Facts } from '../../ui/Facts.js';
import { SubmitFeedback, useSubmit, type Submit } from '../../ui/useSubmit.js';
import { parseEurosToCents, useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';

/** The debtor's credit (money no claim took), with what may be done with it: allocate it to this case, or refund it. */
export function CreditPanel(props: {
  caseId: string;
  debtorId: string;
  creditCents: number;
  currency: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const allocate = useSubmit();
  const refund = useSubmit();
  const money = (cents: number) => format.money(cents, props.currency);

  async function allocateNow() {
    const ok = await allocate.run(async () => {
      const result = await allocateCredit(props.caseId);
      return (t, format) =>
        t('payments.creditActions.allocated', {
          amount: format.money(result.allocatedCents, props.currency),
          left: format.money(result.debtorCreditCents, props.currency),
        });
    });
    if (ok) props.onChanged();
  }

  const hasCredit = props.creditCents > 0;
  return (
    <div className="credit-panel">
      <Facts
        items={[
          {
            label: t('payments.case.credit'),
            value: (
              <strong className="amount" data-testid="debtor-credit">
                {money(props.creditCents)}
              </strong>
            ),
          },
        ]}
      />
      <p className="hint">{t('payments.case.creditHint')}</p>
      {hasCredit && can(me.role, 'payments.record') ? (
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={allocate.busy}
            onClick={() => void allocateNow()}
          >
            {allocate.busy ? t('payments.creditActions.allocating') : t('payments.creditActions.allocate')}
          </button>
        </p>
      ) : null}
      <SubmitFeedback submit={allocate} />
      {hasCredit && can(me.role, 'payments.reverse') ? (
        <RefundForm debtorId={props.debtorId} currency={props.currency} refund={refund} onRefunded={props.onChanged} />
      ) : null}
      <SubmitFeedback submit={refund} />
    </div>
  );
}

/** Pays the debtor's credit back, with the reason; the confirmation shows in the panel, which may then hide this form. */
function RefundForm({
  debtorId,
  currency,
  refund,
  onRefunded,
}: {
  debtorId: string;
  currency: string;
  refund: Submit;
  onRefunded: () => void;
}) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [amountError, setAmountError] = useState(false);

  async function refundNow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cents = parseEurosToCents(amount);
    setAmountError(cents === null || cents <= 0);
    if (cents === null || cents <= 0) return;
    const ok = await refund.run(async () => {
      const result = await refundCredit(debtorId, { amountCents: cents, reason: reason.trim() });
      return (t, format) =>
        t('payments.creditActions.refunded', { left: format.money(result.debtorCreditCents, currency) });
    });
    if (ok) {
      setAmount('');
      setReason('');
      onRefunded();
    }
  }

  return (
    <form className="grid-form" aria-labelledby="refund-heading" onSubmit={(event) => void refundNow(event)}>
      <h3 id="refund-heading" className="wide">
        {t('payments.creditActions.refundHeading')}
      </h3>
      <div className="field">
        <label htmlFor="refund-amount">{t('payments.creditActions.refundAmount')}</label>
        <input
          id="refund-amount"
          inputMode="decimal"
          autoComplete="off"
          required
          value={amount}
          aria-invalid={amountError}
          aria-describedby={amountError ? 'refund-amount-error' : undefined}
          onChange={(event) => setAmount(event.target.value)}
        />
        {amountError ? (
          <p id="refund-amount-error" className="field-error">
            {t('payments.record.amountInvalid')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="refund-reason">{t('payments.creditActions.refundReason')}</label>
        <input
          id="refund-reason"
          required
          minLength={3}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={refund.busy}>
          {refund.busy ? t('payments.creditActions.refunding') : t('payments.creditActions.refund')}
        </button>
      </div>
    </form>
  );
}
