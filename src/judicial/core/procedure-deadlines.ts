import {
  addDays,
  addMonths,
  type BusinessPlace,
  type IsoDate,
  nextBusinessDay,
} from '../../platform/calendar/index.js';

/**
 * The deadlines of a judicial procedure (REGULATION §11), each with its source and how it is counted. A deadline in
 * days does not count the day of the act (CPC 641); one in months ends on the same day of the last month, or that
 * month's last day (CPC 641, `addMonths`); a procedural deadline ending on a Saturday, a Sunday or a public holiday
 * moves to the next working day (CPC 642). The title's 10-year life is a period of limitation of enforcement
 * (L111-4), not a procedural deadline: it is not moved. Follow-up dates are the agency's [CHOICE], never legal.
 */
export const DEADLINE_KINDS = [
  'psrpc_answer',
  'psrpc_title',
  'mediation_follow_up',
  'agreement_follow_up',
  'ordonnance_follow_up',
  'service',
  'opposition',
  'judgment_follow_up',
  'denunciation',
  'attribution_contest',
  'wage_debtor_month',
  'wage_pv',
  'seizure_follow_up',
  'contest_follow_up',
  'title_life',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlineRule {
  days?: number;
  months?: number;
  /** CPC 642: moved to the next working day when the last day is closed. */
  moves: boolean;
  /** Legal ('law', 'check' when the article is to be confirmed) or the agency's own follow-up ('choice'). */
  tag: 'law' | 'check' | 'choice';
  source: string;
}

export const DEADLINE_RULES: Readonly<Record<DeadlineKind, DeadlineRule>> = {
  psrpc_answer: { months: 1, moves: true, tag: 'check', source: 'CPCE L125-1, R125-1..8 (1 month to accept)' },
  psrpc_title: { months: 1, moves: false, tag: 'choice', source: 'follow-up of the commissaire’s title (L125-1)' },
  mediation_follow_up: { months: 3, moves: false, tag: 'choice', source: 'follow-up of the mediation (CPC 750-1)' },
  agreement_follow_up: { months: 1, moves: false, tag: 'choice', source: 'follow-up of the agreement' },
  ordonnance_follow_up: { months: 2, moves: false, tag: 'choice', source: 'follow-up of the requête (CPC 1405)' },
  service: { months: 6, moves: true, tag: 'law', source: 'CPC 1411 (void if not served within 6 months)' },
  opposition: { months: 1, moves: true, tag: 'law', source: 'CPC 1416 (opposition within 1 month of service)' },
  judgment_follow_up: { months: 3, moves: false, tag: 'choice', source: 'follow-up of the hearing (CPC 1417)' },
  denunciation: { days: 8, moves: true, tag: 'law', source: 'CPCE R211-3 (served on the debtor within 8 days)' },
  attribution_contest: { months: 1, moves: true, tag: 'law', source: 'CPCE R211-11 (contest within 1 month)' },
  wage_debtor_month: { months: 1, moves: true, tag: 'law', source: 'loi 2023-1059 art. 47, décret 2025-125' },
  wage_pv: { months: 3, moves: true, tag: 'check', source: 'décret 2025-125 (PV within 3 months) [CHECK article]' },
  seizure_follow_up: { months: 1, moves: false, tag: 'choice', source: 'follow-up of the wage seizure' },
  contest_follow_up: { months: 2, moves: false, tag: 'choice', source: 'follow-up of the contest (JEX)' },
  title_life: { months: 120, moves: false, tag: 'law', source: 'CPCE L111-4 (title enforceable 10 years)' },
};

/** The procedure's courts sit in France: deadlines are counted on the national calendar unless a place is given. */
export const FRANCE: BusinessPlace = { country: 'FR' };

/** The last day of a deadline that starts on `from`: counted by its rule, moved by CPC 642 when the rule says so. */
export function deadlineOn(kind: DeadlineKind, from: IsoDate, place: BusinessPlace = FRANCE): IsoDate {
  const rule = DEADLINE_RULES[kind];
  const end = rule.days !== undefined ? addDays(from, rule.days) : addMonths(from, rule.months ?? 0);
  return rule.moves ? nextBusinessDay(end, place) : end;
}

/**
 * The title's last enforceable day (L111-4): the tenth anniversary of the day it was obtained (the first day is not
 * counted, the period is over when its last day is, C. civ. 2228-2229); not moved to a working day.
 */
export function titleExpiresOn(obtainedOn: IsoDate): IsoDate {
  return deadlineOn('title_life', obtainedOn);
}
