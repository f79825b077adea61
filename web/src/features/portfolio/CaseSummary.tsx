import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { Facts } from '../../ui/Facts.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import type { CaseDetail } from './api.js';

/** The case's summary: what is owed, where it stands, whose it is, since when, and its first letter. */
export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const creditor = can(me.role, 'creditors.read') ? (
    <Link to={`/creditors/${detail.creditor.id}`}>{detail.creditor.name}</Link>
  ) : (
    detail.creditor.name
  );
  const firstLetter = detail.firstLetter
    ? detail.firstLetter.sentOn
      ? t('case.firstLetterValue', {
          reference: detail.firstLetter.reference,
          date: format.date(detail.firstLetter.sentOn),
        })
      : t('case.firstLetterNotSent', { reference: detail.firstLetter.reference })
    : t('common.none');
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('case.summary')}</h2>
      <Facts
        items={[
          {
            label: t('case.balance'),
            value: <strong className="amount">{format.money(detail.balanceCents, detail.currency)}</strong>,
          },
          {
            label: t('case.stage'),
            value: <span className={`badge stage-${detail.stage}`}>{labelOf(t, 'stages', detail.stage)}</span>,
          },
          { label: t('case.status'), value: labelOf(t, 'statuses', detail.status) },
          ...(detail.closeReason
            ? [{ label: t('case.closeReason'), value: labelOf(t, 'values.closeReasons', detail.closeReason) }]
            : []),
          { label: t('case.creditor'), value: creditor },
          { label: t('case.mandate'), value: detail.mandateCode },
          { label: t('case.openedOn'), value: format.date(detail.openedOn) },
          ...(detail.closedOn ? [{ label: t('case.closedOn'), value: format.date(detail.closedOn) }] : []),
          { label: t('case.firstLetter'), value: firstLetter },
        ]}
      />
    </section>
  );
}
