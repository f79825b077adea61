import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getTeamsReport, teamsQuery, type TeamFigures, type TeamsFilters, type TeamsReport } from './api.js';
import { FiguresTable } from './TeamsFiguresTable.js';
import { FIGURES, figureValue, type FigureKey } from './teams-figures.js';

/** The chart library is loaded with the first chart, not with the app. */
const TeamsChart = lazy(() => import('./TeamsChart.js').then((m) => ({ default: m.TeamsChart })));

/**
 * Agents and teams for team leaders (their own team), managers and compliance officers: per team and per agent, the
 * quality of the calls and what debtors said first, then the work and the money; a figure over time drawn and tabled.
 * The filters live in the address.
 */
export function TeamsReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: TeamsFilters = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    granularity: params.get('granularity') === 'day' ? 'day' : 'week',
    teamId: params.get('teamId') ?? '',
  };
  const key = `${filters.from}|${filters.to}|${filters.granularity}|${filters.teamId}`;
  const report = useApiData((signal) => getTeamsReport(filters, signal), key);
  usePageTitle(t('teamsReport.title'));
  return (
    <>
      <h1>{t('teamsReport.title')}</h1>
      <p className="muted">{t('teamsReport.intro')}</p>
      <Filters
        filters={filters}
        teams={report.status === 'ready' ? report.data.teamChoices : []}
        onApply={(next) => setParams(teamsQuery(next))}
      />
      <ExportButtons
        path="/api/v1/reports/teams/export"
        query={teamsQuery(filters)}
        what={t('exports.lists.agentsTeams')}
      />
      <AsyncContent data={report} onRetry={report.reload}>
        {(data) => <Figures report={data} />}
      </AsyncContent>
    </>
  );
}

function Filters(props: {
  filters: TeamsFilters;
  teams: TeamsReport['teamChoices'];
  onApply: (next: TeamsFilters) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.filters);
  const incoming = `${props.filters.from}|${props.filters.to}|${props.filters.granularity}|${props.filters.teamId}`;
  useEffect(() => {
    const [from = '', to = '', granularity = 'week', teamId = ''] = incoming.split('|');
    setValues({ from, to, granularity: granularity === 'day' ? 'day' : 'week', teamId });
  }, [incoming]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(values);
  }
  const set = (field: keyof TeamsFilters) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  return (
    <form className="filters" onSubmit={submit} aria-labelledby="teams-filters-heading">
      <h2 id="teams-filters-heading" className="visually-hidden">
        {t('teamsReport.filters')}
      </h2>
      {(['from', 'to'] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`teams-${field}`}>{t(`teamsReport.${field}`)}</label>
          <input
            id={`teams-${field}`}
            type="date"
            value={values[field]}
            onChange={(event) => set(field)(event.target.value)}
            aria-describedby="teams-period-hint"
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor="teams-granularity">{t('teamsReport.granularity')}</label>
        <select
          id="teams-granularity"
          value={values.granularity}
          onChange={(event) => set('granularity')(event.target.value)}
        >
          <option value="week">{t('teamsReport.week')}</option>
          <option value="day">{t('teamsReport.day')}</option>
        </select>
      </div>
      {props.teams.length > 1 ? (
        <div className="field">
          <label htmlFor="teams-team">{t('teamsReport.team')}</label>
          <select id="teams-team" value={values.teamId} onChange={(event) => set('teamId')(event.target.value)}>
            <option value="">{t('teamsReport.allTeams')}</option>
            {props.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p id="teams-period-hint" className="hint">
        {t('teamsReport.periodHint')}
      </p>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('teamsReport.show')}
        </button>
      </div>
    </form>
  );
}

function Figures({ report }: { report: TeamsReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <p>{t('teamsReport.span', { from: format.date(report.from), to: format.date(report.to) })}</p>
      <p className="muted">
        {report.refreshedAt
          ? t('teamsReport.refreshed', { time: format.dateTime(report.refreshedAt) })
          : t('teamsReport.notRefreshed')}
      </p>
      <p className="hint">
        {t('teamsReport.smallSampleHint', {
          reviews: report.minimumReviews,
          answers: report.minimumAnswers,
          days: report.attributionDays,
        })}
      </p>
      {report.agents.length === 0 ? (
        <p>{t('teamsReport.none')}</p>
      ) : (
        <>
          <section aria-labelledby="teams-by-team">
            <h2 id="teams-by-team">{t('teamsReport.teamsHeading')}</h2>
            <FiguresTable lines={report.teams} caption={t('teamsReport.teamsHeading')} withTeam={false} />
          </section>
          <OverTime report={report} />
          <section aria-labelledby="teams-by-agent">
            <h2 id="teams-by-agent">{t('teamsReport.agentsHeading')}</h2>
            <FiguresTable lines={report.agents} caption={t('teamsReport.agentsHeading')} withTeam />
          </section>
        </>
      )}
    </>
  );
}

/** One figure over the periods, one line per team: drawn, and tabled beside the drawing. */
function OverTime({ report }: { report: TeamsReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [figure, setFigure] = useState<FigureKey>('meanScore');
  const name = t(`teamsReport.figures.${figure}`);
  const granularity = t(`teamsReport.${report.granularity}`);
  const caption = t('teamsReport.chartTable', { figure: name, granularity });
  const teamName = (line: TeamsReport['teams'][number]) => line.name || t('teamsReport.noTeam');
  const weekLabel = (week: number) => t('teamsReport.weekTick', { week });
  const shown = (figures: TeamFigures) => {
    const value = figureValue(figures, figure);
    if (value === null) return '—';
    if (figure === 'collected') return format.money(figures.collectedCents);
    if (figure === 'meanScore' || figure === 'csat') return format.percentFromBasisPoints(Math.round(value * 100));
    return format.count(value);
  };
  return (
    <section aria-labelledby="teams-over-time">
      <h2 id="teams-over-time">{t('teamsReport.chartHeading')}</h2>
      <div className="field">
        <label htmlFor="teams-figure">{t('teamsReport.figure')}</label>
        <select id="teams-figure" value={figure} onChange={(event) => setFigure(event.target.value as FigureKey)}>
          {FIGURES.map((key) => (
            <option key={key} value={key}>
              {t(`teamsReport.figures.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <Suspense fallback={null}>
        <TeamsChart
          report={report}
          figure={figure}
          teamName={teamName}
          weekLabel={weekLabel}
          label={t('teamsReport.chartLabel', { figure: name, granularity })}
        />
      </Suspense>
      <TableScroll label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teamsReport.column.period')}</th>
              {report.teams.map((line) => (
                <th scope="col" className="numeric" key={line.id}>
                  {teamName(line)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.periods.map((period, index) => (
              <tr key={period.key}>
                <th scope="row">{report.granularity === 'week' ? period.key : format.date(period.first)}</th>
                {report.teams.map((line) => (
                  <td className="numeric" key={line.id}>
                    {shown(line.periods[index]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
