import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { LazyMonthlyLinesChart } from '../../ui/charts/lazy.js';
import type { MonthlyPoint } from '../../ui/charts/MonthlyLinesChart.js';
import { DataTable } from '../../ui/DataTable.js';
import { getQualityTrends, type QualityTrends as Trends, type TrendPoint } from './api.js';
import { monthName } from './TeamQuality.js';

const PERIODS = [3, 6, 12] as const;
type Series = Trends['series'][number];

/** The team's and each agent's listening score month by month, beside the same month's CSAT: a chart and its table. */
export function QualityTrends() {
  const { t } = useTranslation();
  const [months, setMonths] = useState<number>(6);
  const [chosen, setChosen] = useState<string | null>(null);
  const trends = useApiData((signal) => getQualityTrends(months, signal), `quality-trends-${months}`);
  return (
    <section aria-labelledby="quality-trends">
      <h2 id="quality-trends">{t('quality.trends.heading')}</h2>
      <label htmlFor="quality-trends-months">{t('quality.trends.period')}</label>{' '}
      <select id="quality-trends-months" value={months} onChange={(event) => setMonths(Number(event.target.value))}>
        {PERIODS.map((value) => (
          <option key={value} value={value}>
            {t('quality.trends.months', { count: value })}
          </option>
        ))}
      </select>
      <AsyncContent data={trends} onRetry={trends.reload}>
        {(found) => {
          const series = found.series.find((s) => s.key === chosen && chosen !== null) ?? found.series[0];
          if (!series) return <p>{t('quality.sample.noAgent')}</p>;
          return (
            <>
              {' '}
              <label htmlFor="quality-trends-series">{t('quality.trends.choose')}</label>{' '}
              <select id="quality-trends-series" value={series.key} onChange={(event) => setChosen(event.target.value)}>
                {found.series.map((s) => (
                  <option key={`${s.kind}-${s.key}`} value={s.key}>
                    {seriesName(t, s)}
                  </option>
                ))}
              </select>
              <QualityChart series={series} name={seriesName(t, series)} />
              <TrendTable series={found.series} />
            </>
          );
        }}
      </AsyncContent>
    </section>
  );
}

/**
 * One series' listening score and CSAT month by month: two lines, each named at its end (the shared monthly chart,
 * Observable Plot loaded with it); the table below holds every figure.
 */
function QualityChart({ series, name }: { series: Series; name: string }) {
  const { t } = useTranslation();
  const quality = t('quality.trends.quality');
  const csatLabel = t('quality.trends.csat');
  const points = useMemo<MonthlyPoint[]>(
    () => [
      ...series.points.map((p) => ({
        line: quality,
        month: p.month,
        value: p.meanScoreBp === null ? null : p.meanScoreBp / 100,
      })),
      ...series.points.map((p) => ({
        line: csatLabel,
        month: p.month,
        value: p.csat.status === 'rate' ? p.csat.percent : null,
      })),
    ],
    [series, quality, csatLabel],
  );
  return (
    <Suspense fallback={null}>
      <LazyMonthlyLinesChart
        points={points}
        label={t('quality.trends.chartLabel', { name })}
        axis={t('quality.trends.percentAxis')}
        domain={PERCENT}
        height={280}
      />
    </Suspense>
  );
}

const PERCENT = [0, 100] as const;

export function seriesName(t: (key: string, values?: Record<string, unknown>) => string, series: Series): string {
  return series.kind === 'team' ? t('quality.trends.team', { name: series.label }) : series.label;
}

interface Row {
  key: string;
  series: Series;
  point: TrendPoint;
}

function TrendTable({ series }: { series: Series[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rows: Row[] = series.flatMap((s) =>
    s.points.map((point) => ({ key: `${s.kind}-${s.key}-${point.month}`, series: s, point })),
  );
  return (
    <DataTable<Row>
      caption={t('quality.trends.caption')}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { header: t('quality.columns.series'), rowHeader: true, cell: (row) => seriesName(t, row.series) },
        { header: t('quality.columns.month'), cell: (row) => monthName(row.point.month, i18n.language) },
        { header: t('quality.columns.reviews'), className: 'number', cell: (row) => format.count(row.point.reviews) },
        {
          header: t('quality.columns.score'),
          className: 'number',
          cell: (row) =>
            row.point.meanScoreBp === null
              ? t('quality.trends.none')
              : format.percentFromBasisPoints(row.point.meanScoreBp),
        },
        {
          header: t('quality.columns.csat'),
          className: 'number',
          cell: (row) =>
            row.point.csat.status === 'rate'
              ? format.percentFromBasisPoints(Math.round(row.point.csat.percent * 100))
              : t('quality.trends.tooFew', { count: row.point.csat.answers }),
        },
      ]}
    />
  );
}
