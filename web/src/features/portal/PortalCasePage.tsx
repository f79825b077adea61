import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { withAmounts } from '../../i18n/amounts.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { portalApi, type PortalCase } from './api.js';

/**
 * One file, in plain words: why the agency writes, what is owed line by line, where the file stands, what comes next
 * and what happens without a solution, the letters, the payments; then what the person can do.
 */
export function PortalCasePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('portal.case.title'));
  const data = useApiData((signal) => portalApi.case(caseId, i18n.language, signal), `${caseId}/${i18n.language}`);
  return (
    <AsyncContent data={data} onRetry={data.reload}>
      {(view) => <CaseView view={view} />}
    </AsyncContent>
  );
}

function CaseView({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const open = view.status !== 'closed';
  return (
    <>
      <p>
        <Link to="/portal">{t('portal.case.back')}</Link>
      </p>
      <h1>{t('portal.home.caseWith', { creditor: view.creditorName })}</h1>
      <p>{view.why}</p>

      <OwedSection view={view} />
      <StandingSection view={view} />
      {open ? <ActSection view={view} /> : null}
      {view.disputes.length > 0 ? <DisputesSection view={view} /> : null}
      <LettersSection view={view} />
      <PaymentsSection view={view} />
      <section aria-labelledby="portal-complain">
        <h2 id="portal-complain">{t('portal.complaint.notSatisfied')}</h2>
        <p>
          <Link to={`/portal/cases/${view.id}/complaint`}>{t('portal.complaint.link')}</Link>
        </p>
      </section>
      <p className="muted">{t('portal.home.reference', { reference: view.reference })}</p>
    </>
  );
}

function OwedSection({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section aria-labelledby="portal-owed">
        <h2 id="portal-owed">{t('portal.case.owed')}</h2>
        <table className="portal-amounts">
          <caption className="visually-hidden">{t('portal.case.owedCaption')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('portal.case.principal')}</th>
              <td>{format.money(view.totals.principalCents)}</td>
            </tr>
            <tr>
              <th scope="row">{t('portal.case.interest')}</th>
              <td>{format.money(view.totals.interestCents)}</td>
            </tr>
            <tr>
              <th scope="row">{t('portal.case.fees')}</th>
              <td>{format.money(view.totals.feesCents)}</td>
            </tr>
            <tr>
              <th scope="row">{t('portal.case.paid')}</th>
              <td>{format.money(view.totals.paidCents)}</td>
            </tr>
            <tr className="portal-total">
              <th scope="row">{t('portal.case.left')}</th>
              <td>{format.money(view.totals.balanceCents)}</td>
            </tr>
          </tbody>
        </table>
        <p className="hint">{t('portal.case.noFees')}</p>
        <details>
          <summary>{t('portal.case.claims', { count: view.claims.length })}</summary>
          <ul>
            {view.claims.map((claim) => (
              <li key={claim.reference}>
                {t('portal.case.claim', {
                  reference: claim.reference,
                  since: format.date(claim.defaultOn),
                  left: format.money(claim.balanceCents),
                })}
                {claim.timeBar ? (
                  <>
                    {' '}
                    <strong>
                      {t(`portal.case.timeBar.${claim.timeBar.status}`, { day: format.date(claim.timeBar.lastDay) })}
                    </strong>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      </section>
    </>
  );
}

function StandingSection({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const say = (text: string) => withAmounts(format, text);
  return (
    <>
      <section aria-labelledby="portal-standing">
        <h2 id="portal-standing">{t('portal.case.standing')}</h2>
        <p>{say(view.standing.procedure)}</p>
        <h3>{t('portal.case.next')}</h3>
        <p>{say(view.standing.next)}</p>
        <h3>{t('portal.case.ifNoSolution')}</h3>
        <p>{say(view.standing.ifNoSolution)}</p>
        {view.plan?.nextInstalment ? (
          <p>
            {t('portal.case.nextInstalment', {
              amount: format.money(view.plan.nextInstalment.amountCents),
              day: format.date(view.plan.nextInstalment.dueOn),
            })}
          </p>
        ) : null}
      </section>
    </>
  );
}

function ActSection({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section aria-labelledby="portal-act">
        <h2 id="portal-act">{t('portal.case.act')}</h2>
        <ul className="portal-actions">
          <li>
            <Link className="button" to={`/portal/cases/${view.id}/plan`}>
              {t('portal.budgetPlan.budgetLink')}
            </Link>
          </li>
          <li>
            <Link className="button" to={`/portal/cases/${view.id}/callback`}>
              {t('portal.callback.link')}
            </Link>
          </li>
          <li>
            <Link className="button" to={`/portal/cases/${view.id}/difficulty`}>
              {t('portal.difficulty.link')}
            </Link>
          </li>
          <li>
            <Link className="button" to={`/portal/cases/${view.id}/dispute`}>
              {t('portal.dispute.link')}
            </Link>
          </li>
          <li>
            <Link className="button" to="/portal/preferences">
              {t('portal.preferences.link')}
            </Link>
          </li>
          <li>
            <Link className="button" to="/portal/details">
              {t('portal.details.link')}
            </Link>
          </li>
        </ul>
        {view.callbacks.length > 0 ? (
          <p>
            {t('portal.case.callbacks', {
              list: view.callbacks.map((callback) => format.dateTime(callback.at)).join(', '),
            })}
          </p>
        ) : null}
        {view.declarations.length > 0 ? (
          <p>{t('portal.case.declared', { day: format.dateTime(view.declarations[0]!.declaredAt) })}</p>
        ) : null}
      </section>
    </>
  );
}

/** The person's disputes on this file and where each stands, in their words. */
function DisputesSection({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="portal-disputes">
      <h2 id="portal-disputes">{t('portal.case.disputes')}</h2>
      <ul>
        {view.disputes.map((dispute) => (
          <li key={dispute.openedAt}>
            {t('portal.case.disputeLine', {
              grounds: t(`portal.dispute.grounds.${dispute.grounds}`),
              reference: dispute.claimReference,
              day: format.instantDate(new Date(dispute.openedAt)),
            })}{' '}
            {t(`portal.case.disputeStates.${dispute.state}`, {
              day: dispute.decidedAt ? format.instantDate(new Date(dispute.decidedAt)) : '',
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LettersSection({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section aria-labelledby="portal-letters">
        <h2 id="portal-letters">{t('portal.case.letters')}</h2>
        {view.firstLetter ? (
          <p>
            {t('portal.case.firstLetter', {
              day: format.date(view.firstLetter.sentOn),
              reference: view.firstLetter.reference ?? '—',
            })}
          </p>
        ) : null}
        {view.letters.length === 0 ? (
          <p className="muted">{t('portal.case.noLetters')}</p>
        ) : (
          <ul>
            {view.letters.map((letter) => (
              <li key={letter.id}>
                <a href={portalApi.letterUrl(view.id, letter.id)} download>
                  {t('portal.case.letter', { day: format.dateTime(letter.sentAt), name: letter.fileName })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function PaymentsSection({ view }: { view: PortalCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section aria-labelledby="portal-payments">
        <h2 id="portal-payments">{t('portal.case.payments')}</h2>
        {view.payments.length === 0 ? (
          <p className="muted">{t('portal.case.noPayments')}</p>
        ) : (
          <ul>
            {view.payments.map((payment, index) => (
              <li key={`${payment.receivedOn}-${index}`}>
                {t('portal.case.payment', {
                  day: format.date(payment.receivedOn),
                  amount: format.money(payment.amountCents),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
