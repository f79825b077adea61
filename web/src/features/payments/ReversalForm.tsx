import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REVERSAL_KINDS, reversePayment, type Payment, type ReversalKind } from './api.js';
import { ConfirmBox } from '../../ui/ConfirmBox.js';
import { CodeSelect } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';

/** Reverses a payment whose money did not stay: a kind, a reason, then a confirmation (it cannot be undone). */
export function ReversalForm({
  payment,
  onClose,
  onReversed,
}: {
  payment: Payment;
  onClose: () => void;
  onReversed: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<ReversalKind>('returned_direct_debit');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  const number = payment.receiptNumber;

  useEffect(() => heading.current?.focus(), []);

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length >= 3) setConfirming(true);
  }

  async function reverse() {
    const ok = await submit.run(async () => {
      const result = await reversePayment(payment.id, { kind, reason: reason.trim() });
      return (t) =>
        t('payments.reversal.done', { number, kind: t(`payments.reversalKinds.${result.reversalKind ?? kind}`) });
    });
    setConfirming(false);
    if (ok) onReversed();
  }

  const done = submit.done !== null;
  return (
    <div className="reversal-form">
      <h3 id="reversal-heading" ref={heading} tabIndex={-1}>
        {t('payments.reversal.heading', { number })}
      </h3>
      <p className="hint">{t('payments.reversal.intro')}</p>
      {done ? null : (
        <form className="grid-form" onSubmit={ask}>
          <CodeSelect
            id="reversal-kind"
            label={t('payments.reversal.kind')}
            group="payments.reversalKinds"
            values={REVERSAL_KINDS}
            value={kind}
            onChange={setKind}
          />
          <ReasonField value={reason} disabled={confirming} onChange={setReason} />
          {confirming ? (
            <div className="wide">
              <ConfirmBox
                textId="reversal-confirm-text"
                yes={submit.busy ? t('payments.reversal.saving') : t('payments.reversal.confirmButton')}
                cancel={t('payments.reversal.cancel')}
                busy={submit.busy}
                onConfirm={() => void reverse()}
                onCancel={() => setConfirming(false)}
              >
                <p id="reversal-confirm-text">
                  {t('payments.reversal.confirm', {
                    number,
                    amount: format.money(payment.amountCents, payment.currency),
                  })}
                </p>
              </ConfirmBox>
            </div>
          ) : (
            <div className="form-actions">
              <button type="submit" className="button primary">
                {t('payments.reversal.submit')}
              </button>
              <button type="button" className="button secondary" onClick={onClose}>
                {t('payments.reversal.close')}
              </button>
            </div>
          )}
        </form>
      )}
      <SubmitFeedback submit={submit} />
      {done ? (
        <button type="button" className="button secondary" onClick={onClose}>
          {t('payments.reversal.close')}
        </button>
      ) : null}
    </div>
  );
}

function ReasonField({
  value,
  disabled,
  onChange,
}: {
  value: string;
  disabled: boolean;
  onChange: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field wide">
      <label htmlFor="reversal-reason">{t('payments.reversal.reason')}</label>
      <textarea
        id="reversal-reason"
        rows={2}
        required
        minLength={3}
        maxLength={1000}
        value={value}
        aria-describedby="reversal-reason-hint"
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id="reversal-reason-hint" className="hint">
        {t('payments.reversal.reasonHint')}
      </p>
    </div>
  );
}
