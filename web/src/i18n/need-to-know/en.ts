import type { needToKnowFr, needToKnowProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of need-to-know on special-category data and of its problem codes: complete. */
export const needToKnowEn: Widen<typeof needToKnowFr> = {
  reasonWithheld: 'Care rule: details restricted (need-to-know)',
  careRule: {
    untilEnd: 'Care rule in place: this channel is suspended until the rule ends.',
    untilLifted: 'Care rule in place: this channel is suspended until a person lifts the rule.',
    notice: 'Care rule in place: follow it; why it applies is reserved to those who need to know.',
  },
  reads: {
    heading: 'Reads of sensitive data',
    intro:
      'Who read a debtor’s budget or vulnerability record, when, on what basis and, outside the case they hold, why. Reads are sealed into the audit trail in batches every five minutes.',
    by: 'Search by',
    byDebtor: 'debtor',
    byUser: 'user',
    id: 'Identifier',
    idHint: 'The identifier of the debtor (case page) or of the user.',
    search: 'Show reads',
    none: 'No read recorded.',
    caption: 'Reads of sensitive data, newest first',
    older: 'Older reads',
    columns: {
      at: 'Date',
      user: 'User',
      role: 'Role',
      debtor: 'Debtor',
      case: 'Case',
      subject: 'Data read',
      basis: 'Basis',
      reason: 'Reason',
      sealed: 'Sealed',
    },
    subjects: {
      budget: 'Budget',
      vulnerability: 'Vulnerability',
      audit_trail: 'Debtor’s trail',
      document: 'Special-category document',
    },
    bases: {
      care_team: 'Care team',
      case_holder: 'Holds the case',
      compliance: 'Compliance',
      stated_reason: 'Reason stated',
      restricted: 'Masked read',
    },
  },
};

export const needToKnowProblemsEn: Widen<typeof needToKnowProblemsFr> = {
  need_to_know: {
    reason_not_accepted:
      'Your role reads health and vulnerability details only on a case you hold: take it from your queue or ask your team leader to assign it to you.',
    reason_too_short: 'Say why you need these details (at least 10 characters): the reason is kept with your read.',
  },
  sensitive_reads: {
    one_filter: 'Choose a debtor or a user, not both.',
  },
};
