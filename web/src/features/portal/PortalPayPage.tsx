import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { parseEurosToCents, useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalApi, type PortalCase } from './api.js';
import { portalPaymentsApi, type PayPurpose } from './payments-api.js';

/**
 * Paying a file: by card on the provider's page (all that is left, the plan's next payment, or an amount of one's
 * own), or by bank transfer with the file's reference. The card is never typed here.
 */
export function PortalPayPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('portal.pay.title'));
  const data = useApiData((signal) => portalApi.case(caseId, i18n.language, signal), `${caseId}/${i18n.language}`);
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.pay.title')}</h1>
      <AsyncContent data={data} onRetry={data.reload}>
        {(view) => (
          <>
            {view.paying.card ? <CardForm view={view} /> : <p>{t('portal.pay.cardUnavailable')}</p>}
            <TransferDetails view={view} />
          </>
        )}
      </AsyncContent>
    </div>
  );
}

/** A fresh key for each new choice; the same key while the person retries the same one. */
function newKey() {
  return `portal-${crypto.randomUUID()}`;
}

function CardForm({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const instalment = view.plan?.nextInstalment ?? null;
  const [purpose, setPurpose] = useState<PayPurpose>(instalment ? 'instalment' : 'balance');
  const [euros, setEuros] = useState('');
  const [wrong, setWrong] = useState(false);
  const key = useRef({ choice: '', key: newKey() });
  const sending = useSubmit();
  const { minCents, maxCents } = view.paying;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cents = purpose === 'amount' ? parseEurosToCents(euros.trim()) : undefined;
    const bad = purpose === 'amount' && (cents === null || cents! < minCents || cents! > maxCents);
    setWrong(bad);
    if (bad) return;
    const choice = `${purpose}:${cents ?? ''}`;
    if (key.current.choice !== choice) key.current = { choice, key: newKey() };
    await sending.run(async () => {
      const started = await portalPaymentsApi.startCard(view.id, {
        purpose,
        ...(cents !== undefined && cents !== null ? { amountCents: cents } : {}),
        idempotencyKey: key.current.key,
      });
      if (started.redirectUrl) window.location.assign(started.redirectUrl);
    });
  }

  const option = (value: PayPurpose, label: string) => (
    <label className="portal-choice">
      <input type="radio" name="portal-pay-purpose" checked={purpose === value} onChange={() => setPurpose(value)} />{' '}
      {label}
    </label>
  );
  return (
    <section aria-labelledby="portal-pay-card">
      <h2 id="portal-pay-card">{t('portal.pay.card')}</h2>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('portal.pay.howMuch')}</legend>
          {option('balance', t('portal.pay.balance', { amount: format.money(view.balanceCents) }))}
          {instalment
            ? option(
                'instalment',
                t('portal.pay.instalment', {
                  amount: format.money(instalment.amountCents),
                  day: format.date(instalment.dueOn),
                }),
              )
            : null}
          {option('amount', t('portal.pay.other'))}
          {purpose === 'amount' ? (
            <Field
              id="portal-pay-amount"
              label={t('portal.pay.amount')}
              hint={t('portal.pay.bounds', { min: format.money(minCents), max: format.money(maxCents) })}
              error={wrong ? t('portal.pay.amountInvalid') : undefined}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="decimal"
                  autoComplete="off"
                  value={euros}
                  onChange={(event) => setEuros(event.target.value)}
                />
              )}
            </Field>
          ) : null}
        </fieldset>
        <p className="hint">{t('portal.pay.cardHint')}</p>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.pay.payByCard')}
        </button>
      </form>
    </section>
  );
}

/** The agency's account and the file's reference, to pay by bank transfer. */
export function TransferDetails({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const transfer = view.paying.transfer;
  if (!transfer) return null;
  return (
    <section aria-labelledby="portal-pay-transfer">
      <h2 id="portal-pay-transfer">{t('portal.pay.transfer')}</h2>
      <p>{t('portal.pay.transferIntro')}</p>
      <dl className="portal-transfer" data-testid="portal-transfer">
        <dt>{t('portal.pay.holder')}</dt>
        <dd>{transfer.holder}</dd>
        <dt>{t('portal.pay.iban')}</dt>
        <dd>{transfer.iban}</dd>
        {transfer.bic ? (
          <>
            <dt>{t('portal.pay.bic')}</dt>
            <dd>{transfer.bic}</dd>
          </>
        ) : null}
        <dt>{t('portal.pay.reference')}</dt>
        <dd>
          <strong>{transfer.reference}</strong>
        </dd>
      </dl>
      <p className="hint">{t('portal.pay.referenceHint')}</p>
    </section>
  );
}
