import type { ContactView, DecisionView } from './contract.js';

export function contactView(row: {
  id: string;
  debtor_id: string;
  case_id: string;
  channel: ContactView['channel'];
  direction: ContactView['direction'];
  outcome: string;
  conversation: boolean;
  first_letter: boolean;
  occurred_at: Date;
  recorded_at: Date;
  recorded_by_name: string | null;
  note: string | null;
  policy_version: number;
  override_id: string | null;
  decision: unknown;
}): ContactView {
  return {
    id: row.id,
    debtorId: row.debtor_id,
    caseId: row.case_id,
    channel: row.channel,
    direction: row.direction,
    outcome: row.outcome,
    conversation: row.conversation,
    firstLetter: row.first_letter,
    at: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by_name,
    note: row.note,
    policyVersion: row.policy_version,
    overrideId: row.override_id,
    decision: row.decision as DecisionView,
  };
}
