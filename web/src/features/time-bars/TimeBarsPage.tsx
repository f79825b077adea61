import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getApproachingTimeBars, type ApproachingList } from './api.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable, type Column } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat, type Formatters } from '../../i18n/format.js';

type Item = ApproachingList['items'][number];

/** Claims nearing their time bar (or past it) on open cases, for a person to review: nearest first. */
export function TimeBarsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('timeBars.review.title'));
  // The agency's lead time until the reader asks for another (the answer says which applied).
  const [leadDays, setLeadDays] = useState<number | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const list = useLiveData((signal) => getApproachingTimeBars(leadDays, signal), String(leadDays));
  const shown = typed ?? (list.status === 'ready' ? String(list.data.leadDays) : '');
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number.parseInt(shown, 10);
    if (Number.isInteger(value) && value >= 0 && value <= 730) setLeadDays(value);
  }
  return (
    <>
      <h1>{t('timeBars.review.title')}</h1>
      <p className="muted">{t('timeBars.review.intro')}</p>
      <form className="filters inline-filters" onSubmit={apply}>
        <div className="field">
          <label htmlFor="time-bar-lead">{t('timeBars.review.leadDays')}</label>
          <input
            id="time-bar-lead"
            type="number"
            min={0}
            max={730}
            value={shown}
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button secondary">
            {t('timeBars.review.apply')}
          </button>
        </div>
      </form>
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('timeBars.review.none')}</p>
          ) : (
            <DataTable
              caption={t('timeBars.review.caption')}
              columns={columns(t, format)}
              rows={found.items}
              rowKey={(row) => `${row.caseId}-${row.claimReference}`}
            />
          )
        }
      </AsyncContent>
    </>
  );
}

function columns(t: TFunction, format: Formatters): Column<Item>[] {
  return [
    {
      header: t('timeBars.review.column.case'),
      cell: (i) => <Link to={`/cases/${i.caseId}`}>{i.caseReference}</Link>,
      rowHeader: true,
    },
    { header: t('timeBars.review.column.debtor'), cell: (i) => i.debtorName },
    { header: t('timeBars.review.column.creditor'), cell: (i) => i.creditorName },
    { header: t('timeBars.review.column.claim'), cell: (i) => `${i.claimReference} (${i.ruleSource})` },
    { header: t('timeBars.review.column.lastDay'), cell: (i) => format.date(i.lastDay) },
    {
      header: t('timeBars.review.column.left'),
      cell: (i) =>
        i.status === 'time_barred' ? (
          <span className="badge warning">{t('timeBars.review.barred')}</span>
        ) : (
          t('timeBars.review.daysLeft', { count: i.daysLeft })
        ),
    },
  ];
}
