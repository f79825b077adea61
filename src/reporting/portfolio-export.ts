import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { PortfolioReportQuery } from './contract.js';
import { portfolioPerformance } from './portfolio-performance.js';

/** One line of the file: a vintage of a creditor at one month since placement, as the curve's table shows it. */
interface CurveLine {
  creditorName: string;
  vintage: string;
  cases: number;
  placedCents: number;
  monthsSince: number;
  collectedCents: number;
  rateBp: number | null;
}

/** A rate in basis points as a percentage with two decimals, in the reader's way of writing decimals. */
export function percent(rateBp: number | null, locale: Actor['locale']): string | null {
  if (rateBp === null) return null;
  const text = `${Math.floor(rateBp / 100)}.${String(rateBp % 100).padStart(2, '0')}`;
  return locale === 'en' ? text : text.replace('.', ',');
}

/** The liquidation curves as a file: every creditor, vintage and month of the report, in the same scope. */
export function portfolioExport(deps: Deps, actor: Actor, query: PortfolioReportQuery): ExportTable<CurveLine> {
  return {
    fileStem: 'portfolio-performance',
    title: { fr: 'Performance du portefeuille', en: 'Portfolio performance', it: 'Performance del portafoglio' },
    columns: [
      { header: { fr: 'Créancier', en: 'Creditor', it: 'Creditore' }, kind: 'text', value: (l) => l.creditorName },
      { header: { fr: 'Millésime', en: 'Vintage', it: 'Annata' }, kind: 'text', value: (l) => l.vintage, width: 10 },
      { header: { fr: 'Dossiers', en: 'Cases', it: 'Pratiche' }, kind: 'count', value: (l) => l.cases },
      { header: { fr: 'Confié', en: 'Placed', it: 'Affidato' }, kind: 'cents', value: (l) => l.placedCents },
      {
        header: { fr: 'Mois depuis le placement', en: 'Months since placement', it: "Mesi dall'affidamento" },
        kind: 'count',
        value: (l) => l.monthsSince,
      },
      {
        header: { fr: 'Encaissé cumulé', en: 'Collected to date', it: 'Incassato cumulato' },
        kind: 'cents',
        value: (l) => l.collectedCents,
      },
      {
        header: { fr: 'Taux de recouvrement (%)', en: 'Recovery rate (%)', it: 'Tasso di recupero (%)' },
        kind: 'text',
        value: (l) => percent(l.rateBp, actor.locale),
        width: 12,
      },
    ],
    readPage: pagesOf(async () => {
      const report = await portfolioPerformance(deps, actor, query);
      return report.creditors.flatMap((creditor) =>
        creditor.vintages.flatMap((vintage) =>
          vintage.points.map((point) => ({
            creditorName: creditor.creditorName,
            vintage: vintage.vintage,
            cases: vintage.cases,
            placedCents: vintage.placedCents,
            monthsSince: point.monthsSince,
            collectedCents: point.collectedCents,
            rateBp: point.rateBp,
          })),
        ),
      );
    }),
  };
}
