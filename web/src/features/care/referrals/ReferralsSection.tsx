import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveData } from '../../../api/useLiveData.js';
import { useFormat } from '../../../i18n/format.js';
import { AsyncContent } from '../../../ui/AsyncContent.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Field } from '../../../ui/fields.js';
import { can } from '../../identity/permissions.js';
import { useMe } from '../../identity/SessionProvider.js';
import { getDebtorReferrals, type DebtorReferrals, type ReferralView } from './api.js';
import { ProposeReferralForm, ReferralActs } from './ReferralForms.js';

/**
 * A debtor's referrals to organisations that help (CCD2 art. 36), for the care case screen and the case page: in full
 * for a reader with need-to-know (the server records the read), with the forms to propose, send, move the follow-up
 * and close for the care team; otherwise how many there are, in neutral words. Self-contained: it loads its own data
 * and shows nothing when the debtor has neither a vulnerability record nor a referral.
 */
export function ReferralsSection(props: { debtorId: string; caseId: string | null }) {
  const [reason, setReason] = useState<string | null>(null);
  const data = useLiveData(
    (signal) => getDebtorReferrals(props.debtorId, reason, signal),
    `${props.debtorId}|${reason ?? ''}`,
  );
  if (data.status === 'ready' && !shown(data.data)) return null;
  return (
    <AsyncContent data={data} onRetry={data.reload}>
      {(found) => (
        <ReferralsCard
          found={found}
          caseId={props.caseId}
          debtorId={props.debtorId}
          reload={data.reload}
          onReason={setReason}
        />
      )}
    </AsyncContent>
  );
}

const shown = (found: DebtorReferrals) => found.count > 0 || found.hasRecord;

/** The roles that may read outside the cases they hold by stating why (need-to-know/core/need-to-know.ts). */
const REASON_ROLES: readonly string[] = ['team_leader', 'manager'];
const REASON_MIN_LENGTH = 10;

/** Reads the referrals in full with a reason, which the server keeps with the read. */
function ReasonForm({ onReason }: { onReason: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <form
      className="grid-form"
      aria-label={t('careReferrals.section.reasonHeading')}
      onSubmit={(event) => {
        event.preventDefault();
        onReason(reason.trim());
      }}
    >
      <Field
        id="referrals-reason"
        label={t('careReferrals.section.reason')}
        hint={t('careReferrals.section.reasonHint', { count: REASON_MIN_LENGTH })}
        wide
      >
        {(control) => (
          <input
            {...control}
            required
            minLength={REASON_MIN_LENGTH}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <div className="form-footer">
        <button type="submit" className="button secondary">
          {t('careReferrals.section.reasonSubmit')}
        </button>
      </div>
    </form>
  );
}

function ReferralsCard(props: {
  found: DebtorReferrals;
  debtorId: string;
  caseId: string | null;
  reload: () => void;
  onReason: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { found } = props;
  const manager = can(me.role, 'care.manage') && found.access === 'full';
  return (
    <section className="card" aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">{t('careReferrals.section.heading')}</h2>
      {found.access === 'restricted' ? (
        <>
          <p>{t('careReferrals.section.restricted', { count: found.count })}</p>
          {REASON_ROLES.includes(me.role) ? <ReasonForm onReason={props.onReason} /> : null}
        </>
      ) : (
        <>
          {found.referrals.length === 0 ? (
            <p>{t('careReferrals.section.none')}</p>
          ) : (
            <ReferralTable referrals={found.referrals} />
          )}
          <p>
            <Link to="/care/organisations">{t('careReferrals.section.directoryLink')}</Link>
          </p>
          {manager
            ? found.referrals
                .filter((referral) => referral.status !== 'closed')
                .map((referral) => (
                  <ReferralActs key={referral.id} referral={referral} today={found.today} onDone={props.reload} />
                ))
            : null}
          {manager ? (
            <ProposeReferralForm
              debtorId={props.debtorId}
              caseId={props.caseId}
              suggestions={found.suggestions}
              today={found.today}
              onDone={props.reload}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function ReferralTable({ referrals }: { referrals: ReferralView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('careReferrals.section.caption')}
      rows={referrals}
      rowKey={(row) => row.id}
      columns={[
        {
          header: t('careReferrals.section.column.organisation'),
          rowHeader: true,
          cell: (row) => (
            <>
              <strong>{row.organisation.name}</strong>
              <span className="cell-detail">
                {t('careReferrals.section.proposedOn', { date: format.instantDate(new Date(row.proposedAt)) })}
              </span>
            </>
          ),
        },
        { header: t('careReferrals.section.column.need'), cell: (row) => row.need, lang: () => 'fr' },
        {
          header: t('careReferrals.section.column.status'),
          cell: (row) => (
            <>
              {t(`careReferrals.statuses.${row.status}`)}
              {row.sentHow && row.sentAt ? (
                <span className="cell-detail">
                  {t('careReferrals.section.sentOn', {
                    how: t(`careReferrals.sentHow.${row.sentHow}`),
                    date: format.instantDate(new Date(row.sentAt)),
                  })}
                </span>
              ) : null}
              {row.letterDocumentId ? (
                <span className="cell-detail">
                  <a href={`/api/v1/documents/${row.letterDocumentId}/file`}>{t('careReferrals.section.letter')}</a>
                </span>
              ) : null}
              {row.email ? (
                <span className="cell-detail">
                  {t('careReferrals.section.email', {
                    status: t(`careReferrals.section.emailStatuses.${row.email.status}`),
                  })}
                </span>
              ) : null}
            </>
          ),
        },
        {
          header: t('careReferrals.section.column.followUpOn'),
          cell: (row) =>
            row.status === 'closed' ? (
              t('common.none')
            ) : (
              <>
                {format.date(row.followUpOn)}
                {row.followUpDue ? <strong className="cell-detail">{t('careReferrals.section.due')}</strong> : null}
              </>
            ),
        },
        {
          header: t('careReferrals.section.column.outcome'),
          cell: (row) =>
            row.outcome ? (
              <>
                {t(`careReferrals.outcomes.${row.outcome}`)}
                {row.outcomeNote ? <span className="cell-detail">{row.outcomeNote}</span> : null}
              </>
            ) : (
              t('common.none')
            ),
        },
      ]}
    />
  );
}
