import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { TeamFigures, TeamsReportQuery } from './teams/contract.js';
import { teamsReport } from './teams-report.js';

/** One line of the file: a team or an agent over one period (or the whole period), as the page's tables show it. */
interface TeamsLine {
  kind: 'team' | 'agent';
  name: string;
  teamName: string | null;
  period: string;
  figures: TeamFigures;
}

/** A basis-point figure as a percentage with two decimals, in the reader's way of writing decimals. */
function percent(bp: number | null, locale: Actor['locale']): string | null {
  if (bp === null) return null;
  const text = `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
  return locale === 'en' ? text : text.replace('.', ',');
}

const decimal = (value: number, locale: Actor['locale']) =>
  locale === 'en' ? value.toFixed(1) : value.toFixed(1).replace('.', ',');

const KIND = {
  team: { fr: 'Équipe', en: 'Team', it: 'Squadra' },
  agent: { fr: 'Agent', en: 'Agent', it: 'Operatore' },
} as const;

/** The agents and teams figures as a file: each team and agent, the whole period then each day or week, same scope. */
export function teamsExport(deps: Deps, actor: Actor, query: TeamsReportQuery): ExportTable<TeamsLine> {
  const count = (header: { fr: string; en: string; it: string }, value: (figures: TeamFigures) => number | null) => ({
    header,
    kind: 'count' as const,
    value: (l: TeamsLine) => value(l.figures),
  });
  return {
    fileStem: 'agents-teams',
    title: { fr: 'Équipes et agents', en: 'Teams and agents', it: 'Squadre e operatori' },
    columns: [
      { header: { fr: 'Niveau', en: 'Level', it: 'Livello' }, kind: 'text', value: (l) => KIND[l.kind][actor.locale] },
      { header: { fr: 'Nom', en: 'Name', it: 'Nome' }, kind: 'text', value: (l) => l.name },
      { header: { fr: 'Équipe', en: 'Team', it: 'Squadra' }, kind: 'text', value: (l) => l.teamName },
      { header: { fr: 'Période', en: 'Period', it: 'Periodo' }, kind: 'text', value: (l) => l.period, width: 12 },
      count({ fr: 'Écoutes', en: 'Reviews', it: 'Ascolti' }, (f) => f.reviews),
      {
        header: { fr: 'Note qualité moyenne (%)', en: 'Mean quality score (%)', it: 'Punteggio qualità medio (%)' },
        kind: 'text',
        value: (l) => percent(l.figures.meanScoreBp, actor.locale),
        width: 12,
      },
      count(
        { fr: 'Réponses satisfaction', en: 'Satisfaction answers', it: 'Risposte soddisfazione' },
        (f) => f.answers,
      ),
      {
        header: { fr: 'CSAT (%)', en: 'CSAT (%)', it: 'CSAT (%)' },
        kind: 'text',
        value: (l) => (l.figures.csat.status === 'rate' ? decimal(l.figures.csat.percent, actor.locale) : null),
        width: 10,
      },
      count({ fr: 'Appels', en: 'Calls', it: 'Chiamate' }, (f) => f.calls),
      count({ fr: 'Conversations', en: 'Conversations', it: 'Conversazioni' }, (f) => f.conversations),
      count({ fr: 'Promesses', en: 'Promises', it: 'Promesse' }, (f) => f.promises),
      count({ fr: 'Plans accordés', en: 'Plans agreed', it: 'Piani concordati' }, (f) => f.plans),
      count({ fr: 'Paiements', en: 'Payments', it: 'Pagamenti' }, (f) => f.payments),
      {
        header: { fr: 'Encaissé', en: 'Collected', it: 'Incassato' },
        kind: 'cents',
        value: (l) => l.figures.collectedCents,
      },
    ],
    readPage: pagesOf(async () => {
      const report = await teamsReport(deps, actor, query);
      const total = `${report.from}/${report.to}`;
      return [
        ...report.teams.map((line) => ({ line, kind: 'team' as const })),
        ...report.agents.map((line) => ({ line, kind: 'agent' as const })),
      ].flatMap(({ line, kind }) => [
        { kind, name: line.name, teamName: line.teamName, period: total, figures: line.total },
        ...line.periods.map((figures, index) => ({
          kind,
          name: line.name,
          teamName: line.teamName,
          period: report.periods[index]!.key,
          figures,
        })),
      ]);
    }),
  };
}
