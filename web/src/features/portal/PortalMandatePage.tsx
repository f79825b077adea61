import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmBox } from '../../ui/ConfirmBox.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import {
  checkAccount,
  maskIban,
  portalMandateApi,
  type IbanRefusal,
  type MandateSigned,
  type PortalMandatePage as Page,
} from './mandate-api.js';
import { PortalSurvey } from './PortalSurvey.js';

const REFUSAL_PROBLEM: Record<IbanRefusal, string> = {
  format: 'iban_invalid',
  check_digits: 'iban_invalid',
  not_sepa: 'iban_not_sepa',
  bic_required: 'bic_required',
  bic_invalid: 'bic_invalid',
};

/**
 * The person's direct debit for their plan (docs/portal.md, "A direct debit"): the mandate in force (the IBAN masked)
 * and stopping it; or the account, then the mandate to read with the debits it takes and when each is notified, an
 * explicit consent and the signature; then the survey offered in place.
 */
export function PortalMandatePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('portalMandate.title'));
  const data = useApiData(
    (signal) => portalMandateApi.page(caseId, i18n.language, signal),
    `${caseId}/${i18n.language}`,
  );
  const [signed, setSigned] = useState<MandateSigned | null>(null);
  const format = useFormat();
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      {signed ? (
        <>
          <h1>{t('portalMandate.signedHeading')}</h1>
          <p role="status" data-testid="portal-mandate-signed">
            {t('portalMandate.signedText', {
              reference: signed.mandate.reference,
              iban: signed.mandate.ibanMasked,
              day: format.date(signed.mandate.firstDebitOn ?? signed.mandate.signedOn),
            })}
          </p>
          {signed.survey ? <PortalSurvey caseId={caseId} kind={signed.survey.kind} id={signed.survey.id} /> : null}
        </>
      ) : (
        <AsyncContent data={data} onRetry={data.reload}>
          {(view) => <MandateView caseId={caseId} view={view} onSigned={setSigned} onRevoked={data.reload} />}
        </AsyncContent>
      )}
    </div>
  );
}

