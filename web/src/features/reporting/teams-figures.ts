import type { TeamFigures } from './api.js';

/** The figures the agents and teams chart may draw, quality and satisfaction first. */
export const FIGURES = ['meanScore', 'csat', 'calls', 'conversations', 'promises', 'plans', 'collected'] as const;
export type FigureKey = (typeof FIGURES)[number];

/** A figure's value for one period: a percentage, a count or euros; null when there is nothing to show. */
export function figureValue(figures: TeamFigures, key: FigureKey): number | null {
  switch (key) {
    case 'meanScore':
      return figures.meanScoreBp === null ? null : figures.meanScoreBp / 100;
    case 'csat':
      return figures.csat.status === 'rate' ? figures.csat.percent : null;
    case 'collected':
      return figures.collectedCents / 100;
    default:
      return figures[key];
  }
}
