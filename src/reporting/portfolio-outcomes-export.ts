import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { PortfolioOutcomes, PortfolioReportQuery } from './contract.js';
import { percent } from './portfolio-export.js';
import { portfolioOutcomes } from './portfolio-outcomes.js';

/**
 * One figure of the file: its group (`contacts_by_vintage`, `contacts_by_month`, `promises`, `plans`,
 * `first_payment`, `stages`, `stage_flows`), the month (a vintage or a calendar month; empty for the stages now), the
 * item (a stable code, docs/reporting.md), its count and its rate when it has one.
 */
interface OutcomeLine {
  group: string;
  month: string;
  item: string;
  count: number | null;
  rateBp: number | null;
}

/** Every figure of the outcomes section, one per line, in the order the page shows them. */
export function outcomeLines(report: PortfolioOutcomes): OutcomeLine[] {
  const line = (group: string, month: string, item: string, count: number | null, rateBp: number | null = null) => ({
    group,
    month,
    item,
    count,
    rateBp,
  });
  return [
    ...report.vintages.flatMap((v) => [
      line('contacts_by_vintage', v.vintage, 'cases', v.cases),
      line('contacts_by_vintage', v.vintage, 'attempts', v.attempts),
      line('contacts_by_vintage', v.vintage, 'right_party', v.rightParty, v.rightPartyBp),
      line('contacts_by_vintage', v.vintage, 'reached_cases', v.reachedCases, v.reachedBp),
    ]),
    ...report.months.flatMap((m) => [
      line('contacts_by_month', m.month, 'attempts', m.attempts),
      line('contacts_by_month', m.month, 'right_party', m.rightParty, m.rightPartyBp),
      line('contacts_by_month', m.month, 'worked_cases', m.workedCases),
      line('contacts_by_month', m.month, 'reached_cases', m.reachedCases, m.reachedBp),
    ]),
    ...report.months.flatMap((m) =>
      (['made', 'open', 'kept', 'broken', 'cancelled'] as const).map((item) =>
        line('promises', m.month, item, m.promises[item], item === 'kept' ? m.promises.keptBp : null),
      ),
    ),
    ...report.months.flatMap((m) => [
      line('plans', m.month, 'agreed', m.plans.agreed),
      line('plans', m.month, 'on_track', m.plans.onTrack, m.plans.onTrackBp),
      line('plans', m.month, 'behind', m.plans.behind),
      line('plans', m.month, 'completed', m.plans.completed),
      line('plans', m.month, 'broken', m.plans.broken, m.plans.brokenBp),
      line('plans', m.month, 'ended', m.plans.ended),
    ]),
    ...report.vintages.flatMap((v) => [
      line('first_payment', v.vintage, 'paying_cases', v.payingCases),
      line('first_payment', v.vintage, 'mean_days', v.meanDaysToFirstPayment),
      line('first_payment', v.vintage, 'median_days', v.medianDaysToFirstPayment),
    ]),
    ...report.stages.map((s) => line('stages', '', s.stage, s.cases, s.shareBp)),
    ...report.flows.map((f) => line('stage_flows', f.month, `${f.fromStage}>${f.toStage}`, f.moves)),
  ];
}

/** The outcome figures as a file, in the same scope and span as the page. */
export function portfolioOutcomesExport(
  deps: Deps,
  actor: Actor,
  query: PortfolioReportQuery,
): ExportTable<OutcomeLine> {
  return {
    fileStem: 'portfolio-outcomes',
    title: { fr: 'Résultats du portefeuille', en: 'Portfolio outcomes', it: 'Risultati del portafoglio' },
    columns: [
      { header: { fr: 'Groupe', en: 'Group', it: 'Gruppo' }, kind: 'text', value: (l) => l.group, width: 20 },
      { header: { fr: 'Mois', en: 'Month', it: 'Mese' }, kind: 'text', value: (l) => l.month, width: 10 },
      { header: { fr: 'Indicateur', en: 'Figure', it: 'Indicatore' }, kind: 'text', value: (l) => l.item, width: 24 },
      { header: { fr: 'Nombre', en: 'Count', it: 'Numero' }, kind: 'count', value: (l) => l.count },
      {
        header: { fr: 'Taux (%)', en: 'Rate (%)', it: 'Tasso (%)' },
        kind: 'text',
        value: (l) => percent(l.rateBp, actor.locale),
        width: 10,
      },
    ],
    readPage: pagesOf(async () => outcomeLines(await portfolioOutcomes(deps, actor, query))),
  };
}
