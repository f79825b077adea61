import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { TableScroll } from '../../ui/TableScroll.js';
import type { ConductReport } from './conduct-api.js';

/** The chart library is loaded with the first chart, not with the app: most people never open this page. */
const ContactDistributionChart = lazy(() =>
  import('./ConductCharts.js').then((m) => ({ default: m.ContactDistributionChart })),
);
const DeadlineChart = lazy(() => import('./ConductCharts.js').then((m) => ({ default: m.DeadlineChart })));

type Props = { report: ConductReport };

/** A count the report may withhold (care figures below the smallest cell): "fewer than N". */
export function useShown(smallest: number) {
  const { t } = useTranslation();
  const format = useFormat();
  return (count: number | null) =>
    count === null ? t('conductReport.withheld', { n: smallest }) : format.count(count);
}

/** A mean kept in hundredths, with two decimals; a dash without one. */
export function useMean() {
  const { t } = useTranslation();
  const format = useFormat();
  return (hundredths: number | null) =>
    hundredths === null
      ? t('conductReport.none')
      : new Intl.NumberFormat(format.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
          hundredths / 100,
        );
}

/** The months side by side: money collected beside the manner of collecting it. */
export function MonthsTable({ report }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = ['collected', 'attempts', 'overCap', 'refused', 'complaints', 'disputes', 'csat'] as const;
  const csat = (bp: number | null) => (bp === null ? t('conductReport.none') : format.percentFromBasisPoints(bp));
  return (
    <section aria-labelledby="conduct-months">
      <h2 id="conduct-months">{t('conductReport.months.heading')}</h2>
      <TableScroll label={t('conductReport.months.caption')}>
        <table>
          <caption className="visually-hidden">{t('conductReport.months.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conductReport.months.month')}</th>
              {columns.map((column) => (
                <th scope="col" className="numeric" key={column}>
                  {t(`conductReport.months.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.month}</th>
                <td className="numeric">{format.money(month.collectedCents)}</td>
                <td className="numeric">{format.count(month.attempts)}</td>
                <td className="numeric">{format.count(month.overCapCaseWeeks)}</td>
                <td className="numeric">{format.count(month.refused)}</td>
                <td className="numeric">{format.count(month.complaints)}</td>
                <td className="numeric">{format.count(month.disputes)}</td>
                <td className="numeric">{csat(month.csatBasisPoints)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t('conductReport.months.hint', { n: report.minimumAnswers })}</p>
    </section>
  );
}

/** Each channel against its weekly cap, and one channel's distribution drawn and tabled. */
export function ContactsSection({ report }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [channel, setChannel] = useState<ConductReport['contacts'][number]['channel']>('all');
  const shown = report.contacts.find((row) => row.channel === channel) ?? report.contacts[0];
  const mean = useMean();
  const channelName = (name: string) => t(`conductReport.channel.${name}`);
  return (
    <section aria-labelledby="conduct-contacts">
      <h2 id="conduct-contacts">{t('conductReport.contacts.heading')}</h2>
      <p>{t('conductReport.contacts.intro', { version: report.policyVersion ?? '—' })}</p>
      <TableScroll label={t('conductReport.contacts.heading')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conductReport.contacts.channel')}</th>
              <th scope="col" className="numeric">
                {t('conductReport.contacts.cap')}
              </th>
              <th scope="col" className="numeric">
                {t('conductReport.contacts.mean')}
              </th>
              <th scope="col" className="numeric">
                {t('conductReport.contacts.overCap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.contacts.map((row) => (
              <tr key={row.channel}>
                <th scope="row">{channelName(row.channel)}</th>
                <td className="numeric">{row.capPerWeek ?? t('conductReport.contacts.noCap')}</td>
                <td className="numeric">{mean(row.perCaseWeekHundredths)}</td>
                <td className="numeric">{format.count(row.overCapCaseWeeks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {shown ? (
        <>
          <div className="field">
            <label htmlFor="conduct-channel">{t('conductReport.contacts.choose')}</label>
            <select
              id="conduct-channel"
              value={channel}
              onChange={(event) => setChannel(event.target.value as typeof channel)}
            >
              {report.contacts.map((row) => (
                <option key={row.channel} value={row.channel}>
                  {channelName(row.channel)}
                </option>
              ))}
            </select>
          </div>
          <p role="status">
            {shown.overCapCaseWeeks === 0
              ? t('conductReport.contacts.overCapNone')
              : t('conductReport.contacts.overCapSome', { count: shown.overCapCaseWeeks })}
          </p>
          <Suspense fallback={null}>
            <ContactDistributionChart figures={shown} />
          </Suspense>
          <TableScroll label={t('conductReport.contacts.tableCaption', { channel: channelName(shown.channel) })}>
            <table>
              <caption>{t('conductReport.contacts.tableCaption', { channel: channelName(shown.channel) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('conductReport.contacts.contacts')}</th>
                  <th scope="col" className="numeric">
                    {t('conductReport.contacts.caseWeeks')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...shown.buckets, ...shown.overCap].map((bucket) => (
                  <tr key={bucket.contacts}>
                    <th scope="row">
                      {shown.capPerWeek !== null && bucket.contacts === shown.capPerWeek
                        ? `${bucket.contacts} (${t('conductReport.contacts.capLine')})`
                        : bucket.contacts}
                    </th>
                    <td className="numeric">{format.count(bucket.caseWeeks)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}

/** The family of a rule id, in words (`window.hours` → contact hours); the id itself stays beside it. */
function ruleFamily(rule: string): string {
  if (rule === 'hold.care_rule' || rule.startsWith('care.')) return 'care';
  const family = rule.split('.')[0] ?? '';
  return ['window', 'cap', 'spacing', 'pause_after_conversation', 'hold', 'opt_out'].includes(family)
    ? family
    : 'other';
}

export function RefusalsSection({ report }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useShown(report.smallestCell);
  const { refusals } = report;
  return (
    <section aria-labelledby="conduct-refusals">
      <h2 id="conduct-refusals">{t('conductReport.refusals.heading')}</h2>
      <p>{t('conductReport.refusals.total', { count: refusals.attempts })}</p>
      {refusals.attempts === 0 ? (
        <p>{t('conductReport.refusals.empty')}</p>
      ) : (
        <TableScroll label={t('conductReport.refusals.byRule')}>
          <table>
            <caption>{t('conductReport.refusals.byRule')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conductReport.refusals.rule')}</th>
                <th scope="col" className="numeric">
                  {t('conductReport.refusals.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {refusals.byRule.map((row) => (
                <tr key={row.rule}>
                  <th scope="row">
                    {t(`conductReport.refusals.family.${ruleFamily(row.rule)}`)} <code>{row.rule}</code>
                  </th>
                  <td className="numeric">{shown(row.refusals)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {refusals.byChannel.length > 0 ? (
        <p>
          {t('conductReport.refusals.byChannel', {
            list: refusals.byChannel
              .map((row) => `${t(`conductReport.channel.${row.channel}`)} ${format.count(row.attempts)}`)
              .join(', '),
          })}
        </p>
      ) : null}
      <p className="hint">{t('conductReport.refusals.hint')}</p>
    </section>
  );
}

export function ComplaintsSection({ report }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const statuses = ['answered_in_time', 'answered_late', 'open_in_time', 'open_overdue'] as const;
  return (
    <section aria-labelledby="conduct-complaints">
      <h2 id="conduct-complaints">{t('conductReport.complaints.heading')}</h2>
      <p>{t('conductReport.complaints.total', { count: report.complaints.total })}</p>
      <Suspense fallback={null}>
        <DeadlineChart complaints={report.complaints} />
      </Suspense>
      <TableScroll label={t('conductReport.complaints.heading')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conductReport.complaints.subject')}</th>
              {statuses.map((status) => (
                <th scope="col" className="numeric" key={status}>
                  {t(`conductReport.complaints.status.${status}`)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('conductReport.complaints.totalColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.complaints.bySubject.map((row) => (
              <tr key={row.subject}>
                <th scope="row">{t(`conductReport.complaints.subjects.${row.subject}`)}</th>
                {statuses.map((status) => (
                  <td className="numeric" key={status}>
                    {format.count(row[status])}
                  </td>
                ))}
                <td className="numeric">{format.count(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export function DisputesSection({ report }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { disputes } = report;
  return (
    <section aria-labelledby="conduct-disputes">
      <h2 id="conduct-disputes">{t('conductReport.disputes.heading')}</h2>
      <p>{t('conductReport.disputes.opened', { count: disputes.opened })}</p>
      <TableScroll label={t('conductReport.disputes.heading')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conductReport.disputes.outcome')}</th>
              <th scope="col" className="numeric">
                {t('conductReport.disputes.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {disputes.byOutcome.map((row) => (
              <tr key={row.outcome}>
                <th scope="row">{t(`conductReport.disputes.outcomes.${row.outcome}`)}</th>
                <td className="numeric">{format.count(row.disputes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        {disputes.medianDaysToAnswer === null
          ? t('conductReport.disputes.noMedian')
          : t('conductReport.disputes.median', { days: disputes.medianDaysToAnswer, count: disputes.answered })}
      </p>
    </section>
  );
}

export function CareSection({ report }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useShown(report.smallestCell);
  const { care } = report;
  return (
    <section aria-labelledby="conduct-care">
      <h2 id="conduct-care">{t('conductReport.care.heading')}</h2>
      <p>
        {t('conductReport.care.share', {
          fragile: shown(care.fragile),
          debtors: format.count(care.debtors),
          share:
            care.shareBasisPoints === null
              ? t('conductReport.none')
              : format.percentFromBasisPoints(care.shareBasisPoints),
        })}
      </p>
      <TableScroll label={t('conductReport.care.heading')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('conductReport.care.step')}</th>
              <th scope="col" className="numeric">
                {t('conductReport.care.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {care.referrals.map((row) => (
              <tr key={row.step}>
                <th scope="row">{t(`conductReport.care.steps.${row.step}`)}</th>
                <td className="numeric">{shown(row.referrals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t('conductReport.care.hint', { n: report.smallestCell })}</p>
    </section>
  );
}

export function SatisfactionSection({ report }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { satisfaction } = report;
  return (
    <section aria-labelledby="conduct-satisfaction">
      <h2 id="conduct-satisfaction">{t('conductReport.satisfaction.heading')}</h2>
      <p>
        {satisfaction.csatBasisPoints === null
          ? t('conductReport.satisfaction.tooFew', { answers: satisfaction.answers, n: report.minimumAnswers })
          : t('conductReport.satisfaction.csat', {
              csat: format.percentFromBasisPoints(satisfaction.csatBasisPoints),
              satisfied: satisfaction.satisfied,
              answers: satisfaction.answers,
            })}
      </p>
    </section>
  );
}
