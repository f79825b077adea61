import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getCase } from './api.js';
import type { CaseDetail } from './api.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import type { RecordTextView } from '../../../../src/cases/contract.js';
import { sayRecord } from './recordText.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { CaseKeyFacts } from './CaseKeyFacts.js';
import { CaseSummary } from './CaseSummary.js';
import { DebtorSection } from './DebtorSection.js';
import { CaseAuditLinks } from '../audit/CaseAuditLinks.js';
import { ContactPanel } from '../contact-policy/case-contact/ContactPanel.js';
import { MessagesPanel } from '../communications/MessagesPanel.js';
import { FirstLetterPanel } from '../communications/FirstLetterPanel.js';
import { CasePortalPasskeys } from '../portal/CasePortalPasskeys.js';
import { HoldsTable } from '../contact-policy/case-contact/HoldsTable.js';
import { PaymentsSection } from '../payments/PaymentsSection.js';
import { DocumentsSection } from '../documents/DocumentsSection.js';
import { CaseComplaintsSection } from '../complaints/CaseComplaintsSection.js';
import { TimeBarSection } from '../time-bars/TimeBarSection.js';
import { DisputesSection } from '../disputes/DisputesSection.js';
import { HandoffSection } from '../judicial/HandoffSection.js';
import { ClosurePanel } from '../disputes/ClosurePanel.js';
import { EstatePanel } from '../estates/EstatePanel.js';
import { ReferralsSection } from '../care/referrals/ReferralsSection.js';
import { ProcedureSection, procedureNextText, useCaseProcedure } from '../judicial/ProcedureSection.js';
import { OverindebtednessPanel } from '../overindebtedness/OverindebtednessPanel.js';
import { CareFirst } from '../care/CareFirst.js';
import { CarePanel } from '../care/CarePanel.js';
import { AssignmentForm } from '../workspace/supervision/AssignmentForm.js';
import { CaseWorkspaceTop, CaseWorkspaceWork, useCaseWorkspace } from '../workspace/CaseWorkspace.js';

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Reloaded in place after a call is recorded, so the timeline and the contact points show what it did.
  const detail = useLiveData((signal) => getCase(id, signal), id);
  usePageTitle(detail.status === 'ready' ? t('case.title', { reference: detail.data.reference }) : t('cases.title'));

  return (
    <>
      <p className="back-link">
        <Link to="/cases">
          <span aria-hidden="true">← </span>
          {t('case.back')}
        </Link>
      </p>
      <AsyncContent data={detail} onRetry={detail.reload}>
        {(found) => <CaseView detail={found} reloadCase={detail.reload} />}
      </AsyncContent>
    </>
  );
}

