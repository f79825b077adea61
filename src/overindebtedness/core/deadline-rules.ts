import type { LegalDeadlineRule } from '../../platform/calendar/legal-deadlines.js';

/**
 * The procedure's deadlines (REGULATION.md §2, §10). The figures are dated reference data in the database
 * (`procedure_deadline_rules`, migration 0047), each with its source, its tag (law, or [CHECK]: found in secondary
 * sources, corrected by a new dated row from the reference data page, never by editing one) and the day it is in
 * force from. A deadline the law counts in days or months ends on the last day of the count; when that day
 * is a Saturday, a Sunday or a public holiday it moves to the next working day (CPC art. 642; c.p.c. art. 155 in
 * Italy) — except the stay's end, a limit of the stay's length (at most 2 years), which does not grow.
 */
export const PROCEDURE_DEADLINES = [
  'decision_expected',
  'admissibility_appeal',
  'stay_end',
  'liabilities_proof',
  'plan_refusal',
  'measures_contest',
  'prp_contest',
  'third_party_opposition',
  'occ_claim_lodging',
  'occ_follow_up',
] as const;
export type ProcedureDeadline = (typeof PROCEDURE_DEADLINES)[number];

export type DeadlineRule = LegalDeadlineRule<ProcedureDeadline>;

/**
 * The rows migration 0047 seeds (a test checks the two agree). The running system reads the table; tests of the pure
 * core count with these.
 */
export const INITIAL_DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    deadline: 'decision_expected',
    amount: 3,
    unit: 'months',
    source: 'C. conso R722-1, R721-4',
    tag: 'check',
    movesToWorkingDay: true,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'admissibility_appeal',
    amount: 15,
    unit: 'days',
    source: 'C. conso R722-1',
    tag: 'law',
    movesToWorkingDay: true,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'stay_end',
    amount: 24,
    unit: 'months',
    source: 'C. conso L722-3',
    tag: 'check',
    movesToWorkingDay: false,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'liabilities_proof',
    amount: 30,
    unit: 'days',
    source: 'C. conso R723-3',
    tag: 'law',
    movesToWorkingDay: true,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'plan_refusal',
    amount: 30,
    unit: 'days',
    source: 'C. conso L732-3, D732-3',
    tag: 'law',
    movesToWorkingDay: true,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'measures_contest',
    amount: 30,
    unit: 'days',
    source: 'C. conso L733-10',
    tag: 'law',
    movesToWorkingDay: true,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'prp_contest',
    amount: 30,
    unit: 'days',
    source: 'C. conso L741-4, R741-1',
    tag: 'check',
    movesToWorkingDay: true,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'third_party_opposition',
    amount: 2,
    unit: 'months',
    source: 'C. conso R741-18',
    tag: 'law',
    movesToWorkingDay: true,
    validFrom: '2016-07-01',
  },
  {
    deadline: 'occ_claim_lodging',
    amount: 30,
    unit: 'days',
    source: 'CCII art. 65, 270',
    tag: 'choice',
    movesToWorkingDay: true,
    validFrom: '2022-07-15',
  },
  {
    deadline: 'occ_follow_up',
    amount: 30,
    unit: 'days',
    source: 'CCII art. 68',
    tag: 'choice',
    movesToWorkingDay: true,
    validFrom: '2022-07-15',
  },
];
