import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getCareReport, type CareReport } from './api.js';

const OUTCOMES = ['helped', 'not_reached', 'refused', 'file_lodged'] as const;

/**
 * The care unit's figures for team leaders, compliance and managers: fragile debtors by creditor and team, the time to
 * the care team's first contact, referrals and their outcomes, reviews and signals. The period lives in the address.
 */
export function CareReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const report = useApiData((signal) => getCareReport(period, signal), `${period.from}|${period.to}`);
  usePageTitle(t('careReport.title'));
  return (
    <>
      <h1>{t('careReport.title')}</h1>
      <PeriodForm
        period={period}
        onApply={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')))}
      />
      <AsyncContent data={report} onRetry={report.reload}>
        {(data) => <Figures report={data} />}
      </AsyncContent>
    </>
  );
}

function PeriodForm(props: {
  period: { from: string; to: string };
  onApply: (next: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.period);
  const incoming = `${props.period.from}|${props.period.to}`;
  useEffect(() => {
    const [from = '', to = ''] = incoming.split('|');
    setValues({ from, to });
  }, [incoming]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(values);
  }
  return (
    <form className="filters" onSubmit={submit} aria-labelledby="care-period-heading">
      <h2 id="care-period-heading" className="visually-hidden">
        {t('careReport.period')}
      </h2>
      <div className="field">
        <label htmlFor="care-from">{t('careReport.from')}</label>
        <input
          id="care-from"
          type="date"
          value={values.from}
          onChange={(event) => setValues((current) => ({ ...current, from: event.target.value }))}
          aria-describedby="care-dates-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="care-to">{t('careReport.to')}</label>
        <input
          id="care-to"
          type="date"
          value={values.to}
          onChange={(event) => setValues((current) => ({ ...current, to: event.target.value }))}
          aria-describedby="care-dates-hint"
        />
        <p id="care-dates-hint" className="hint">
          {t('careReport.datesHint')}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('careReport.show')}
        </button>
      </div>
    </form>
  );
}

/** A count as the report gives it: the figure, or "fewer than N" when it is withheld. */
function useCount(smallest: number) {
  const { t } = useTranslation();
  const format = useFormat();
  return (value: number | null) => (value === null ? t('careReport.withheld', { smallest }) : format.count(value));
}

function Figures({ report }: { report: CareReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = useCount(report.smallestCell);
  const figure = (label: string, value: string) => (
    <div className="figure" key={label}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const contact = report.firstCareContact;
  return (
    <>
      <p className="muted">{t('careReport.intro', { smallest: report.smallestCell })}</p>
      <p>
        {t('careReport.periodSaid', {
          from: format.date(report.from),
          to: format.date(report.to),
          today: format.date(report.today),
        })}
      </p>
      <h2>{t('careReport.fragileHeading')}</h2>
      <FragileTable caption={t('careReport.byCreditor')} rows={report.fragileByCreditor} count={count} />
      <FragileTable caption={t('careReport.byTeam')} rows={report.fragileByTeam} count={count} />
      <h2>{t('careReport.contactHeading')}</h2>
      <dl className="figures">
        {figure(t('careReport.recorded'), count(contact.recorded))}
        {figure(t('careReport.contacted'), count(contact.contacted))}
        {figure(t('careReport.waiting'), count(contact.waiting))}
        {figure(
          t('careReport.medianHours'),
          contact.medianHours === null ? t('careReport.none') : t('careReport.hours', { count: contact.medianHours }),
        )}
      </dl>
      <h2>{t('careReport.referralsHeading')}</h2>
      <dl className="figures">
        {figure(t('careReport.proposed'), count(report.referrals.proposed))}
        {figure(t('careReport.sent'), count(report.referrals.sent))}
        {figure(t('careReport.closed'), count(report.referrals.closed))}
        {figure(t('careReport.followUpsOverdue'), count(report.referrals.followUpsOverdue))}
      </dl>
      <TableScroll label={t('careReport.outcomesCaption')}>
        <table>
          <caption>{t('careReport.outcomesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('careReport.outcome')}</th>
              <th scope="col" className="number">
                {t('careReport.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {OUTCOMES.map((outcome) => (
              <tr key={outcome}>
                <th scope="row">{t(`careReport.outcomes.${outcome}`)}</th>
                <td className="number">{count(report.referrals.outcomes[outcome])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>{t('careReport.reviewsHeading')}</h2>
      <dl className="figures">
        {figure(t('careReport.overdue'), count(report.reviews.overdue))}
        {figure(t('careReport.dueWithinWeek'), count(report.reviews.dueWithinWeek))}
        {figure(t('careReport.openSignals'), count(report.signals.open))}
        {figure(t('careReport.detected'), count(report.signals.detected))}
        {figure(t('careReport.confirmed'), count(report.signals.confirmed))}
        {figure(t('careReport.dismissed'), count(report.signals.dismissed))}
      </dl>
    </>
  );
}

function FragileTable(props: {
  caption: string;
  rows: CareReport['fragileByCreditor'];
  count: (value: number | null) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (props.rows.length === 0)
    return (
      <p>
        {props.caption} — {t('careReport.noRows')}
      </p>
    );
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('careReport.column.name')}</th>
            <th scope="col" className="number">
              {t('careReport.column.debtors')}
            </th>
            <th scope="col" className="number">
              {t('careReport.column.fragile')}
            </th>
            <th scope="col" className="number">
              {t('careReport.column.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td className="number">{format.count(row.debtors)}</td>
              <td className="number">{props.count(row.fragile)}</td>
              <td className="number">
                {row.shareBasisPoints === null
                  ? t('careReport.none')
                  : format.percentFromBasisPoints(row.shareBasisPoints)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
