import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConductReport } from './conduct-api.js';

type ChannelFigures = ConductReport['contacts'][number];

const INK = '#1f2933';
const BAR = '#3b5b7a';

/** Plot's own ARIA on groups without a role goes; the drawing is hidden, the wrapper is the image (as the curves). */
function mount(element: HTMLElement, chart: SVGSVGElement | HTMLElement, hatch?: string) {
  if (hatch) {
    const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
    svg?.insertAdjacentHTML(
      'afterbegin',
      `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
        `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9b2c2c" stroke-width="3"/></pattern></defs>`,
    );
  }
  for (const group of chart.querySelectorAll('[aria-label], [aria-description]')) {
    group.removeAttribute('aria-label');
    group.removeAttribute('aria-description');
  }
  chart.setAttribute('aria-hidden', 'true');
  element.replaceChildren(chart);
  return () => chart.remove();
}

/**
 * Case-weeks by attempts in the week on one channel, drawn by Observable Plot: one bar per number of attempts, its
 * count written on it, the cap named on its axis tick, and any bar above the cap hatched and labelled: nobody depends
 * on colour. The table beside it holds the same figures.
 */
export function ContactDistributionChart({ figures }: { figures: ChannelFigures }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const channel = t(`conductReport.channel.${figures.channel}`);
  const axisX = t('conductReport.contacts.chartAxisX');
  const axisY = t('conductReport.contacts.chartAxisY');
  const capWord = t('conductReport.contacts.capLine');

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const cap = figures.capPerWeek;
    const bars = [...figures.buckets, ...figures.overCap].map((bucket) => ({
      ...bucket,
      label: String(bucket.contacts),
      above: cap !== null && bucket.contacts > cap,
    }));
    const hatch = `over-cap-${figures.channel}`;
    const chart = Plot.plot({
      width: Math.max(300, Math.min(element.clientWidth || 640, 720)),
      height: 240,
      marginLeft: 56,
      marginBottom: 44,
      style: { fontSize: '13px' },
      x: {
        label: axisX,
        domain: bars.map((bar) => bar.label),
        tickFormat: (label: string) => (cap !== null && Number(label) === cap ? `${label} (${capWord})` : label),
        labelAnchor: 'center',
        labelArrow: 'none',
      },
      y: { label: axisY, grid: true, labelArrow: 'none' },
      marks: [
        Plot.barY(bars, {
          x: 'label',
          y: 'caseWeeks',
          fill: (d: { above: boolean }) => (d.above ? `url(#${hatch})` : BAR),
          stroke: INK,
        }),
        Plot.text(bars, {
          x: 'label',
          y: 'caseWeeks',
          text: (d: { caseWeeks: number }) => String(d.caseWeeks),
          dy: -8,
          fill: INK,
        }),
        Plot.ruleY([0]),
      ],
    });
    return mount(element, chart, hatch);
  }, [figures, axisX, axisY, capWord]);

  return (
    <div
      className="chart"
      role="img"
      aria-label={t('conductReport.contacts.chartLabel', {
        channel,
        cap: figures.capPerWeek ?? t('conductReport.contacts.noCap'),
      })}
      ref={host}
    />
  );
}

/** Complaints by answer deadline status: one bar each, named on its axis, its count written beside it. */
export function DeadlineChart({ complaints }: { complaints: ConductReport['complaints'] }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const statuses = (['answered_in_time', 'answered_late', 'open_in_time', 'open_overdue'] as const).map((status) => ({
    name: t(`conductReport.complaints.status.${status}`),
    count: complaints.byStatus[status],
  }));
  const key = statuses.map((status) => `${status.name}:${status.count}`).join('|');

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const chart = Plot.plot({
      width: Math.max(300, Math.min(element.clientWidth || 560, 640)),
      height: 170,
      marginLeft: 170,
      marginRight: 48,
      style: { fontSize: '13px' },
      x: { label: null, grid: true },
      y: { label: null, domain: statuses.map((status) => status.name) },
      marks: [
        Plot.barX(statuses, { x: 'count', y: 'name', fill: BAR, stroke: INK }),
        Plot.text(statuses, {
          x: 'count',
          y: 'name',
          text: (d: { count: number }) => String(d.count),
          dx: 6,
          textAnchor: 'start',
          fill: INK,
        }),
        Plot.ruleX([0]),
      ],
    });
    return mount(element, chart);
    // The bars are the statuses' names and counts, which `key` stands for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <div
      className="chart"
      role="img"
      aria-label={t('conductReport.complaints.chartLabel', {
        summary: statuses.map((status) => `${status.name} ${status.count}`).join(', '),
      })}
      ref={host}
    />
  );
}
