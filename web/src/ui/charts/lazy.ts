import { lazy } from 'react';

/** Observable Plot arrives with the first chart, not with the page that holds it. */
export const LazyMonthlyLinesChart = lazy(() =>
  import('./MonthlyLinesChart.js').then((module) => ({ default: module.MonthlyLinesChart })),
);
