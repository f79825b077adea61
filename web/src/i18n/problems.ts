import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR_CODE } from '../api/client.js';
import type { Formatters } from './format.js';
import { SERVER_TEXT_LANG } from './labels.js';

/**
 * The stable `code`s of the API's problem documents that the web app explains in the user's language (found with
 * `grep -rn "new AppError(\|invalid(\|conflict(\|notFound(\|sendProblem(" src/`). Each one has a message under
 * `problems.<code>` in every language; a code missing here (a new one on the server) shows the server's English
 * `detail`, marked as English, so nothing is ever hidden.
 */
export const PROBLEM_CODES = [
  'auth.invalid_credentials',
  'auth.too_many_attempts',
  'auth.too_many_reset_requests',
  'auth.password_reset_pending',
  'remittances.own_preparation',
  'auth.password_change_required',
  'users.password_chosen_by_user',
  'users.own_password_reset',
  'password.same_as_before',
  'teams.name_taken',
  'teams.unknown_pole',
  'poles.name_taken',
  'remittances.not_prepared',
  'remittances.not_released',
  'metrics.unauthorized',
  'password.too_short',
  'password.too_common',
  'password.contains_email',
  'password.demo',
  'auth.forbidden',
  'auth.required',
  'auth.csrf_failed',
  'users.email_taken',
  'users.creditor_required',
  'users.creditor_not_allowed',
  'users.unknown_creditor',
  'users.unknown_team',
  'users.self_lockout',
  'users.access_pending',
  'user_access.already_decided',
  'user_access.own_request',
  'user_access.own_account',
  'user_access.reason_required',
  'placements.too_many_imports',
  'placements.quota_exceeded',
  'request.validation_failed',
  'request.malformed_json',
  'request.empty_body',
  'request.too_large',
  'request.unsupported_media_type',
  'request.bad_content_length',
  'request.nul_byte',
  'request.invalid_value',
  'request.invalid_date',
  'request.number_out_of_range',
  'request.invalid_text',
  'request.text_too_long',
  'request.unknown_reference',
  'request.check_failed',
  'request.rate_limited',
  'not_found',
  'export.too_many_rows',
  'internal_error',
  'not_ready.migrations_pending',
  'not_ready.database',
  'intake.mandate_not_in_force',
  'intake.already_run',
  'intake.file_invalid',
  'intake.unknown_mandate',
  'jobs.unavailable',
  'matches.already_decided',
  'matches.debtor_already_merged',
  'contact_policy.invalid',
  'contact_policy.no_draft',
  'contact_policy.effective_in_past',
  'contact_policy.none_in_force',
  'contact_policy.draft_changed',
  'contact.refused',
  'contact.case_closed',
  'contact.first_letter_already_sent',
  'communications.first_letter_already_sent',
  'communications.first_letter_incomplete',
  'communications.no_letter_address',
  'communications.nothing_due',
  'communications.agency_address_missing',
  'communications.template_channel',
  'communications.first_letter_missing',
  'communications.no_recipient',
  'communications.message_discloses',
  'campaigns.paused',
  'communications.template_invalid',
  'templates.no_draft',
  'templates.in_review',
  'templates.draft_changed',
  'templates.not_publishable',
  'templates.own_review',
  'portal.sign_in_failed',
  'portal.too_many_attempts',
  'portal.attempt_over',
  'portal.no_verified_contact',
  'portal.destination_unknown',
  'portal.code_not_sent',
  'portal.code_wrong',
  'portal.passkey_refused',
  'portal.passkey_not_created',
  'portal.passkeys_full',
  'portal.card_payment_being_checked',
  'portal.passkey_needs_code',
  'portal.passkeys_unavailable',
  'portal.letter_missing',
  'portal.case_closed',
  'portal.callback_too_soon',
  'portal.callback_too_far',
  'portal.callback_closed',
  'portal.callbacks_pending',
  'portal.claim_unknown',
  'portal.document_unknown',
  'portal.postcode_invalid',
  'portal.phone_invalid',
  'portal.phone_known',
  'portal.plan_on_hold',
  'portal.nothing_owed',
  'portal.plan_exists',
  'portal.budget_required',
  'portal.plan_not_offered',
  'portal.plan_not_agreed',
  'portal.card_unavailable',
  'portal.no_instalment',
  'portal.card_amount_out_of_bounds',
  'portal.card_key_reused',
  'portal.card_provider_failed',
  'portal.card_notice_signature',
  'templates.not_in_review',
  'templates.effective_in_past',
  'templates.body_missing',
  'campaigns.owner_inactive',
  'communications.subject_discloses_debt',
  'inbound_mail.unauthorized',
  'inbound_mail.not_a_message',
  'inbound_mail.not_sent_yet',
  'communications.nothing_to_print',
  'communications.print_run_not_ready',
  'communications.print_run_posted',
  'communications.print_run_closed',
  'communications.print_run_not_stuck',
  'communications.print_run_not_resumable',
  'communications.posting_day_invalid',
  'communications.returned_letter_unknown',
  'communications.returned_address_unknown',
  'communications.returned_day_invalid',
  'contact.override_not_needed',
  'contact.callback_in_past',
  'contact.callback_too_far',
  'contact.callback_not_pending',
  'contact.first_letter_not_letter',
  'contact.in_future',
  'contact.invalid_outcome',
  'contact.preference_window_empty',
  'contact.too_old',
  'holds.undated',
  'holds.ends_before_start',
  'holds.review_before_start',
  'holds.too_long',
  'holds.not_active',
  'affordability.no_seizure_scale',
  'affordability.no_rsa_amounts',
  'affordability.invalid_seizure_scale',
  'affordability.expense_amount_missing',
  'affordability.no_standard_allowance',
  'affordability.invalid_assessment',
  'affordability.debtor_merged',
  'plans.case_closed',
  'plans.overindebtedness',
  'plans.commission_schedule',
  'plans.assessment_required',
  'plans.discount_not_settlement',
  'plans.invalid_months',
  'plans.discount_too_large',
  'plans.beyond_mandate',
  'plans.above_capacity_not_chosen',
  'plans.nothing_owed',
  'plans.plan_exists',
  'plans.wrong_status',
  'plans.approval_decided',
  'plans.own_approval',
  'plans.payment_reference_used',
  'plans.instalment_paid',
  'plans.paid_in_future',
  'plans.orientation_not_needed',
  'plans.review_closed',
  'plans.not_agreed',
  'payments.invalid_amount',
  'payments.received_in_future',
  'payments.idempotency_conflict',
  'payments.unknown_claim',
  'payments.already_reversed',
  'payments.credit_too_small',
  'payments.no_credit',
  'payments.nothing_owed',
  'payments.surplus_already_used',
  'payments.received_too_early',
  'payments.received_before_case',
  'payments.payer_iban_invalid',
  'reporting.balance_out_of_range',
  'payments.invalid_adjustment',
  'payments.adjustment_below_zero',
  'remittances.nothing_to_remit',
  'remittances.negative',
  'remittances.no_agency_account',
  'remittances.no_creditor_account',
  'remittances.nothing_to_transfer',
  'creditors.invalid_iban',
  'creditors.invalid_bic',
  'creditors.insecure_webhook',
  'creditors.webhook_target_refused',
  'creditors.secrets_key_missing',
  'creditors.secret_twice',
  'bank_files.malformed_xml',
  'bank_files.doctype_refused',
  'bank_files.unknown_format',
  'bank_files.field_missing',
  'bank_files.currency_not_eur',
  'bank_files.amount_invalid',
  'bank_files.date_invalid',
  'bank_files.batch_total_mismatch',
  'bank_files.too_many_lines',
  'bank_files.queue_item_closed',
  'bank_files.nothing_to_collect',
  'bank_files.direct_debits_invalid',
  'bank_files.sepa_creditor_missing',
  'sepa_mandates.iban_invalid',
  'sepa_mandates.bic_invalid',
  'sepa_mandates.signed_in_future',
  'sepa_mandates.case_closed',
  'sepa_mandates.reference_taken',
  'sepa_mandates.revoked',
  'sepa_mandates.revoked_before_signature',
  'strategy.invalid',
  'strategy.preview_too_slow',
  'segment.unknown',
  'segment.note_missing',
  'assignment.team_unknown',
  'assignment.note_missing',
  'assignment.user_not_in_team',
  'workspace.no_queue',
  'workspace.no_care_team',
  'queue.leased_by_other',
  'need_to_know.reason_not_accepted',
  'need_to_know.reason_too_short',
  'documents.type_not_allowed',
  'documents.empty',
  'documents.special_category_not_shared',
  'documents.creditor_source_only',
  'documents.no_retention_period',
  'documents.need_to_know',
  'documents.file_missing',
  'sensitive_reads.one_filter',
  'queue.not_leased',
  'call.result_needs_right_party',
  'call.promise_missing',
  'call.callback_missing',
  'call.reason_missing',
  'call.contact_point_invalid',
  'call.case_closed',
  'call.unknown_step',
  'call.disclosed_without_identity',
  'call.identity_not_confirmed',
  'promise.amount_too_high',
  'promise.due_out_of_range',
  'promise.already_open',
  'promise.not_open',
  'promise.reason_missing',
  'task.not_open',
  'cases.closed',
  'cases.not_closed',
  'cases.balance_outstanding',
  'cases.claims_open',
  'cases.nothing_paid',
  'cases.not_closed_as_paid',
  'cases.nothing_owed',
  'closures.disputes_open',
  'closures.open_case_exists',
  'closures.nothing_to_reopen',
  'complaints.before_received',
  'complaints.finished',
  'complaints.already_acknowledged',
  'complaints.already_answered',
  'complaints.mediator_missing',
  'complaints.not_answered',
  'complaints.not_refused',
  'complaints.unknown_contact',
  'complaints.received_in_future',
  'complaints.received_too_long_ago',
  'mediators.past_date',
  'disputes.not_awaiting_answer',
  'disputes.not_awaiting_review',
  'disputes.document_not_on_case',
  'disputes.case_not_open',
  'disputes.claim_not_open',
  'disputes.adjustment_required',
  'disputes.adjustment_not_allowed',
  'disputes.adjust_needs_adjusted_answer',
  'handoffs.case_not_judicial',
  'handoffs.not_sendable',
  'handoffs.before_file_not_before',
  'handoffs.partner_inactive',
  'handoffs.not_sent',
  'handoffs.acknowledged_before_sent',
  'handoffs.date_in_future',
  'care.referral_consent_required',
  'care.organisation_inactive',
  'care.organisation_other_country',
  'care.follow_up_in_past',
  'care.referral_not_proposed',
  'care.referral_no_letter_address',
  'care.referral_no_email_address',
  'care.referral_email_opted_out',
  'care.referral_no_case',
  'care.referral_closed',
  'care.outcome_needs_sending',
  'care.file_lodged_not_over_indebtedness',
  'estates.none',
  'estates.no_estate',
  'estates.already_reported',
  'care.no_driver',
  'care.note_length',
  'care.consent_required',
  'care.consent_date_missing',
  'care.consent_date_unexpected',
  'care.consent_in_future',
  'care.review_not_after_today',
  'care.review_too_far',
  'care.record_ended',
  'care.nothing_changed',
  'care.reason_length',
  'care.record_live',
  'care_report.period_reversed',
  'care_report.period_too_long',
  'portfolio_report.span_too_long',
  'monthly_report.creditor_required',
  'monthly_report.month_in_future',
  'teams_report.period_reversed',
  'teams_report.period_too_long',
  'champion_challenger.no_challenger',
  'care.signal_decided',
  'care.not_a_breathing_space',
  'care.breathing_space_not_active',
  'care.breathing_space_renewed',
  'care.breathing_space_running',
  'judicial_procedure.not_judicial_stage',
  'judicial_procedure.already_open',
  'judicial_procedure.partner_inactive',
  'judicial_partner_report.decided',
  'judicial_partner_key.revoked',
  'judicial_partner_key.partner_inactive',
  'partner_api.key_required',
  'partner_api.key_invalid',
  'partner_api.key_revoked',
  'partner_api.partner_inactive',
  'partner_api.external_id_reused',
  'partner_api.procedure_ended',
  'judicial_procedure.no_procedure',
  'judicial_procedure.route_required',
  'judicial_procedure.title_required',
  'judicial_procedure.title_in_future',
  'legal_figures.valid_from_past',
  'legal_figures.already_dated',
  'legal_figures.bands_unordered',
  'legal_figures.last_band_open',
  'legal_figures.floor_above_cap',
  'judicial_procedure.title_expired',
  'judicial_procedure.step_not_allowed',
  'judicial_procedure.step_in_future',
  'judicial_procedure.step_before_state',
  'judicial_procedure.deadline_passed',
  'judicial_procedure.deadline_not_reached',
  'judicial_procedure.before_file_not_before',
  'judicial_procedure.outcome_required',
  'judicial_procedure.cost_amicable_fee_on_debtor',
  'judicial_procedure.cost_not_chargeable',
  'judicial_procedure.cost_invalid_amount',
  'judicial_procedure.cost_basis_required',
  'judicial_procedure.cost_in_future',
  'judicial_procedure.cost_no_open_claim',
  'estates.case_closed',
  'estates.already_proven',
  'estates.death_after_report',
  'estates.not_proven',
  'estates.no_notary',
  'estates.claim_already_declared',
  'estates.claim_deadline_passed',
  'estates.publication_before_death',
  'estates.not_an_heir',
  'estates.not_a_death_certificate',
  'overindebtedness.final',
  'overindebtedness.wrong_step',
  'overindebtedness.step_before_previous',
  'overindebtedness.step_in_future',
  'overindebtedness.already_filed',
  'overindebtedness.no_open_case',
  'overindebtedness.schedule_case',
  'overindebtedness.schedule_missing',
  'overindebtedness.document_recorded',
  'time_bars.time_barred',
  'time_bars.future_date',
  'time_bars.claim_closed',
  'cases.overindebtedness_procedure',
  'cases.debtor_deceased',
  'judicial.case_closed',
  'judicial.already_judicial',
  'judicial.nothing_owed',
  'judicial.time_barred',
  'judicial.dispute_open',
  'judicial.overindebtedness',
  'judicial.enforcement_stayed',
  'judicial.debtor_deceased',
  'judicial.vulnerability_review',
  'judicial.below_threshold',
  'judicial.no_forbearance_offered',
  'judicial.route_not_allowed',
  'judicial.route_required',
  'judicial.next_review_invalid',
  'judicial.close_reason_required',
  'judicial.review_decided',
  'training.certification_required',
  'training.attempt_submitted',
  'training.unknown_question',
  'satisfaction.survey_unknown',
  'satisfaction.survey_answered',
  'satisfaction.survey_expired',
  'quality.not_a_call',
  'quality.not_sampled',
  'quality.not_your_team',
  'quality.already_reviewed',
  'quality.scores_invalid',
  'quality.no_grid',
  'quality.follow_up_invalid',
  'quality.only_the_agent',
  'quality.already_acknowledged',
  'quality.grid_invalid',
  'satisfaction.survey_not_offered',
  'portal.iban_invalid',
  'portal.iban_not_sepa',
  'portal.bic_required',
  'portal.bic_invalid',
  'portal.mandate_without_plan',
  'portal.mandate_on_hold',
  'portal.mandate_unavailable',
  'portal.mandate_changed',
  'portal.mandate_none',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export function isKnownProblem(code: string): code is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(code);
}