function CaseView({ detail, reloadCase }: { detail: CaseDetail; reloadCase: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const contactsShown = can(me.role, 'contacts.read');
  const workspace = useCaseWorkspace(detail.id, contactsShown, reloadCase);
  // An act in any section may change what the workspace's panels show (the balance, the next call): both reload.
  const caseChanged = () => {
    reloadCase();
    workspace?.data.reload();
  };
  // At the judicial stage the case is worked through its procedure: the judicial specialist gets no call script; nor
  // does the over-indebtedness specialist on a case in the procedure, who gets the procedure first.
  const judicialStage = detail.stage === 'judicial';
  const procedureFirst = me.role === 'overindebtedness_specialist' && detail.stage === 'overindebtedness';
  const callGuide = !(judicialStage && me.role === 'judicial_specialist') && !procedureFirst;
  // The judicial procedure, for its section and for what comes next in the key facts; the specialist has it on top.
  const procedureShown = judicialStage && can(me.role, 'judicial_procedures.read');
  const procedure = useCaseProcedure(detail.id, procedureShown);
  const judicialFirst = procedureShown && me.role === 'judicial_specialist';
  const procedureSection = procedureShown ? (
    <ProcedureSection
      caseId={detail.id}
      caseOpen={detail.status === 'open'}
      procedure={procedure}
      onChanged={caseChanged}
    />
  ) : null;
  // A document added or erased: the sections that offer the case's documents (a death certificate, evidence) reload them.
  const [documentsVersion, setDocumentsVersion] = useState(0);
  // The care specialist reads the person first (situation, signals, referrals, budget), the amount second.
  const care = {
    caseId: detail.id,
    debtorId: detail.debtor.id,
    caseOpen: detail.status !== 'closed',
    onChanged: caseChanged,
  };

  return (
    <>
      <h1>
        {t('case.title', { reference: detail.reference })}{' '}
        <span className="heading-sub">{detail.debtor.displayName}</span>
      </h1>
      {me.role === 'care_specialist' ? <CareFirst {...care} /> : null}
      <CaseKeyFacts
        detail={detail}
        workspace={workspace?.data.status === 'ready' ? workspace.data.data : null}
        next={procedureShown ? procedureNextText(procedure, t, format) : undefined}
      />
      <CaseAuditLinks caseId={detail.id} debtorId={detail.debtor.id} />
      {can(me.role, 'affordability.compute') ? (
        <p>
          <Link className="button secondary" to={`/cases/${detail.id}/budget`}>
            {t('budget.open')}
          </Link>
          {can(me.role, 'plans.read') ? (
            <>
              {' '}
              <Link className="button secondary" to={`/cases/${detail.id}/plans`}>
                {t('plans.open')}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {judicialFirst ? procedureSection : null}
      {workspace ? <CaseWorkspaceTop workspace={workspace} detail={detail} /> : null}
      {procedureFirst ? (
        <OverindebtednessPanel caseId={detail.id} debtorId={detail.debtor.id} caseOpen onChanged={caseChanged} />
      ) : null}
      <CaseSummary detail={detail} />
      <DebtorSection debtor={detail.debtor} />
      {judicialFirst ? null : procedureSection}
      {workspace ? <CaseWorkspaceWork workspace={workspace} detail={detail} callGuide={callGuide} /> : null}
      {contactsShown ? <ContactPanel key={workspace?.version} caseId={detail.id} /> : null}
      {contactsShown ? (
        <FirstLetterPanel caseId={detail.id} caseOpen={detail.status !== 'closed'} onChanged={caseChanged} />
      ) : null}
      {can(me.role, 'portal_access.reset') ? <CasePortalPasskeys caseId={detail.id} /> : null}
      <MessagesPanel
        caseId={detail.id}
        caseOpen={detail.status !== 'closed'}
        timeZone={
          (detail.debtor.addresses.find((a) => a.primary) ?? detail.debtor.addresses[0])?.timeZone ?? 'Europe/Paris'
        }
        onChanged={caseChanged}
      />
      <ClaimsSection claims={detail.claims} />
      <TimeBarSection caseId={detail.id} />
      {can(me.role, 'payments.read') ? <PaymentsSection detail={detail} /> : null}
      {can(me.role, 'documents.read') ? (
        <DocumentsSection caseId={detail.id} onChanged={() => setDocumentsVersion((n) => n + 1)} />
      ) : null}
      {can(me.role, 'complaints.read') ? <CaseComplaintsSection caseId={detail.id} /> : null}
      {can(me.role, 'care.read') && me.role !== 'care_specialist' ? <CarePanel {...care} /> : null}
      <CaseLifecyclePanels detail={detail} reloadCase={caseChanged} documentsVersion={documentsVersion} />
      {can(me.role, 'queues.supervise') && detail.status !== 'closed' ? <AssignmentForm caseId={detail.id} /> : null}
      {/* The contact panel lists the holds and manages them; others read them here. */}
      {contactsShown ? null : <HoldsSection holds={detail.holds} />}
      <StageHistorySection history={detail.stageHistory} />
      <TimelineSection timeline={detail.timeline} />
    </>
  );
}

/** What moves the case's life: its disputes, a deceased debtor's estate, its closure or reopening. */
function CaseLifecyclePanels(props: { detail: CaseDetail; reloadCase: () => void; documentsVersion: number }) {
  const { detail, reloadCase, documentsVersion } = props;
  const me = useMe();
  return (
    <>
      {can(me.role, 'disputes.read') ? (
        <DisputesSection
          caseId={detail.id}
          caseOpen={detail.status !== 'closed'}
          claims={detail.claims}
          documentsVersion={documentsVersion}
          onChanged={reloadCase}
        />
      ) : null}
      {/* Files are built at the judicial stage only: a case that never reached it has none to ask for. */}
      {can(me.role, 'handoffs.read') &&
      (detail.stage === 'judicial' || detail.stageHistory.some((change) => change.toStage === 'judicial')) ? (
        <HandoffSection caseId={detail.id} documentsVersion={documentsVersion} />
      ) : null}
      {/* The over-indebtedness specialist has the procedure at the top of a case in the procedure. */}
      {can(me.role, 'overindebtedness.read') &&
      !(me.role === 'overindebtedness_specialist' && detail.stage === 'overindebtedness') ? (
        <OverindebtednessPanel
          caseId={detail.id}
          debtorId={detail.debtor.id}
          caseOpen={detail.status !== 'closed'}
          onChanged={reloadCase}
        />
      ) : null}
      {can(me.role, 'estates.read') ? (
        <EstatePanel
          caseId={detail.id}
          caseOpen={detail.status !== 'closed'}
          documentsVersion={documentsVersion}
          onChanged={reloadCase}
        />
      ) : null}
      {/* The care team's referrals: shown when the debtor has a vulnerability record or a referral. */}
      {can(me.role, 'care.manage') ? <ReferralsSection debtorId={detail.debtor.id} caseId={detail.id} /> : null}
      {can(me.role, 'cases.close') ? (
        <ClosurePanel
          caseId={detail.id}
          status={detail.status}
          closeReason={detail.closeReason}
          closedOn={detail.closedOn}
          onChanged={reloadCase}
        />
      ) : null}
    </>
  );
}

function ClaimsSection({ claims }: { claims: CaseDetail['claims'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sum = (pick: (claim: CaseDetail['claims'][number]) => number) =>
    claims.reduce((total, claim) => total + pick(claim), 0);
  const currency = claims[0]?.currency ?? 'EUR';
  return (
    <section className="card" aria-labelledby="claims-heading">
      <h2 id="claims-heading">{t('case.claims')}</h2>
      <TableScroll label={t('case.claimsCaption')}>
        <table>
          <caption className="visually-hidden">{t('case.claimsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.claimReference')}</th>
              <th scope="col">{t('case.contractType')}</th>
              <th scope="col">{t('case.defaultOn')}</th>
              <th scope="col">{t('case.claimStatus')}</th>
              <th scope="col" className="number">
                {t('case.principal')}
              </th>
              <th scope="col" className="number">
                {t('case.interest')}
              </th>
              <th scope="col" className="number">
                {t('case.fees')}
              </th>
              <th scope="col" className="number">
                {t('case.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {claims.map((claim) => (
              <tr key={claim.id}>
                <th scope="row">{claim.reference}</th>
                <td>
                  {labelOf(t, 'values.contractTypes', claim.contractType)}
                  {claim.originalCreditor ? <span className="muted"> ({claim.originalCreditor})</span> : null}
                </td>
                <td>{format.date(claim.defaultOn)}</td>
                <td>{labelOf(t, 'values.claimStatuses', claim.status)}</td>
                <td className="number">{format.money(claim.principalCents, claim.currency)}</td>
                <td className="number">{format.money(claim.interestCents, claim.currency)}</td>
                <td className="number">{format.money(claim.feesCents, claim.currency)}</td>
                <td className="number">
                  <strong>
                    {format.money(claim.principalCents + claim.interestCents + claim.feesCents, claim.currency)}
                  </strong>
                </td>
              </tr>
            ))}
          </tbody>
          {claims.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('case.claimsTotal')}
                </th>
                <td className="number">
                  {format.money(
                    sum((c) => c.principalCents),
                    currency,
                  )}
                </td>
                <td className="number">
                  {format.money(
                    sum((c) => c.interestCents),
                    currency,
                  )}
                </td>
                <td className="number">
                  {format.money(
                    sum((c) => c.feesCents),
                    currency,
                  )}
                </td>
                <td className="number">
                  <strong>
                    {format.money(
                      sum((c) => c.principalCents + c.interestCents + c.feesCents),
                      currency,
                    )}
                  </strong>
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
    </section>
  );
}

function HoldsSection({ holds }: { holds: CaseDetail['holds'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="holds-heading">
      <h2 id="holds-heading">{t('case.holds')}</h2>
      {holds.length === 0 ? <p>{t('case.noHolds')}</p> : <HoldsTable holds={holds} />}
    </section>
  );
}

function StageHistorySection({ history }: { history: CaseDetail['stageHistory'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="stages-heading">
      <h2 id="stages-heading">{t('case.stageHistory')}</h2>
      <TableScroll label={t('case.stageHistoryCaption')}>
        <table>
          <caption className="visually-hidden">{t('case.stageHistoryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.changedAt')}</th>
              <th scope="col">{t('case.fromStage')}</th>
              <th scope="col">{t('case.toStage')}</th>
              <th scope="col">{t('case.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((change, index) => (
              <tr key={index}>
                <th scope="row" className="plain">
                  {format.dateTime(change.changedAt)}
                </th>
                <td>{labelOf(t, 'stages', change.fromStage)}</td>
                <td>{labelOf(t, 'stages', change.toStage)}</td>
                <RecordCell text={change.reason} legacy={change.legacyReason} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function TimelineSection({ timeline }: { timeline: CaseDetail['timeline'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('case.timeline')}</h2>
      {timeline.length === 0 ? (
        <p>{t('case.timelineEmpty')}</p>
      ) : (
        <>
          <p className="muted">{t('case.timelineCount', { count: timeline.length })}</p>
          <ol className="timeline">
            {timeline.map((event) => (
              <li key={event.id} className={`timeline-item kind-${event.kind}`}>
                <div className="timeline-meta">
                  <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
                  <span className="timeline-kind">{labelOf(t, 'values.eventKinds', event.kind)}</span>
                  {event.channel ? <span>{labelOf(t, 'values.channels', event.channel)}</span> : null}
                  {event.direction ? <span>{labelOf(t, 'values.directions', event.direction)}</span> : null}
                  {event.outcome ? (
                    <span className="timeline-outcome">{labelOf(t, 'values.outcomes', event.outcome)}</span>
                  ) : null}
                </div>
                <RecordLine text={event.summary} legacy={event.legacySummary} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function RecordCell({ text, legacy }: { text: RecordTextView | null; legacy: string | null }) {
  const { t } = useTranslation();
  const said = sayRecord(t, useFormat(), text, legacy);
  return <td lang={said?.lang}>{said?.words ?? t('common.none')}</td>;
}

function RecordLine({ text, legacy }: { text: RecordTextView | null; legacy: string | null }) {
  const { t } = useTranslation();
  const said = sayRecord(t, useFormat(), text, legacy);
  return said ? <p lang={said.lang}>{said.words}</p> : null;
}
