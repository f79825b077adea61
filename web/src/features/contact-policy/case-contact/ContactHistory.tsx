import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../ui/TableScroll.js';
import { useFormat } from '../../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../../i18n/labels.js';
import type { ContactPartProps } from './ContactPanel.js';

/** How many contacts show before the agent asks for the whole history. */
const FIRST_SHOWN = 10;

/** The debtor's contacts across cases, newest first: what happened, who recorded it, under which policy version. */
export function ContactHistory({ caseId, contact }: ContactPartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [all, setAll] = useState(false);
  const zone = contact.location.timeZone;
  const shown = all ? contact.contacts : contact.contacts.slice(0, FIRST_SHOWN);
  return (
    <section className="card" aria-labelledby="contact-history-heading">
      <h2 id="contact-history-heading">{t('contact.history.heading')}</h2>
      {contact.contacts.length === 0 ? (
        <p>{t('contact.history.empty')}</p>
      ) : (
        <TableScroll label={t('contact.history.caption')}>
          <table>
            <caption className="visually-hidden">{t('contact.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contact.history.at')}</th>
                <th scope="col">{t('contact.history.channel')}</th>
                <th scope="col">{t('contact.history.outcome')}</th>
                <th scope="col">{t('contact.history.by')}</th>
                <th scope="col">{t('contact.history.policy')}</th>
                <th scope="col">{t('contact.history.note')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className="plain">
                    <time dateTime={item.at}>{format.dateTimeIn(item.at)}</time>
                    {format.dateTimeIn(item.at, zone) !== format.dateTimeIn(item.at) ? (
                      <>
                        <br />
                        <span className="muted">
                          {format.dateTimeIn(item.at, zone)} {t('contact.debtorTime')}
                        </span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    {labelOf(t, 'values.channels', item.channel)} ({t(`contact.record.directions.${item.direction}`)})
                    {item.firstLetter ? <span className="tag">{t('contact.history.firstLetter')}</span> : null}
                    {item.caseId !== caseId ? <span className="tag">{t('contact.history.otherCase')}</span> : null}
                  </td>
                  <td>{labelOf(t, 'values.outcomes', item.outcome)}</td>
                  <td>{item.recordedBy ?? t('common.none')}</td>
                  <td>
                    {t('contact.history.version', { version: item.policyVersion })}
                    {item.overrideId ? (
                      <>
                        <br />
                        <strong className="warning-text">
                          {t('contact.history.override', {
                            name: item.decision.override?.grantedBy ?? t('common.none'),
                          })}
                        </strong>
                      </>
                    ) : null}
                  </td>
                  <td lang={RECORD_TEXT_LANG}>{item.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {shown.length < contact.contacts.length ? (
        <p>
          <span className="muted">
            {t('contact.history.shown', { shown: shown.length, count: contact.contacts.length })}
          </span>{' '}
          <button type="button" className="button secondary small" onClick={() => setAll(true)}>
            {t('contact.history.showAll', { count: contact.contacts.length })}
          </button>
        </p>
      ) : null}
    </section>
  );
}
