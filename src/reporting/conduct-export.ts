import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { ConductReport, ConductReportQuery } from './contract.js';
import { conductReport } from './conduct-report.js';

/** One line of the file: a figure of a section, its item (a month, a channel, a rule…), its detail and its value. */
interface ConductLine {
  section: string;
  item: string;
  detail: string;
  value: number | null;
  cents: number | null;
}

const SECTIONS = {
  months: { fr: 'Par mois', en: 'By month', it: 'Per mese' },
  contacts: {
    fr: 'Contacts par dossier et par semaine',
    en: 'Contacts per case and week',
    it: 'Contatti per pratica e settimana',
  },
  refusals: { fr: 'Refus de la politique', en: 'Policy refusals', it: 'Rifiuti della politica' },
  complaints: { fr: 'Réclamations', en: 'Complaints', it: 'Reclami' },
  disputes: { fr: 'Contestations', en: 'Disputes', it: 'Contestazioni' },
  care: { fr: 'Fragilité', en: 'Vulnerability', it: 'Fragilità' },
  satisfaction: { fr: 'Satisfaction', en: 'Satisfaction', it: 'Soddisfazione' },
  byTeam: { fr: 'Par équipe', en: 'By team', it: 'Per squadra' },
} as const;

/** The report as lines, in the same scope: codes (channels, rules, subjects) as the API gives them. */
export function conductLines(report: ConductReport, locale: Actor['locale']): ConductLine[] {
  const section = (key: keyof typeof SECTIONS) => SECTIONS[key][locale];
  const line = (
    key: keyof typeof SECTIONS,
    item: string,
    detail: string,
    value: number | null,
    cents: number | null = null,
  ) => ({
    section: section(key),
    item,
    detail,
    value,
    cents,
  });
  return [
    ...report.months.flatMap((month) => [
      line('months', month.month, 'collected', null, month.collectedCents),
      line('months', month.month, 'case_weeks', month.caseWeeks),
      line('months', month.month, 'attempts', month.attempts),
      line('months', month.month, 'over_cap_case_weeks', month.overCapCaseWeeks),
      line('months', month.month, 'refused', month.refused),
      line('months', month.month, 'complaints', month.complaints),
      line('months', month.month, 'disputes', month.disputes),
      line('months', month.month, 'satisfaction_answers', month.answers),
      line('months', month.month, 'csat_basis_points', month.csatBasisPoints),
    ]),
    ...report.contacts.flatMap((channel) => [
      line('contacts', channel.channel, 'cap_per_week', channel.capPerWeek),
      ...[...channel.buckets, ...channel.overCap].map((bucket) =>
        line('contacts', channel.channel, `case_weeks_with_${bucket.contacts}`, bucket.caseWeeks),
      ),
      line('contacts', channel.channel, 'over_cap_case_weeks', channel.overCapCaseWeeks),
    ]),
    line('refusals', 'all', 'attempts', report.refusals.attempts),
    ...report.refusals.byChannel.map((row) => line('refusals', row.channel, 'attempts', row.attempts)),
    ...report.refusals.byRule.map((row) => line('refusals', row.rule, 'refusals', row.refusals)),
    ...report.complaints.bySubject.flatMap((row) =>
      (['answered_in_time', 'answered_late', 'open_in_time', 'open_overdue'] as const).map((status) =>
        line('complaints', row.subject, status, row[status]),
      ),
    ),
    ...report.disputes.byOutcome.map((row) => line('disputes', row.outcome, 'disputes', row.disputes)),
    line('disputes', 'answered', 'median_days_to_answer', report.disputes.medianDaysToAnswer),
    line('care', 'debtors', 'open_case_today', report.care.debtors),
    line('care', 'fragile', 'open_case_today', report.care.fragile),
    ...report.care.referrals.map((row) => line('care', 'referrals', row.step, row.referrals)),
    line('satisfaction', 'answers', '', report.satisfaction.answers),
    line('satisfaction', 'csat_basis_points', '', report.satisfaction.csatBasisPoints),
    ...report.byTeam.flatMap((row) => {
      const team = row.teamName ?? '';
      return [
        line('byTeam', team, 'case_weeks', row.caseWeeks),
        line('byTeam', team, 'attempts', row.attempts),
        line('byTeam', team, 'cap_per_week', row.capPerWeek),
        line('byTeam', team, 'over_cap_case_weeks', row.overCapCaseWeeks),
        line('byTeam', team, 'refused', row.refused),
        ...row.byRule.map((rule) => line('byTeam', team, `refusals ${rule.rule}`, rule.refusals)),
      ];
    }),
  ];
}

/** The conduct report as a file: one line per figure; withheld counts are empty cells. */
export function conductExport(deps: Deps, actor: Actor, query: ConductReportQuery): ExportTable<ConductLine> {
  return {
    fileStem: 'responsible-collection',
    title: { fr: 'Pratiques responsables', en: 'Responsible collection', it: 'Pratiche responsabili' },
    columns: [
      { header: { fr: 'Section', en: 'Section', it: 'Sezione' }, kind: 'text', value: (l) => l.section },
      { header: { fr: 'Élément', en: 'Item', it: 'Voce' }, kind: 'text', value: (l) => l.item },
      { header: { fr: 'Détail', en: 'Detail', it: 'Dettaglio' }, kind: 'text', value: (l) => l.detail },
      { header: { fr: 'Nombre', en: 'Count', it: 'Numero' }, kind: 'count', value: (l) => l.value },
      { header: { fr: 'Montant', en: 'Amount', it: 'Importo' }, kind: 'cents', value: (l) => l.cents },
    ],
    readPage: pagesOf(async () => conductLines(await conductReport(deps, actor, query), actor.locale)),
  };
}