function MandateView({
  caseId,
  view,
  onSigned,
  onRevoked,
}: {
  caseId: string;
  view: Page;
  onSigned: (signed: MandateSigned) => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <h1>{t('portalMandate.heading')}</h1>
      <p>{t('portalMandate.intro')}</p>
      {view.current ? <CurrentMandate caseId={caseId} view={view} onRevoked={onRevoked} /> : null}
      {view.refusal ? (
        <>
          <p role="status" data-testid="portal-mandate-refusal">
            {t(`portalMandate.refusals.${view.refusal}`)}
          </p>
          {view.refusal === 'no_plan' ? (
            <p>
              <Link className="button" to={`/portal/cases/${caseId}/plan`}>
                {t('portalMandate.planLink')}
              </Link>
            </p>
          ) : null}
        </>
      ) : view.current ? null : (
        <SignMandate caseId={caseId} view={view} onSigned={onSigned} />
      )}
      {view.history.length > 0 ? (
        <section aria-labelledby="portal-mandate-history">
          <h2 id="portal-mandate-history">{t('portalMandate.history')}</h2>
          <ul>
            {view.history.map((m) => (
              <li key={m.reference}>
                {t('portalMandate.historyItem', {
                  reference: m.reference,
                  signed: format.date(m.signedOn),
                  revoked: m.revokedOn ? format.date(m.revokedOn) : '—',
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function CurrentMandate({ caseId, view, onRevoked }: { caseId: string; view: Page; onRevoked: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [asking, setAsking] = useState(false);
  const revoking = useSubmit();
  const current = view.current!;
  return (
    <section aria-labelledby="portal-mandate-current">
      <h2 id="portal-mandate-current">{t('portalMandate.currentHeading')}</h2>
      <p data-testid="portal-mandate-current">
        {t('portalMandate.currentText', {
          reference: current.reference,
          day: format.date(current.signedOn),
          iban: current.ibanMasked,
          holder: current.holder,
        })}
      </p>
      {current.firstDebitOn ? <p>{t('portalMandate.firstDebit', { day: format.date(current.firstDebitOn) })}</p> : null}
      {revoking.error ? <ProblemMessage error={revoking.error} /> : null}
      {asking ? (
        <ConfirmBox
          textId="portal-mandate-revoke-ask"
          yes={t('portalMandate.revokeConfirm')}
          cancel={t('portalMandate.keep')}
          busy={revoking.busy}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            void revoking.run(async () => {
              await portalMandateApi.revoke(caseId);
              setAsking(false);
              onRevoked();
            })
          }
        >
          <p id="portal-mandate-revoke-ask">{t('portalMandate.revokeAsk')}</p>
        </ConfirmBox>
      ) : (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t('portalMandate.revoke')}
        </button>
      )}
    </section>
  );
}

function SignMandate({
  caseId,
  view,
  onSigned,
}: {
  caseId: string;
  view: Page;
  onSigned: (signed: MandateSigned) => void;
}) {
  const { t, i18n } = useTranslation();
  const [holder, setHolder] = useState('');
  const [iban, setIban] = useState('');
  const [bic, setBic] = useState('');
  const [mistake, setMistake] = useState<IbanRefusal | null>(null);
  const [reading, setReading] = useState(false);
  const [consent, setConsent] = useState(false);
  const sending = useSubmit();

  function next(event: FormEvent) {
    event.preventDefault();
    const verdict = checkAccount(iban, bic || null);
    setMistake(verdict.ok ? null : verdict.reason);
    if (verdict.ok) setReading(true);
  }

  async function sign(event: FormEvent) {
    event.preventDefault();
    if (!consent || !view.reference) return;
    await sending.run(async () => {
      onSigned(
        await portalMandateApi.sign(caseId, {
          holder: holder.trim(),
          iban,
          bic: bic || null,
          reference: view.reference!,
          language: (['fr', 'en', 'it'] as const).find((l) => l === i18n.language) ?? 'fr',
          textVersion: view.textVersion,
          consent: true,
        }),
      );
    });
  }

  if (reading)
    return (
      <ReadAndSign
        view={view}
        account={t('portalMandate.account', { iban: maskIban(iban), holder: holder.trim() })}
        consent={consent}
        onConsent={setConsent}
        busy={sending.busy}
        error={sending.error}
        onSign={(event) => void sign(event)}
        onBack={() => {
          setReading(false);
          setConsent(false);
        }}
      />
    );
  return (
    <AccountForm
      holder={holder}
      iban={iban}
      bic={bic}
      mistake={mistake}
      onHolder={setHolder}
      onIban={setIban}
      onBic={setBic}
      onNext={next}
    />
  );
}

/** The account holder, the IBAN and the BIC, each mistake said beside its field. */
function AccountForm(props: {
  holder: string;
  iban: string;
  bic: string;
  mistake: IbanRefusal | null;
  onHolder: (value: string) => void;
  onIban: (value: string) => void;
  onBic: (value: string) => void;
  onNext: (event: FormEvent) => void;
}) {
  const { t } = useTranslation();
  const { holder, iban, bic, mistake } = props;
  const mistakeText = mistake ? t(`problems.portal.${REFUSAL_PROBLEM[mistake]}`) : null;
  const bicMistake = mistake === 'bic_invalid' || mistake === 'bic_required';
  return (
    <form className="stacked-form" onSubmit={props.onNext} noValidate>
      <Field id="portal-mandate-holder" label={t('portalMandate.holder')}>
        {(control) => (
          <input
            {...control}
            autoComplete="name"
            required
            minLength={2}
            maxLength={140}
            value={holder}
            onChange={(event) => props.onHolder(event.target.value)}
          />
        )}
      </Field>
      <Field
        id="portal-mandate-iban"
        label={t('portalMandate.iban')}
        hint={t('portalMandate.ibanHint')}
        error={mistake && !bicMistake ? mistakeText : null}
        alert
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={50}
            value={iban}
            onChange={(event) => props.onIban(event.target.value)}
          />
        )}
      </Field>
      <Field
        id="portal-mandate-bic"
        label={t('portalMandate.bic')}
        hint={t('portalMandate.bicHint')}
        error={bicMistake ? mistakeText : null}
        alert
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            value={bic}
            onChange={(event) => props.onBic(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button primary" disabled={holder.trim().length < 2 || iban.trim() === ''}>
        {t('portalMandate.continue')}
      </button>
    </form>
  );
}

function ReadAndSign({
  view,
  account,
  consent,
  onConsent,
  busy,
  error,
  onSign,
  onBack,
}: {
  view: Page;
  account: string;
  consent: boolean;
  onConsent: (value: boolean) => void;
  busy: boolean;
  error: unknown;
  onSign: (event: FormEvent) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <form className="stacked-form" onSubmit={onSign}>
      <h2>{t('portalMandate.readHeading')}</h2>
      <p data-testid="portal-mandate-account">{account}</p>
      <section aria-label={t('portalMandate.mandateText')} className="portal-mandate-text">
        {view.text.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      <p>{t('portalMandate.noticeExplained', { days: view.preNotificationDays })}</p>
      <table className="portal-amounts">
        <caption>{t('portalMandate.debitsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portalMandate.due')}</th>
            <th scope="col">{t('portalMandate.amount')}</th>
            <th scope="col">{t('portalMandate.notice')}</th>
          </tr>
        </thead>
        <tbody>
          {view.debits.map((d) => (
            <tr key={d.number}>
              <td>{format.date(d.dueOn)}</td>
              <td>{format.money(d.amountCents)}</td>
              <td>{d.byDirectDebit ? format.date(d.noticeBy) : t('portalMandate.tooSoon')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="portal-choice">
        <input type="checkbox" required checked={consent} onChange={(event) => onConsent(event.target.checked)} />
        <span>{t('portalMandate.consent')}</span>
      </label>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !consent}>
          {t('portalMandate.sign')}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t('portalMandate.change')}
        </button>
      </div>
    </form>
  );
}
