/**
 * What each audited action is, in a compliance officer's words: the family it belongs to (payments, plans,
 * contacts…) and the few facts its sentence names (an amount, a count, a version). Pure: the web app reads the
 * same list through the contract, and a test checks that every action the code appends is listed here with a text
 * in French, English and Italian.
 */

export const AUDIT_FAMILIES = [
  'payments',
  'plans',
  'contacts',
  'holds',
  'casework',
  'access',
  'special_reads',
  'settings',
  'imports',
  'remittances',
  'documents',
  'exports',
  'other',
] as const;
export type AuditFamily = (typeof AUDIT_FAMILIES)[number];

/** The lists a reader may export as a file; each export is audited as `export.<list>`. */
export const EXPORTED_LISTS = [
  'cases',
  'payments',
  'placement_errors',
  'team_queues',
  'audit_trail',
  'complaints',
  'portfolio_performance',
  'portfolio_outcomes',
  'champion_challenger',
  'responsible_collection',
  'agents_teams',
] as const;
export type ExportedList = (typeof EXPORTED_LISTS)[number];

/** Every action the code appends, by family. A new action gets its line here and its sentence in web/src/i18n/audit. */
const ACTIONS_BY_FAMILY: Record<Exclude<AuditFamily, 'other'>, readonly string[]> = {
  payments: [
    'payment.recorded',
    'portal.card_payment_started',
    'portal.card_payment_confirmed',
    'portal.card_payment_failed',
    'portal.card_payment_to_check',
    'payment.reversed',
    'payment.credit_allocated',
    'payment.credit_refunded',
    'claim.adjusted',
    'bank_statement.imported',
    'bank_line.assigned',
    'bank_line.dismissed',
    'direct_debits.issued',
    'sepa_mandate.created',
    'sepa_mandate.amended',
    'sepa_mandate.revoked',
    'sepa_mandate.debits_notified',
    'portal.mandate_signed',
    'portal.mandate_revoked',
  ],
  plans: [
    'plan.proposed',
    'plan.renegotiated',
    'plan.approved',
    'plan.refused',
    'plan.cancelled',
    'plan.followed_up',
    'plan.instalment_paid',
    'plan.instalments_reopened',
    'plan.adjusted',
    'promise.kept',
    'promise.broken',
    'promise.cancelled',
    'debtor_assessment.recorded',
    'portal.budget_declared',
    'portal.plan_signed',
  ],
  contacts: [
    'contact.recorded',
    'contact.recorded_with_override',
    'call.recorded',
    'contact.override_granted',
    'contact.preferences_set',
    'contact.opted_out',
    'contact.opt_out_withdrawn',
    'contact.callback_requested',
    'contact.callback_cancelled',
    'portal.callback_requested',
    'portal.preferences_set',
    'portal.address_given',
    'portal.phone_given',
    'callback.missed',
    'first_letter.issued',
    'reminder_letter.issued',
    'reminder_letter.withdrawn',
    'reminder_letter.previewed',
    'message.queued',
    'satisfaction.invited',
    'satisfaction.answered',
    'satisfaction.settings_changed',
    'message.delivered',
    'message.failed',
    'message.bounced',
    'message.complained',
    'message.reply_received',
    'campaign.created',
    'campaign.activated',
    'campaign.paused',
    'campaign.previewed',
    'campaign.ran',
    'print_run.started',
    'print_run.prepared',
    'print_run.posted',
    'print_run.downloaded',
    'print_run.resumed',
    'print_run.abandoned',
    'debtor_address.mail_returned',
  ],
  holds: ['hold.placed', 'hold.lifted', 'hold.lapsed'],
  casework: [
    'case.assigned',
    'case.orientation_flagged',
    'case.review_closed',
    'quality.review_recorded',
    'quality.review_acknowledged',
    'quality.coaching_recorded',
    'quality.coaching_acknowledged',
    'task.done',
    'complaint.registered',
    'complaint.acknowledged',
    'complaint.answered',
    'complaint.closed',
    'complaint.referred_to_mediator',
    'claim.interruption_recorded',
    'case.closed',
    'case.reopened',
    'dispute.recorded',
    'dispute.linked',
    'dispute.answered',
    'dispute.decided',
    'estate.death_reported',
    'estate.death_proven',
    'estate.party_added',
    'estate.claim_declared',
    'estate.option_recorded',
    'care_referral.proposed',
    'care_referral.sent',
    'care_referral.follow_up_moved',
    'care_referral.closed',
    'care.vulnerability_recorded',
    'care.vulnerability_reviewed',
    'care.review_due',
    'care.breathing_space_started',
    'care.breathing_space_renewed',
    'care.signal_detected',
    'care.signal_dismissed',
    'judicial_review.decided',
    'judicial_review.queue_refreshed',
    'overindebtedness.filed',
    'overindebtedness.step_recorded',
    'overindebtedness.document_recorded',
    'overindebtedness.claim_erased',
    'judicial_procedure.opened',
    'judicial_procedure.step_recorded',
    'judicial_procedure.cost_recorded',
    'judicial_procedure.partner_payment_recorded',
    'judicial_partner_report.received',
    'judicial_partner_report.applied',
    'judicial_partner_report.rejected',
    'handoff.built',
    'handoff.sent',
    'handoff.acknowledged',
    'portal.difficulty_declared',
  ],
  access: [
    'auth.login',
    'auth.login_failed',
    'auth.login_refused',
    'auth.locked_out',
    'auth.logout',
    'user.created',
    'user.updated',
    'user.updated_with_password',
    'user.preferences_changed',
    'user_access.requested',
    'user_access.withdrawn',
    'user_access.approved',
    'user_access.refused',
    'user.password_set_at_sign_in',
    'user.sessions_revoked',
    'team.created',
    'team.updated',
    'pole.created',
    'pole.renamed',
    'portal.sign_in_failed',
    'portal.code_sent',
    'portal.signed_in',
    'portal.signed_out',
    'portal.passkey_created',
    'portal.passkey_declined',
    'portal.passkey_removed',
    'portal.passkey_refused',
    'portal.passkeys_revoked',
    'training.attempt_started',
    'training.attempt_submitted',
    'certification.earned',
  ],
  special_reads: ['sensitive_reads.sealed'],
  settings: [
    'contact_policy.draft_saved',
    'contact_policy.draft_discarded',
    'contact_policy.published',
    'message_template.draft_saved',
    'message_template.draft_discarded',
    'message_template.submitted',
    'message_template.returned',
    'message_template.published',
    'strategy.published',
    'segment.controlled',
    'quality.grid_published',
    'experiment.decided',
    'reference_data.seizure_scale.added',
    'reference_data.seizure_scale.corrected',
    'reference_data.rsa_amounts.added',
    'reference_data.rsa_amounts.corrected',
    'reference_data.standard_allowance.added',
    'reference_data.standard_allowance.corrected',
    'reference_data.living_floor.added',
    'reference_data.living_floor.corrected',
    'reference_data.procedure_deadline.added',
    'reference_data.fee_table.added',
    'mediator.added',
    'mediator.corrected',
    'care_organisation.created',
    'care_organisation.updated',
    'judicial_partner.created',
    'judicial_partner.updated',
    'judicial_partner.deactivated',
    'judicial_partner_key.created',
    'judicial_partner_key.revoked',
    'creditor.created',
    'creditor.webhook_secrets_encrypted',
    'job.run',
    'demo.loaded',
  ],
  imports: [
    'placement.uploaded',
    'placement.upload_failed',
    'placement.imported',
    'placement.rejected',
    'placement.interrupted',
    'debtor_match.same_person',
    'debtor_match.different_people',
  ],
  remittances: [
    'remittance.prepared',
    'remittance.released',
    'remittance.cancelled',
    'remittance.transfer_produced',
    'creditor.remittance_settings_set',
  ],
  documents: [
    'document.uploaded',
    'document.refused',
    'document.downloaded',
    'document.erased',
    'document.retention_deleted',
    'document.orphan_files_deleted',
    'handoff.downloaded',
    'portal.letter_downloaded',
    'portal.schedule_downloaded',
    'portal.receipt_downloaded',
    'monthly_report.sent',
    'monthly_report.downloaded',
  ],
  exports: EXPORTED_LISTS.map((list) => `export.${list}`),
};

