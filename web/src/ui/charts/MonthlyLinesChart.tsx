import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

/** One point of a line: its month (YYYY-MM), its value (null: no figure that month, a gap), its interval if any. */
export interface MonthlyPoint {
  line: string;
  month: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
}

export interface MonthlyLinesProps {
  points: readonly MonthlyPoint[];
  /** What the picture shows, for screen readers (the picture itself is hidden from them; a table holds its figures). */
  label: string;
  axis: string;
  domain: readonly [number, number];
  /** A horizontal reference line, such as 0 on a scale that may go below it. */
  rule?: number;
  height?: number;
}

const STROKES = ['#1f5fa8', '#b3541e', '#2f7d4f', '#6b4fa0'] as const;
const DASHES = ['none', '6 4', '2 3', '8 3 2 3'] as const;
const MARKERS = ['circle-fill', 'circle-stroke', 'tick', 'dot'] as const;

/** Observable Plot's figure in its host: its inner labels removed, hidden from screen readers, the host speaks. */
export function mountPlot(element: HTMLElement, chart: SVGSVGElement | HTMLElement): () => void {
  for (const group of chart.querySelectorAll('[aria-label], [aria-description]')) {
    group.removeAttribute('aria-label');
    group.removeAttribute('aria-description');
  }
  chart.setAttribute('aria-hidden', 'true');
  element.replaceChildren(chart);
  return () => chart.remove();
}

/**
 * Lines month by month drawn by Observable Plot, shared by the pages that chart a figure over time (listening's CSAT
 * and NPS, call quality's score): each line has its own dash and marker and is named at its last point, so no reader
 * depends on colour; a line's 95 % interval, when given, is a light band around it. Loaded with the chart, never with
 * the page (import it through `LazyMonthlyLinesChart`).
 */
export function MonthlyLinesChart({ points, label, axis, domain, rule, height = 260 }: MonthlyLinesProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const lines = [...new Set(points.map((p) => p.line))];
    const style = (line: string) => Math.max(0, lines.indexOf(line)) % STROKES.length;
    const rows = points.map((p) => ({
      ...p,
      at: new Date(`${p.month}-01T00:00:00Z`),
      value: p.value ?? NaN,
      low: p.low ?? NaN,
      high: p.high ?? NaN,
    }));
    const drawn = rows.filter((row) => !Number.isNaN(row.value));
    const ends = drawn.filter((row, index) => !drawn.some((other, j) => j > index && other.line === row.line));
    const chart = Plot.plot({
      width: Math.max(300, Math.min(element.clientWidth || 720, 960)),
      height,
      marginLeft: 52,
      marginRight: 96,
      style: { fontSize: '13px' },
      x: { type: 'utc', label: null, ticks: 'month' },
      y: { label: axis, grid: true, domain: [...domain] },
      marks: [
        Plot.ruleY([rule ?? domain[0]]),
        ...lines.map((line) =>
          Plot.areaY(
            rows.filter((row) => row.line === line && !Number.isNaN(row.low)),
            { x: 'at', y1: 'low', y2: 'high', fill: STROKES[style(line)], fillOpacity: 0.12 },
          ),
        ),
        ...lines.map((line) =>
          Plot.line(
            rows.filter((row) => row.line === line),
            {
              x: 'at',
              y: 'value',
              stroke: STROKES[style(line)],
              strokeWidth: 2,
              strokeDasharray: DASHES[style(line)],
              marker: MARKERS[style(line)],
            },
          ),
        ),
        Plot.text(ends, { x: 'at', y: 'value', text: 'line', dx: 8, textAnchor: 'start', fill: '#1f2933' }),
      ],
    });
    return mountPlot(element, chart);
  }, [points, axis, domain, rule, height]);
  return <div className="chart" role="img" aria-label={label} ref={host} />;
}
