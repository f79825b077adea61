import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityTrends } from './api.js';

type Series = QualityTrends['series'][number];

interface Point {
  line: string;
  month: Date;
  percent: number;
}

/**
 * One series' listening score and CSAT month by month, drawn by Observable Plot: two lines, each named at its end so no
 * reader depends on colour; the table beside it holds the same figures, and the picture is one image with its
 * description for screen readers (as the portfolio report's LiquidationChart).
 */
export function QualityChart({ series, name }: { series: Series; name: string }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const quality = t('quality.trends.quality');
  const csatLabel = t('quality.trends.csat');
  const axisY = t('quality.trends.percentAxis');

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const month = (key: string) => new Date(`${key}-01T00:00:00Z`);
    const points: Point[] = [
      ...series.points
        .filter((p) => p.meanScoreBp !== null)
        .map((p) => ({ line: quality, month: month(p.month), percent: p.meanScoreBp! / 100 })),
      ...series.points.flatMap((p) =>
        p.csat.status === 'rate' ? [{ line: csatLabel, month: month(p.month), percent: p.csat.percent }] : [],
      ),
    ];
    const ends = points.filter((point, index, all) => !all.some((other, j) => j > index && other.line === point.line));
    const chart = Plot.plot({
      width: Math.max(320, Math.min(element.clientWidth || 720, 960)),
      height: 280,
      marginLeft: 48,
      marginRight: 72,
      style: { fontSize: '13px' },
      x: { type: 'utc', label: null, ticks: 'month' },
      y: { label: axisY, grid: true, domain: [0, 100] },
      color: { type: 'ordinal', range: ['#1f5fa8', '#b3541e'] },
      marks: [
        Plot.ruleY([0]),
        Plot.line(points, { x: 'month', y: 'percent', z: 'line', stroke: 'line', strokeWidth: 2, marker: 'circle' }),
        Plot.text(ends, { x: 'month', y: 'percent', text: 'line', dx: 6, textAnchor: 'start', fill: '#1f2933' }),
      ],
    });
    for (const group of chart.querySelectorAll('[aria-label], [aria-description]')) {
      group.removeAttribute('aria-label');
      group.removeAttribute('aria-description');
    }
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [series, quality, csatLabel, axisY]);

  return <div className="chart" role="img" aria-label={t('quality.trends.chartLabel', { name })} ref={host} />;
}