const FAMILY_OF = new Map<string, AuditFamily>(
  Object.entries(ACTIONS_BY_FAMILY).flatMap(([family, actions]) =>
    actions.map((action) => [action, family as AuditFamily] as const),
  ),
);

/** Every known action, in the order of their families. */
export const AUDIT_ACTIONS: readonly string[] = [...FAMILY_OF.keys()];

/** The family of an action; 'other' for one this list does not know (an entry written by an older or newer version). */
export function familyOf(action: string): AuditFamily {
  return FAMILY_OF.get(action) ?? 'other';
}

/** The actions of a family, for the filter ('other' has none: it is what no family names). */
export function actionsOf(family: AuditFamily): readonly string[] {
  return family === 'other' ? [] : ACTIONS_BY_FAMILY[family];
}

/** The facts an entry's sentence may name, taken from what the entry recorded. */
export interface SentenceFacts {
  amountCents: number | null;
  count: number | null;
  version: number | null;
  reference: string | null;
}

type Data = Record<string, unknown>;
const asData = (value: unknown): Data =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
const numberAt = (data: Data, key: string): number | null =>
  Number.isSafeInteger(data[key]) ? (data[key] as number) : null;
const textAt = (data: Data, key: string): string | null =>
  typeof data[key] === 'string' && data[key] !== '' ? data[key] : null;
