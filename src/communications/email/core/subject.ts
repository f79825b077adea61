import { AppError } from '../../../platform/errors.js';
import { lockScreenFindings } from '../../sms/core/sms-text.js';

/**
 * An e-mail's subject shows on a lock screen and in a shared inbox's list: it must not tell anyone who glances at it
 * that the reader owes money, how much, or to whom (REGULATION.md §13: no amount or creditor on a lock screen; the
 * neutral envelope's words). The subject names the agency's reference at most ("Votre dossier AC-2026-000123").
 */

export type SubjectDisclosure = 'amount' | 'debt_word' | 'creditor';

/** Lower case, accents removed, every run of white space (non-breaking spaces included) one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const startsWord = (folded: string, stem: string): boolean => {
  let from = folded.indexOf(stem);
  while (from !== -1) {
    if (from === 0 || !/[\p{L}\p{N}]/u.test(folded[from - 1]!)) return true;
    from = folded.indexOf(stem, from + 1);
  }
  return false;
};

/** What in the subject would disclose the debt, or null when it says nothing of it. */
export function subjectDisclosure(
  subject: string,
  options: { creditorNames?: readonly string[] } = {},
): SubjectDisclosure | null {
  const folded = foldText(subject);
  // The same words and amounts an SMS is checked for: one list (sms/core/sms-text.ts).
  const findings = lockScreenFindings(subject);
  if (findings.some((finding) => finding.kind === 'amount')) return 'amount';
  if (findings.some((finding) => finding.kind === 'word')) return 'debt_word';
  for (const name of options.creditorNames ?? []) {
    const creditor = foldText(name).trim();
    if (creditor.length >= 3 && startsWord(folded, creditor)) return 'creditor';
  }
  return null;
}

/** An e-mail subject that would disclose the debt: never sent. */
export class SubjectDisclosesDebtError extends AppError {
  constructor(readonly disclosure: SubjectDisclosure) {
    super(
      'communications.subject_discloses_debt',
      422,
      `This e-mail subject would show ${DISCLOSURE_WORDS[disclosure]} on a lock screen: name the agency's reference only.`,
      { disclosure },
    );
  }
}

const DISCLOSURE_WORDS: Record<SubjectDisclosure, string> = {
  amount: 'an amount',
  debt_word: 'that the reader owes a debt',
  creditor: 'the creditor',
};

/** Throws `communications.subject_discloses_debt` (422) when the subject would disclose the debt. */
export function assertNeutralSubject(subject: string, options: { creditorNames?: readonly string[] } = {}): void {
  const disclosure = subjectDisclosure(subject, options);
  if (disclosure) throw new SubjectDisclosesDebtError(disclosure);
}