/** What `not_found` is about, read from the problem's `instance` (/api/v1/<collection>/…). */
const NOT_FOUND_SUBJECTS = ['cases', 'creditors', 'users', 'placements'] as const;

export interface ProblemLine {
  text: string;
  /** Set when the text is the server's own (English) wording rather than a translation. */
  lang?: string;
}

export interface ProblemDescription {
  /** What happened and what to do, in the user's language when the code is known. */
  message: ProblemLine;
  /** Further lines: the fields a validation refused, the request reference of a server error. */
  details: ProblemLine[];
}

/** A sign-in wait as a person says it: seconds under a minute, else whole minutes rounded up ("2 minutes"). */
function waitInWords(seconds: unknown, format: Formatters): string | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  const [amount, unit] = seconds < 60 ? [Math.ceil(seconds), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(format.locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/**
 * Turns an API problem into text for the user: the translation of its code (with its parameters, such as a
 * sign-in wait in the user's words), else the server's `detail`. `overrides` lets a screen
 * say more precisely what a code means there (e.g. `not_found` on an upload: the mandate does not exist).
 */
export function describeProblem(
  error: ApiError,
  t: TFunction,
  format: Formatters,
  overrides: Partial<Record<string, string>> = {},
): ProblemDescription {
  const problem = error.problem;
  const details: ProblemLine[] = [];
  const server: ProblemLine = { text: error.detail, lang: SERVER_TEXT_LANG };

  if (error.code === NETWORK_ERROR_CODE) return { message: { text: t('errors.networkDetail') }, details };

  const override = overrides[error.code];
  let message: ProblemLine;
  if (override !== undefined) {
    message = { text: override };
  } else if (!isKnownProblem(error.code)) {
    message = server;
  } else if (error.code === 'auth.too_many_attempts') {
    const wait = waitInWords(problem.retryAfterSeconds, format);
    message = {
      text: wait ? t('problems.auth.too_many_attempts', { wait }) : t('problems.auth.too_many_attempts_no_wait'),
    };
  } else if (error.code === 'placements.quota_exceeded' && typeof problem.retryAt === 'string') {
    message = { text: t('problems.placements.quota_exceeded', { retryAt: format.dateTime(problem.retryAt) }) };
  } else if (
    error.code === 'payments.surplus_already_used' &&
    typeof problem.surplusCents === 'number' &&
    typeof problem.missingCents === 'number'
  ) {
    // Amounts come as cents and are written in the reader's format (the server's English detail is for operators).
    message = {
      text: t('problems.payments.surplus_already_used_amounts', {
        surplus: format.money(problem.surplusCents),
        missing: format.money(problem.missingCents),
      }),
    };
  } else if (error.code === 'training.certification_required' && Array.isArray(problem.missing)) {
    // The certifications to earn, named in the reader's language.
    const names = (problem.missing as unknown[]).map((kind) => t(`training.certificationNames.${String(kind)}`));
    message = { text: t('problems.training.certification_required_named', { names: names.join(', ') }) };
  } else if (error.code === 'not_found') {
    const collection =
      typeof problem.instance === 'string' ? /^\/api\/v1\/([a-z_]+)\/[^/]+/.exec(problem.instance)?.[1] : undefined;
    const subject = NOT_FOUND_SUBJECTS.find((name) => name === collection);
    message = { text: subject ? t(`problems.notFoundOf.${subject}`) : t('problems.not_found') };
  } else {
    message = { text: t(`problems.${error.code}`) };
  }

  if (error.code === 'request.validation_failed' && Array.isArray(problem.errors)) {
    for (const item of problem.errors as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { path, message: text } = item as { path?: unknown; message?: unknown };
      if (typeof path === 'string' && typeof text === 'string')
        details.push({ text: `${path}: ${text}`, lang: SERVER_TEXT_LANG });
    }
  }
  // A refused policy or strategy document: each issue by its path in the document (the server's English words).
  if ((error.code === 'contact_policy.invalid' || error.code === 'strategy.invalid') && Array.isArray(problem.issues)) {
    for (const item of problem.issues as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { path, message: text } = item as { path?: unknown; message?: unknown };
      if (typeof path === 'string' && typeof text === 'string')
        details.push({ text: `${path || '(document)'}: ${text}`, lang: SERVER_TEXT_LANG });
    }
  }
  if (error.status >= 500 && typeof problem.requestId === 'string') {
    details.push({ text: t('problems.reference', { requestId: problem.requestId }) });
  }
  return { message, details };
}