const lengthAt = (data: Data, key: string): number | null => (Array.isArray(data[key]) ? data[key].length : null);
const first = <T>(...values: (T | null)[]): T | null => values.find((value) => value !== null) ?? null;

/**
 * The amount, count, version and reference an entry's sentence names. Each action records its own shape (see where
 * it is appended); the names looked for are the ones those shapes use, so a fact is null rather than guessed.
 */
export function sentenceFacts(action: string, before: unknown, after: unknown): SentenceFacts {
  const a = asData(after);
  const b = asData(before);
  const allocated = Array.isArray(a.allocations)
    ? a.allocations.reduce<number>((sum, line) => sum + (numberAt(asData(line), 'amountCents') ?? 0), 0)
    : null;
  return {
    amountCents: first(
      numberAt(a, 'amountCents'),
      numberAt(a, 'agreedCents'),
      numberAt(a, 'net'),
      numberAt(a, 'paidCents'),
      numberAt(a, 'toCents'),
      action === 'payment.credit_allocated' ? allocated : null,
    ),
    count: first(
      numberAt(a, 'lines'),
      numberAt(a, 'issued'),
      numberAt(a, 'instalments'),
      numberAt(a, 'rowsTotal'),
      numberAt(a, 'rows'),
      numberAt(a, 'count'),
      numberAt(a, 'letters'),
      numberAt(a, 'selected'),
      lengthAt(a, 'creditors'),
      lengthAt(a, 'instalments'),
    ),
    version: first(numberAt(a, 'version'), numberAt(b, 'version')),
    reference: first(
      action.startsWith('export.') ? exportFormat(a) : null,
      textAt(a, 'receiptNumber'),
      textAt(a, 'reference'),
      textAt(a, 'number'),
      numberToText(numberAt(a, 'number')),
    ),
  };
}

/** An export's format as its sentence names it: CSV, XLSX. */
const exportFormat = (data: Data): string | null => textAt(data, 'format')?.toUpperCase() ?? null;

const numberToText = (value: number | null): string | null => (value === null ? null : String(value));
