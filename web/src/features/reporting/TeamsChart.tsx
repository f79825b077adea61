import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { TeamsReport } from './api.js';
import { figureValue, type FigureKey } from './teams-figures.js';

interface Point {
  team: string;
  period: Date;
  value: number;
}

/**
 * One figure per day or week, one line per team, drawn by Observable Plot: each line has its own dash and marker and is
 * named at its end, so no reader depends on colour; the table below holds the same figures, and the picture is one
 * image with its description for screen readers (as the portfolio report's LiquidationChart).
 */
export function TeamsChart(props: {
  report: TeamsReport;
  figure: FigureKey;
  teamName: (line: TeamsReport['teams'][number]) => string;
  /** A week's tick as the trade reads it ("S49", "W49"), from its number. */
  weekLabel: (week: number) => string;
  label: string;
}) {
  const { report, figure, teamName, weekLabel, label } = props;
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const points: Point[] = report.teams.flatMap((line) =>
      line.periods.flatMap((figures, index) => {
        const value = figureValue(figures, figure);
        return value === null
          ? []
          : [{ team: teamName(line), period: new Date(`${report.periods[index]!.first}T00:00:00Z`), value }];
      }),
    );
    const ends = points.filter((point, index, all) => !all.some((other, j) => j > index && other.team === point.team));
    const percent = figure === 'meanScore' || figure === 'csat';
    const dashes = ['none', '6 3', '2 3', '10 4 2 4'];
    const markers = ['circle-fill', 'circle-stroke', 'dot'] as const;
    const names = [...new Set(points.map((p) => p.team))];
    const chart = Plot.plot({
      width: Math.max(320, Math.min(element.clientWidth || 720, 960)),
      height: 280,
      marginLeft: 56,
      marginRight: 110,
      style: { fontSize: '13px' },
      x: { type: 'utc', label: null, ...weekTicks(report, weekLabel) },
      y: { label: null, grid: true, ...(percent ? { domain: [0, 100] } : { zero: true }) },
      color: { type: 'ordinal', scheme: 'tableau10' },
      marks: [
        Plot.ruleY([0]),
        ...names.map((name, i) =>
          Plot.line(
            points.filter((p) => p.team === name),
            {
              x: 'period',
              y: 'value',
              stroke: 'team',
              strokeWidth: 2,
              strokeDasharray: dashes[i % dashes.length],
              marker: markers[i % markers.length],
            },
          ),
        ),
        Plot.text(ends, { x: 'period', y: 'value', text: 'team', dx: 8, textAnchor: 'start', fill: '#1f2933' }),
      ],
    });
    for (const group of chart.querySelectorAll('[aria-label], [aria-description]')) {
      group.removeAttribute('aria-label');
      group.removeAttribute('aria-description');
    }
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [report, figure, teamName, weekLabel]);

  return <div className="chart" role="img" aria-label={label} ref={host} />;
}

/** The most week ticks the axis holds before they crowd: past it, every second (third…) week. */
const MOST_WEEK_TICKS = 13;

/**
 * By week, one tick on each week's Monday (every second or third week over a long period), labelled with the ISO
 * week's number; by day, the scale's own ticks.
 */
export function weekTicks(
  report: Pick<TeamsReport, 'granularity' | 'periods'>,
  weekLabel: (week: number) => string,
): { ticks?: Date[]; tickFormat?: (date: Date) => string } {
  if (report.granularity !== 'week') return {};
  const step = Math.ceil(report.periods.length / MOST_WEEK_TICKS);
  const numbers = new Map(report.periods.map((period) => [period.first, Number(period.key.split('-W')[1])]));
  return {
    ticks: report.periods
      .filter((_, index) => index % step === 0)
      .map((period) => new Date(`${period.first}T00:00:00Z`)),
    tickFormat: (date: Date) => weekLabel(numbers.get(date.toISOString().slice(0, 10)) ?? 0),
  };
}
