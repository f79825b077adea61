import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioReport } from './api.js';

type CreditorFigures = PortfolioReport['creditors'][number];

interface Point {
  series: string;
  month: number;
  rate: number;
}

/**
 * One creditor's liquidation curves drawn by Observable Plot: a stair-step per vintage (money arrives month by month)
 * and the whole portfolio's curve in a thick dark line. Each curve is named at its end, so no reader depends on colour;
 * the table beside it holds the same figures, and the picture is one image with its description for screen readers.
 */
export function LiquidationChart({ creditor }: { creditor: CreditorFigures }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const portfolio = t('portfolioReport.portfolio');
  const axisX = t('portfolioReport.monthsSince');
  const axisY = t('portfolioReport.cumulativeRate');

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const points: Point[] = creditor.vintages.flatMap((vintage) =>
      vintage.points.map((point) => ({
        series: vintage.vintage,
        month: point.monthsSince,
        rate: (point.rateBp ?? 0) / 100,
      })),
    );
    const overall: Point[] = creditor.curve.map((point) => ({
      series: portfolio,
      month: point.monthsSince,
      rate: (point.rateBp ?? 0) / 100,
    }));
    // Each curve named at its last point; curves still at zero lie on the axis, unnamed there (the table names them).
    const ends = [...points, ...overall].filter(
      (point, index, all) =>
        (point.rate > 0 || point.series === portfolio) &&
        !all.some((other, j) => j > index && other.series === point.series),
    );
    const chart = Plot.plot({
      width: Math.max(320, Math.min(element.clientWidth || 720, 960)),
      height: 320,
      marginLeft: 48,
      marginRight: 72,
      style: { fontSize: '13px' },
      x: { label: axisX, tickFormat: 'd', labelAnchor: 'center', labelArrow: 'none' },
      y: {
        label: axisY,
        grid: true,
        domain: [0, Math.max(5, ...points.map((p) => p.rate), ...overall.map((p) => p.rate))],
      },
      color: { type: 'ordinal', scheme: 'tableau10' },
      marks: [
        Plot.ruleY([0]),
        Plot.line(points, {
          x: 'month',
          y: 'rate',
          z: 'series',
          stroke: 'series',
          curve: 'step-after',
          strokeWidth: 1.5,
        }),
        Plot.line(overall, { x: 'month', y: 'rate', curve: 'step-after', stroke: '#1f2933', strokeWidth: 3 }),
        Plot.text(ends, { x: 'month', y: 'rate', text: 'series', dx: 6, textAnchor: 'start', fill: '#1f2933' }),
      ],
    });
    // The wrapper is the image and carries its description; Plot's own labels on its groups would be ARIA on elements
    // with no role, so they go, and the drawing itself is hidden from screen readers (the table says it all).
    for (const group of chart.querySelectorAll('[aria-label], [aria-description]')) {
      group.removeAttribute('aria-label');
      group.removeAttribute('aria-description');
    }
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [creditor, portfolio, axisX, axisY]);

  return (
    <div
      className="chart"
      role="img"
      aria-label={t('portfolioReport.chartLabel', { creditor: creditor.creditorName })}
      ref={host}
    />
  );
}
