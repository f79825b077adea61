import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getSatisfactionComments, getSatisfactionFigures, type SatisfactionGroup } from './api.js';
import { SatisfactionComments } from './SatisfactionComments.js';
import { SatisfactionSettings } from './SatisfactionSettings.js';
import { monthLabel, SatisfactionTrend } from './SatisfactionTrend.js';

const PERIODS = [3, 6, 12] as const;
const TABLES = ['agent', 'team', 'creditor', 'channel', 'arm', 'segment'] as const;

/** Percent in the reader's language, one decimal at most. */
export function usePercent() {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (value: number) => `${number.format(value)} %`;
}

/** NPS points in the reader's language, signed ("+12,5"), one decimal at most. */
function usePoints() {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return (value: number) => number.format(value);
}

/**
 * Debtor satisfaction for those who supervise: CSAT (the share of 4-5) and NPS (promoters minus detractors) with their
 * number of answers and 95 % interval, the response rate, month by month (a chart and its table) and by agent, team,
 * creditor, channel, strategy arm and segment; a group under the minimum sample says "too few answers". The comments, minimised, for team leaders and managers.
 */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('satisfaction.title'));
  const [months, setMonths] = useState<number>(6);
  const figures = useApiData((signal) => getSatisfactionFigures(months, signal), `satisfaction-${months}`);
  const readsComments = can(me.role, 'satisfaction.comments');
  const comments = useApiData(
    (signal) => (readsComments ? getSatisfactionComments(signal) : Promise.resolve({ items: [] })),
    `satisfaction-comments-${readsComments}`,
  );
  return (
    <>
      <h1>{t('satisfaction.title')}</h1>
      <p className="muted">{t('satisfaction.intro')}</p>
      <label htmlFor="satisfaction-months">{t('satisfaction.period')}</label>{' '}
      <select id="satisfaction-months" value={months} onChange={(event) => setMonths(Number(event.target.value))}>
        {PERIODS.map((value) => (
          <option key={value} value={value}>
            {t('satisfaction.months', { count: value })}
          </option>
        ))}
      </select>
      <AsyncContent data={figures} onRetry={figures.reload}>
        {(found) => (
          <>
            <Overall group={found.overall} minimum={found.minimumAnswers} />
            <h2>{t('satisfaction.trend')}</h2>
            <SatisfactionTrend months={found.by.month} />
            <GroupTable dimension="month" rows={found.by.month} bars />
            {TABLES.map((dimension) => (
              <section key={dimension}>
                <h2>{t(`satisfaction.by.${dimension}`)}</h2>
                <GroupTable dimension={dimension} rows={found.by[dimension]} />
              </section>
            ))}
          </>
        )}
      </AsyncContent>
      {readsComments ? (
        <section>
          <h2>{t('satisfaction.comments.heading')}</h2>
          <AsyncContent data={comments} onRetry={comments.reload}>
            {(found) => <SatisfactionComments items={found.items} />}
          </AsyncContent>
        </section>
      ) : null}
      <SatisfactionSettings mayChange={can(me.role, 'satisfaction.settings')} onChanged={figures.reload} />
    </>
  );
}

function Overall({ group, minimum }: { group: SatisfactionGroup; minimum: number }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <dl className="facts">
      <div className="fact">
        <dt>{t('satisfaction.columns.csat')}</dt>
        <dd>
          <CsatText group={group} />
        </dd>
      </div>
      <div className="fact">
        <dt>{t('satisfaction.columns.nps')}</dt>
        <dd>
          <NpsText group={group} />
        </dd>
      </div>
      <div className="fact">
        <dt>{t('satisfaction.columns.responseRate')}</dt>
        <dd>
          {group.responseRatePercent === null
            ? t('satisfaction.noInvitation')
            : t('satisfaction.responseRate', {
                rate: percent(group.responseRatePercent),
                answered: group.answered,
                invited: group.invited,
              })}
        </dd>
      </div>
      <div className="fact">
        <dt>{t('satisfaction.minimumLabel')}</dt>
        <dd>{t('satisfaction.minimum', { count: minimum })}</dd>
      </div>
    </dl>
  );
}

function CsatText({ group }: { group: SatisfactionGroup }) {
  const { t } = useTranslation();
  const percent = usePercent();
  if (group.csat.status === 'too_few') return <>{t('satisfaction.tooFew', { count: group.csat.answers })}</>;
  return (
    <>
      {t('satisfaction.csat', {
        rate: percent(group.csat.percent),
        low: percent(group.csat.interval.lowPercent),
        high: percent(group.csat.interval.highPercent),
        count: group.csat.answers,
      })}
    </>
  );
}

function NpsText({ group }: { group: SatisfactionGroup }) {
  const { t } = useTranslation();
  const points = usePoints();
  if (group.nps.status === 'too_few') return <>{t('satisfaction.tooFew', { count: group.nps.answers })}</>;
  return (
    <>
      {t('satisfaction.nps', {
        score: points(group.nps.score),
        low: points(group.nps.interval.lowPercent),
        high: points(group.nps.interval.highPercent),
        count: group.nps.answers,
      })}
    </>
  );
}

function GroupTable({
  dimension,
  rows,
  bars = false,
}: {
  dimension: 'month' | (typeof TABLES)[number];
  rows: SatisfactionGroup[];
  bars?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const percent = usePercent();
  if (rows.length === 0) return <p>{t('satisfaction.empty')}</p>;
  const label = (row: SatisfactionGroup) => {
    if (dimension === 'month') return monthLabel(row.key, i18n.language);
    if (dimension === 'channel') return t(`satisfaction.channels.${row.key as 'email' | 'sms' | 'portal'}`);
    if (dimension === 'arm')
      return row.key === 'none' ? t('satisfaction.noArm') : t(`satisfaction.arms.${row.key as 'champion'}`);
    if (dimension === 'segment' && row.key === 'none') return t('satisfaction.noSegment');
    return row.key === 'none' ? t('common.none') : row.label;
  };
  return (
    <DataTable<SatisfactionGroup>
      caption={t(dimension === 'month' ? 'satisfaction.trend' : `satisfaction.by.${dimension}`)}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { header: t(`satisfaction.columns.${dimension}`), rowHeader: true, cell: label },
        { header: t('satisfaction.columns.csat'), cell: (row) => <CsatText group={row} /> },
        ...(bars
          ? [
              {
                header: t('satisfaction.columns.bar'),
                cell: (row: SatisfactionGroup) =>
                  row.csat.status === 'rate' ? (
                    <span className="satisfaction-bar" aria-hidden="true">
                      <span style={{ width: `${row.csat.percent}%` }} />
                    </span>
                  ) : null,
              },
            ]
          : []),
        { header: t('satisfaction.columns.nps'), cell: (row) => <NpsText group={row} /> },
        { header: t('satisfaction.columns.answers'), cell: (row) => row.answered },
        { header: t('satisfaction.columns.invited'), cell: (row) => row.invited },
        {
          header: t('satisfaction.columns.responseRate'),
          cell: (row) => (row.responseRatePercent === null ? '—' : percent(row.responseRatePercent)),
        },
        {
          header: t('satisfaction.columns.ease'),
          cell: (row) => (row.easeMean === null ? '—' : t('satisfaction.ease', { mean: row.easeMean })),
        },
      ]}
    />
  );
}
