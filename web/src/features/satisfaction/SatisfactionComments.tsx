import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import type { SatisfactionComments as Comments } from './api.js';

/** The debtors' comments, as stored: minimised (no e-mail, phone number or IBAN), with the score they came with. */
export function SatisfactionComments({ items }: { items: Comments['items'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <p>{t('satisfaction.comments.empty')}</p>;
  return (
    <>
      <p className="muted">{t('satisfaction.comments.minimised')}</p>
      <ul className="satisfaction-comments">
        {items.map((item, index) => (
          <li key={`${item.answeredAt}-${index}`}>
            <blockquote>{item.comment}</blockquote>
            <p className="muted">
              {t('satisfaction.comments.about', {
                score: item.score,
                agent: item.agentName ?? t('satisfaction.channels.portal'),
                team: item.teamName ?? t('common.none'),
                what: t(`satisfaction.kinds.${item.interactionKind}`),
                date: format.dateTime(item.answeredAt),
              })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
