import type { TFunction } from 'i18next';
import { RECORD_TEXTS, type RecordParamKind, type RecordTextView } from '../../../../src/cases/contract.js';
import type { Formatters } from '../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../i18n/labels.js';

/** The translation group of each parameter the server sends as a code. */
const CODE_GROUPS: Partial<Record<RecordParamKind, string>> = {
  channel: 'values.channels',
  holdKind: 'values.holdKinds',
  planKind: 'plans.kinds',
  reversalKind: 'payments.reversalKinds',
  adjustmentCause: 'planActions.reasons.adjustment_causes',
  closeReason: 'values.closeReasons',
  disputeGrounds: 'disputes.grounds',
  disputeAnswer: 'disputes.answers',
  disputeDecision: 'disputes.decisions',
  complaintSubject: 'complaints.subjects',
  complaintOutcome: 'complaints.outcomes',
  estateRole: 'estates.roles',
  heirOption: 'estates.heirOptions',
  judicialRoute: 'judicial.routes',
  reviewDecision: 'judicial.decisions',
  judicialState: 'judicialProcedure.states',
  judicialStep: 'judicialProcedure.steps',
  judicialDeadline: 'judicialProcedure.deadlines',
  judicialCostKind: 'judicialProcedure.costKinds',
  judicialOutcome: 'judicialProcedure.outcomes',
  judicialReporter: 'judicialProcedure.reporters',
};

const KINDS: Record<string, Record<string, RecordParamKind> | undefined> = RECORD_TEXTS;

function sayParam(
  t: TFunction,
  format: Formatters,
  kind: RecordParamKind,
  value: RecordTextView['params'][string],
): string {
  if (typeof value === 'object') return value[format.locale];
  if (typeof value === 'number') return kind === 'money' ? format.money(value) : format.count(value);
  if (kind === 'date') return format.date(value);
  if (kind === 'dateTime') return format.dateTime(value);
  if (kind === 'approvalReasons')
    return value
      .split(', ')
      .map((code) => labelOf(t, 'approvals.reasons', code))
      .join(', ');
  const group = CODE_GROUPS[kind];
  return group ? labelOf(t, group, value) : value;
}

/**
 * What a line of the case file says in the reader's language: a text by key (record-texts.ts) with its parameters
 * formatted for the locale, or, for a line written before texts had keys, its French text marked as French.
 */
export function sayRecord(
  t: TFunction,
  format: Formatters,
  text: RecordTextView | null,
  legacy: string | null,
): { words: string; lang: string | undefined } | null {
  if (text === null) return legacy === null ? null : { words: legacy, lang: RECORD_TEXT_LANG };
  const kinds = KINDS[text.key] ?? {};
  const params = Object.fromEntries(
    Object.entries(text.params).map(([name, value]) => [name, sayParam(t, format, kinds[name] ?? 'text', value)]),
  );
  return { words: t(`records.${text.key}`, { ...params, defaultValue: text.key }), lang: undefined };
}
