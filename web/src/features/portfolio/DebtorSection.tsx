import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { Facts } from '../../ui/Facts.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { YesNo } from '../../ui/YesNo.js';
import type { CaseDetail } from './api.js';

type Debtor = CaseDetail['debtor'];

/** Who the debtor is, where they live (with their local time) and how to reach them. */
export function DebtorSection({ debtor }: { debtor: Debtor }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="debtor-heading">
      <h2 id="debtor-heading">{t('case.debtor')}</h2>
      <Facts
        items={[
          { label: t('case.name'), value: debtor.displayName },
          { label: t('case.kind'), value: labelOf(t, 'case.kinds', debtor.kind) },
          ...(debtor.birthDate ? [{ label: t('case.birthDate'), value: format.date(debtor.birthDate) }] : []),
          { label: t('case.language'), value: labelOf(t, 'values.debtorLanguages', debtor.language) },
        ]}
      />
      <h3>{t('case.addresses')}</h3>
      <Addresses addresses={debtor.addresses} />
      <h3>{t('case.contactPoints')}</h3>
      <ContactPoints contactPoints={debtor.contactPoints} />
    </section>
  );
}

/** Re-renders every 30 seconds so the debtor's local time stays right while the page is open. */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Addresses({ addresses }: { addresses: Debtor['addresses'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  if (addresses.length === 0) return <p>{t('case.noAddresses')}</p>;
  // Staff read where each address came from; a creditor's projection has only its own, without sources.
  const withSources = addresses.some((address) => address.source !== undefined);
  const letters = addresses.find((address) => address.forLetters);
  return (
    <>
      {letters?.forLetters ? <p className="muted">{t(`case.letterRule.${letters.forLetters}`)}</p> : null}
      <TableScroll label={t('case.addressesCaption')}>
        <table>
          <caption className="visually-hidden">{t('case.addressesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.address')}</th>
              {withSources ? <th scope="col">{t('case.addressSource')}</th> : null}
              <th scope="col">{t('case.country')}</th>
              <th scope="col">{t('case.timeZone')}</th>
              <th scope="col">{t('case.localTime')}</th>
            </tr>
          </thead>
          <tbody>
            {addresses.map((address, index) => (
              <tr key={index}>
                <th scope="row" className="plain">
                  {address.line1}
                  {address.line2 ? <>, {address.line2}</> : null}, {address.postalCode} {address.city}
                  {address.primary ? <span className="tag">{t('case.primary')}</span> : null}
                  {address.forLetters ? <span className="tag">{t('case.forLetters')}</span> : null}
                  {address.verified ? <span className="tag">{t('case.addressVerified')}</span> : null}
                  {address.undeliverable ? <span className="tag">{t('case.addressUndeliverable')}</span> : null}
                </th>
                {withSources ? (
                  <td>
                    {address.source === 'creditor' && address.suppliedBy?.length
                      ? t('case.suppliedBy', { creditors: address.suppliedBy.map((c) => c.name).join(', ') })
                      : t(`case.addressSources.${address.source ?? 'creditor'}`)}
                  </td>
                ) : null}
                <td>
                  {address.country}
                  {address.subdivision ? ` (${address.subdivision})` : ''}
                </td>
                <td>{address.timeZone}</td>
                <td>{format.timeIn(address.timeZone, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function ContactPoints({ contactPoints }: { contactPoints: Debtor['contactPoints'] }) {
  const { t } = useTranslation();
  if (contactPoints.length === 0) return <p>{t('case.noContactPoints')}</p>;
  // A creditor's projection carries only what its files supplied, not what the agency learnt of each point.
  const agencyFacts = contactPoints.some((point) => point.verified !== undefined);
  return (
    <TableScroll label={t('case.contactPointsCaption')}>
      <table>
        <caption className="visually-hidden">{t('case.contactPointsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.value')}</th>
            <th scope="col">{t('case.channel')}</th>
            <th scope="col">{t('case.usage')}</th>
            {agencyFacts ? (
              <>
                <th scope="col">{t('case.verified')}</th>
                <th scope="col">{t('case.consent')}</th>
                <th scope="col">{t('case.optedOut')}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {contactPoints.map((point) => (
            <tr key={point.id} className={point.optedOut || point.wrongNumber ? 'row-warning' : undefined}>
              <th scope="row" className="plain">
                {point.channel === 'phone' ? (
                  // A phone number dials from the page (a softphone, or a phone beside the screen).
                  <a href={`tel:${point.value.replace(/[^+\d]/g, '')}`}>{point.value}</a>
                ) : (
                  point.value
                )}
              </th>
              <td>{labelOf(t, 'values.channels', point.channel)}</td>
              <td>{labelOf(t, 'values.usages', point.usage)}</td>
              {agencyFacts ? (
                <>
                  <td>
                    <YesNo value={point.verified ?? false} />
                  </td>
                  <td>{point.consent === undefined ? '—' : labelOf(t, 'values.consents', point.consent)}</td>
                  <td>
                    {point.optedOut ? (
                      <strong className="warning-text">{t('case.optedOutYes')}</strong>
                    ) : point.wrongNumber ? (
                      <strong className="warning-text">{t('case.wrongNumberYes')}</strong>
                    ) : (
                      t('common.no')
                    )}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
