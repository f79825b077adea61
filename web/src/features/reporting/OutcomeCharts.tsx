import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

/** One point of a series: its name, where it sits on the horizontal axis, its value (a percent or a count). */
export interface SeriesPoint {
  series: string;
  x: string;
  y: number;
}

const INK = '#1f2933';
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
const DASHES = ['none', '6 3', '2 3', '8 3 2 3', '1 5', '4 4'];

/** Plot's own labels on its groups would be ARIA on elements with no role; the wrapper carries the description. */
function mount(element: HTMLDivElement, chart: SVGSVGElement | HTMLElement) {
  for (const group of chart.querySelectorAll('[aria-label], [aria-description]')) {
    group.removeAttribute('aria-label');
    group.removeAttribute('aria-description');
  }
  chart.setAttribute('aria-hidden', 'true');
  element.replaceChildren(chart);
  return () => chart.remove();
}

const widthOf = (element: HTMLDivElement) => Math.max(300, Math.min(element.clientWidth || 520, 520));

/**
 * A few series by month drawn by Observable Plot, each with its own marker and dash, named in the legend by its
 * marker (series may lie on one another, where names at their ends would overlap), so that no reader depends on
 * colour; the table beside it holds the same figures.
 */
export function SeriesChart(props: { label: string; yLabel: string; points: SeriesPoint[]; percent?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const { points, yLabel, percent } = props;
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const names = [...new Set(points.map((p) => p.series))];
    const chart = Plot.plot({
      width: widthOf(element),
      height: 260,
      marginLeft: 48,
      marginRight: 16,
      marginBottom: 40,
      style: { fontSize: '12px' },
      x: { label: null, tickRotate: -30, domain: [...new Set(points.map((p) => p.x))] },
      y: {
        label: yLabel,
        grid: true,
        domain: [0, percent ? 100 : Math.max(1, ...points.map((p) => p.y))],
        // Counts are whole: no tick between two of them.
        ...(percent ? {} : { ticks: Math.min(5, Math.max(1, ...points.map((p) => p.y))), tickFormat: 'd' }),
      },
      symbol: { domain: names, range: SYMBOLS.slice(0, names.length), legend: true },
      marks: [
        Plot.ruleY([0]),
        ...names.map((name, index) =>
          Plot.line(
            points.filter((p) => p.series === name),
            { x: 'x', y: 'y', stroke: INK, strokeDasharray: DASHES[index % DASHES.length], strokeWidth: 1.5 },
          ),
        ),
        Plot.dot(points, { x: 'x', y: 'y', symbol: 'series', stroke: INK, fill: 'white', r: 3.5 }),
      ],
    });
    return mount(element, chart);
  }, [points, yLabel, percent]);
  return <div className="outcome-chart" role="img" aria-label={props.label} ref={host} />;
}

/** Horizontal bars, each named on its axis and carrying its figure as text: nothing depends on colour. */
export function BarsChart(props: {
  label: string;
  xLabel: string;
  bars: { name: string; value: number; text: string }[];
}) {
  const host = useRef<HTMLDivElement>(null);
  const { bars, xLabel } = props;
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const chart = Plot.plot({
      width: widthOf(element),
      height: 36 + 26 * Math.max(1, bars.length),
      // Room for the longest name on the axis (about 7 px a character at this size).
      marginLeft: Math.min(260, 16 + 7 * Math.max(4, ...bars.map((b) => b.name.length))),
      marginRight: 72,
      style: { fontSize: '12px' },
      x: {
        label: xLabel,
        grid: true,
        labelAnchor: 'center',
        labelArrow: 'none',
        domain: [0, Math.max(1, ...bars.map((b) => b.value))],
      },
      y: { label: null, domain: bars.map((b) => b.name) },
      marks: [
        Plot.barX(bars, { x: 'value', y: 'name', fill: '#3b5b7a', stroke: INK }),
        Plot.text(bars, { x: 'value', y: 'name', text: 'text', dx: 6, textAnchor: 'start', fill: INK }),
        Plot.ruleX([0]),
      ],
    });
    return mount(element, chart);
  }, [bars, xLabel]);
  return <div className="outcome-chart" role="img" aria-label={props.label} ref={host} />;
}
