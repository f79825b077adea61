import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { documentFileUrl } from '../documents/api.js';
import type { DisputeView } from './api.js';

/** One dispute as read on the case: its claim, grounds, deadline, the evidence asked, the answer and the decision. */
export function DisputeCard({ dispute, children }: { dispute: DisputeView; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `dispute-${dispute.id}`;
  return (
    <article className="card dispute" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('disputes.claim', { reference: dispute.claimReference })} · {labelOf(t, 'disputes.grounds', dispute.grounds)}
      </h3>
      <p>
        <span className="badge">{labelOf(t, 'disputes.statuses', dispute.status)}</span>{' '}
        {dispute.overdue ? <span className="badge warning">{t('disputes.overdue')}</span> : null}{' '}
        {dispute.status === 'linked' ? null : t('disputes.dueOn', { date: format.date(dispute.evidenceDueOn) })}
      </p>
      <p className="hint">
        {t('disputes.openedBy', { date: format.dateTime(dispute.openedAt), name: dispute.openedBy ?? '—' })}
        {dispute.linkedCount > 0 ? ` · ${t('disputes.linkedCount', { count: dispute.linkedCount })}` : ''}
      </p>
      <p>{dispute.note}</p>
      {dispute.status === 'linked' ? null : (
        <>
          <h4>{t('disputes.requested')}</h4>
          <ul>
            {dispute.evidenceRequested.map((kind) => (
              <li key={kind}>{labelOf(t, 'disputes.evidence', kind)}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('disputes.documents')}</h4>
      {dispute.documents.length === 0 ? (
        <p>{t('disputes.noDocument')}</p>
      ) : (
        <ul>
          {dispute.documents.map((document) => (
            <li key={document.id}>
              <a href={documentFileUrl(document.id)}>{document.fileName}</a>
            </li>
          ))}
        </ul>
      )}
      {dispute.answer ? (
        <>
          <h4>{t('disputes.answer')}</h4>
          <p>
            {labelOf(t, 'disputes.answers', dispute.answer)}{' '}
            {dispute.answeredAt ? t('disputes.answeredOn', { date: format.dateTime(dispute.answeredAt) }) : null}
          </p>
          {dispute.adjustment ? (
            <p>
              {t('disputes.adjustment', {
                amount: format.money(dispute.adjustment.amountCents),
                component: labelOf(t, 'disputes.components', dispute.adjustment.component),
              })}
            </p>
          ) : null}
          {dispute.answerNote ? <p>{dispute.answerNote}</p> : null}
        </>
      ) : null}
      {dispute.decision ? (
        <>
          <h4>{t('disputes.decision')}</h4>
          <p>
            {labelOf(t, 'disputes.decisions', dispute.decision)}{' '}
            {dispute.decidedAt
              ? t('disputes.decidedOn', { date: format.dateTime(dispute.decidedAt), name: dispute.decidedBy ?? '—' })
              : null}
          </p>
          {dispute.decisionNote ? <p>{dispute.decisionNote}</p> : null}
        </>
      ) : null}
      {children}
    </article>
  );
}
