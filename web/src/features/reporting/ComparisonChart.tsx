import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import type { ChampionChallengerReport } from './api.js';

type Segment = ChampionChallengerReport['segments'][number];

/**
 * One segment's mean collected per case, champion and challenger as two bars drawn by Observable Plot. Each bar is
 * named on its axis and carries its amount as text, and the challenger's bar is hatched: nobody depends on colour. The
 * table beside it holds the same figures; the drawing is one image with its description for screen readers.
 */
export function ComparisonChart({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const host = useRef<HTMLDivElement>(null);
  const champion = t('championChallenger.arm.champion');
  const challenger = t('championChallenger.arm.challenger');
  const axis = t('championChallenger.chartAxis');
  const means = segment.collected;
  const money = (cents: number | null) => (cents === null ? '—' : format.money(cents));

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const bars = [
      { arm: champion, euros: (means.champion.mean ?? 0) / 100, label: money(means.champion.mean), hatched: false },
      {
        arm: challenger,
        euros: (means.challenger.mean ?? 0) / 100,
        label: money(means.challenger.mean),
        hatched: true,
      },
    ];
    const pattern = `hatch-${segment.segmentId}`;
    const chart = Plot.plot({
      width: Math.max(280, Math.min(element.clientWidth || 480, 560)),
      height: 140,
      marginLeft: 96,
      marginRight: 96,
      style: { fontSize: '13px' },
      x: { label: axis, grid: true, labelAnchor: 'center', labelArrow: 'none' },
      y: { label: null, domain: [champion, challenger] },
      marks: [
        Plot.barX(bars, {
          x: 'euros',
          y: 'arm',
          fill: (d: { hatched: boolean }) => (d.hatched ? `url(#${pattern})` : '#3b5b7a'),
          stroke: '#1f2933',
        }),
        Plot.text(bars, { x: 'euros', y: 'arm', text: 'label', dx: 6, textAnchor: 'start', fill: '#1f2933' }),
        Plot.ruleX([0]),
      ],
    });
    const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
    svg?.insertAdjacentHTML(
      'afterbegin',
      `<defs><pattern id="${pattern}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
        `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#3b5b7a" stroke-width="3"/></pattern></defs>`,
    );
    for (const group of chart.querySelectorAll('[aria-label], [aria-description]')) {
      group.removeAttribute('aria-label');
      group.removeAttribute('aria-description');
    }
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
    // The amounts' text comes from the same figures; the formatter follows the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [segment, champion, challenger, axis, format.locale]);

  return (
    <div
      className="comparison-chart"
      role="img"
      aria-label={t('championChallenger.chartLabel', {
        segment: segment.segmentName,
        champion: money(means.champion.mean),
        challenger: money(means.challenger.mean),
      })}
      ref={host}
    />
  );
}
