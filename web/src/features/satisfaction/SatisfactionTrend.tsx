import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyMonthlyLinesChart } from '../../ui/charts/lazy.js';
import type { MonthlyPoint } from '../../ui/charts/MonthlyLinesChart.js';
import type { SatisfactionGroup } from './api.js';

const PERCENT = [0, 100] as const;
const POINTS = [-100, 100] as const;

/** A month's name in the reader's language ("décembre 2026"). */
export function monthLabel(key: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${key}-15T00:00:00Z`),
  );
}

/**
 * CSAT and NPS month by month, two charts side by side (a share of 0-100 % and a score of -100 to +100 points do not
 * share an axis), each line with its 95 % interval as a band and no point in a month with too few answers; the month
 * table below holds every figure.
 */
export function SatisfactionTrend({ months }: { months: SatisfactionGroup[] }) {
  const { t } = useTranslation();
  const csatLine = t('satisfaction.columns.csat');
  const npsLine = t('satisfaction.columns.nps');
  const csat = useMemo<MonthlyPoint[]>(
    () =>
      months.map((group) =>
        group.csat.status === 'rate'
          ? {
              line: 'CSAT',
              month: group.key,
              value: group.csat.percent,
              low: group.csat.interval.lowPercent,
              high: group.csat.interval.highPercent,
            }
          : { line: 'CSAT', month: group.key, value: null },
      ),
    [months],
  );
  const nps = useMemo<MonthlyPoint[]>(
    () =>
      months.map((group) =>
        group.nps.status === 'score'
          ? {
              line: 'NPS',
              month: group.key,
              value: group.nps.score,
              low: group.nps.interval.lowPercent,
              high: group.nps.interval.highPercent,
            }
          : { line: 'NPS', month: group.key, value: null },
      ),
    [months],
  );
  if (months.length === 0) return null;
  return (
    <div className="chart-and-table">
      <figure className="trend-figure">
        <figcaption>{t('satisfaction.chart.csatCaption')}</figcaption>
        <Suspense fallback={null}>
          <LazyMonthlyLinesChart
            points={csat}
            label={t('satisfaction.chart.csatLabel', { line: csatLine })}
            axis={t('satisfaction.chart.percentAxis')}
            domain={PERCENT}
          />
        </Suspense>
      </figure>
      <figure className="trend-figure">
        <figcaption>{t('satisfaction.chart.npsCaption')}</figcaption>
        <Suspense fallback={null}>
          <LazyMonthlyLinesChart
            points={nps}
            label={t('satisfaction.chart.npsLabel', { line: npsLine })}
            axis={t('satisfaction.chart.pointsAxis')}
            domain={POINTS}
            rule={0}
          />
        </Suspense>
      </figure>
      <p className="muted">{t('satisfaction.chart.hint')}</p>
    </div>
  );
}
