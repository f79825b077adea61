import type { BusinessPlace } from '../../platform/calendar/place.js';
import type { IsoDate } from '../../platform/calendar/dates.js';
import {
  countDeadline,
  type DeadlineCalendar,
  type LegalDeadlineRule,
} from '../../platform/calendar/legal-deadlines.js';
import type { DeadlineKind } from './procedure-lists.js';

/**
 * The deadlines of a judicial procedure (REGULATION §11), each with its source and how it is counted. A deadline in
 * days does not count the day of the act (CPC 641); one in months ends on the same day of the last month, or that
 * month's last day (CPC 641, `addMonths`); a procedural deadline ending on a Saturday, a Sunday or a public holiday
 * moves to the next working day (CPC 642). The title's 10-year life is a period of limitation of enforcement
 * (L111-4), not a procedural deadline: it is not moved. Follow-up dates are the agency's [CHOICE], never legal.
 */

export type DeadlineRule = LegalDeadlineRule<DeadlineKind>;

/** The rules a judicial procedure counts with (`procedure_deadline_rules`) and the calendar of its court's place. */
export type JudicialCalendar = DeadlineCalendar<DeadlineKind>;

/**
 * The rows migration 0047 seeds, from 1 January 2020 (a test checks the two agree). The running system reads the
 * table, where a [CHECK] figure is corrected by a new dated row; tests of the pure core count with these.
 */
export const INITIAL_DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    deadline: 'psrpc_answer',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: true,
    tag: 'check',
    source: 'CPCE L125-1, R125-1 à R125-8',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'psrpc_title',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'choice',
    source: 'CPCE L125-1',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'mediation_follow_up',
    amount: 3,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'choice',
    source: 'CPC 750-1',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'agreement_follow_up',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'choice',
    source: 'CPC 1565',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'ordonnance_follow_up',
    amount: 2,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'choice',
    source: 'CPC 1405',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'service',
    amount: 6,
    unit: 'months',
    movesToWorkingDay: true,
    tag: 'law',
    source: 'CPC 1411',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'opposition',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: true,
    tag: 'law',
    source: 'CPC 1416',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'judgment_follow_up',
    amount: 3,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'choice',
    source: 'CPC 1417',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'denunciation',
    amount: 8,
    unit: 'days',
    movesToWorkingDay: true,
    tag: 'law',
    source: 'CPCE R211-3',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'attribution_contest',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: true,
    tag: 'law',
    source: 'CPCE R211-11',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'wage_debtor_month',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: true,
    tag: 'law',
    source: 'loi 2023-1059 art. 47, décret 2025-125',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'wage_pv',
    amount: 3,
    unit: 'months',
    movesToWorkingDay: true,
    tag: 'check',
    source: 'décret 2025-125 [CHECK article]',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'seizure_follow_up',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'choice',
    source: 'C. trav. L3252-1',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'contest_follow_up',
    amount: 2,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'choice',
    source: 'CPCE R121-11',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'title_life',
    amount: 120,
    unit: 'months',
    movesToWorkingDay: false,
    tag: 'law',
    source: 'CPCE L111-4',
    validFrom: '2020-01-01',
  },
  {
    deadline: 'late_opposition',
    amount: 1,
    unit: 'months',
    movesToWorkingDay: true,
    tag: 'law',
    source: 'CPC 1416 al. 2',
    validFrom: '2020-01-01',
  },
];

/** The procedure's courts sit in France: deadlines are counted on the national calendar unless a place is given. */
export const FRANCE: BusinessPlace = { country: 'FR' };

/** The last day of a deadline that starts on `from`: counted by its rule in force, moved by CPC 642 when it says so. */
export function deadlineOn(kind: DeadlineKind, from: IsoDate, calendar: JudicialCalendar): IsoDate {
  return countDeadline(calendar, kind, from).dueOn;
}

/**
 * The title's last enforceable day (L111-4): the tenth anniversary of the day it was obtained (the first day is not
 * counted, the period is over when its last day is, C. civ. 2228-2229); not moved to a working day.
 */
export function titleExpiresOn(obtainedOn: IsoDate, calendar: JudicialCalendar): IsoDate {
  return deadlineOn('title_life', obtainedOn, calendar);
}
