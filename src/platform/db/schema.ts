import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables of migrations/*.sql. Keep in step with the SQL. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: read as parsed JSON, written as a JSON string or value. */
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export type Role =
  | 'agent'
  | 'team_leader'
  | 'care_specialist'
  | 'overindebtedness_specialist'
  | 'judicial_specialist'
  | 'compliance_officer'
  | 'manager'
  | 'creditor_user'
  | 'administrator';

export type Locale = 'fr' | 'en' | 'it';
export type CaseStage = 'amicable' | 'plan' | 'dispute' | 'overindebtedness' | 'judicial' | 'closed';
export type CaseStatus = 'open' | 'on_hold' | 'closed';

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  kind: 'amicable' | 'care' | 'overindebtedness' | 'judicial' | 'management' | 'compliance' | 'administration';
  created_at: CreatedAt;
}

export interface CreditorsTable {
  id: Generated<string>;
  code: string;
  name: string;
  legal_name: string;
  registration_number: string | null;
  sector: 'bank' | 'consumer_credit' | 'energy' | 'telecom' | 'housing' | 'other';
  country: string;
  address_line1: string;
  address_line2: string | null;
  postal_code: string;
  city: string;
  contact_email: string | null;
  contact_phone: string | null;
  active: Generated<boolean>;
  remittance_iban: string | null;
  remittance_bic: string | null;
  webhook_url: string | null;
  /** AES-256-GCM sealed (secret-box.ts); plaintext only before the first start with SECRETS_KEY. */
  webhook_secret: string | null;
  webhook_secret_last4: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  creditor_id: string | null;
  team_id: string | null;
  locale: Generated<Locale>;
  password_hash: string;
  active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  /** Migration 0015: with failed_login_count, the account's sign-in throttle (identity/core/login-throttle.ts). */
  last_failed_login_at: Date | null;
}

/** Sign-in throttle counts of e-mail addresses without an account and of client addresses (migration 0015). */
export interface LoginThrottlesTable {
  subject: string;
  failed_count: number;
  last_failure_at: Date;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface MandatesTable {
  id: Generated<string>;
  creditor_id: string;
  code: string;
  kind: 'collection' | 'purchased';
  commission_rate_bp: number;
  max_discount_bp: Generated<number>;
  max_plan_months: Generated<number>;
  settlements_allowed: Generated<boolean>;
  remittance_frequency: Generated<'weekly' | 'fortnightly' | 'monthly'>;
  remittance_max_days: Generated<number>;
  allocation_order: Json<string[]>;
  payment_grace_days: Generated<number>;
  reject_file_on_error: Generated<boolean>;
  starts_on: string;
  ends_on: string | null;
  created_at: CreatedAt;
}

export interface PlacementsTable {
  id: Generated<string>;
  creditor_id: string;
  mandate_id: string;
  placed_on: string;
  source_file_name: string | null;
  source_sha256: string | null;
  status: 'pending' | 'running' | 'completed' | 'rejected' | 'failed';
  claims_created: Generated<number>;
  claims_updated: Generated<number>;
  rows_rejected: Generated<number>;
  report: Json | null;
  format: 'csv' | 'jsonl' | null;
  rows_total: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  completed_at: Date | null;
  /** Size of the stored file (migration 0016), counted against the creditor's upload quota. */
  source_bytes: number | null;
}

export interface DebtorsTable {
  id: Generated<string>;
  kind: 'person' | 'company';
  title: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_name: string | null;
  birth_date: string | null;
  birth_place: string | null;
  company_name: string | null;
  registration_number: string | null;
  language: Generated<Locale>;
  match_key: string | null;
  name_key: string | null;
  deceased_on: string | null;
  /** Set when a person found this record to be the same person as an older one: the record it was merged into. */
  merged_into: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface DebtorReferencesTable {
  creditor_id: string;
  reference: string;
  debtor_id: string;
  /** The identity as this creditor's file gave it (migration 0013). */
  placement_id: string | null;
  title: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_name: string | null;
  birth_date: string | null;
  birth_place: string | null;
  company_name: string | null;
  registration_number: string | null;
}

/** Which creditor's file supplied an address or a contact point (several may supply the same one). */
export interface DebtorAddressSourcesTable {
  address_id: string;
  creditor_id: string;
  placement_id: string | null;
  recorded_at: CreatedAt;
}

export interface DebtorContactPointSourcesTable {
  contact_point_id: string;
  creditor_id: string;
  placement_id: string | null;
  recorded_at: CreatedAt;
}

export interface DebtorAddressesTable {
  id: Generated<string>;
  debtor_id: string;
  line1: string;
  line2: string | null;
  postal_code: string;
  city: string;
  country: string;
  subdivision: string | null;
  time_zone: string;
  is_primary: Generated<boolean>;
  source: Generated<'creditor' | 'debtor' | 'agent' | 'enrichment'>;
  verified_at: Date | null;
  /** Mail came back: the debtor does not live there. */
  undeliverable_at: Date | null;
  created_at: CreatedAt;
}

export interface DebtorContactPointsTable {
  id: Generated<string>;
  debtor_id: string;
  channel: 'phone' | 'email';
  value: string;
  usage: 'mobile' | 'home' | 'work' | 'personal';
  source: Generated<'creditor' | 'debtor' | 'agent' | 'enrichment'>;
  verified_at: Date | null;
  consent: Generated<'unknown' | 'given' | 'withdrawn'>;
  opted_out_at: Date | null;
  wrong_number_at: Date | null;
  created_at: CreatedAt;
}

export interface CasesTable {
  id: Generated<string>;
  reference: string;
  creditor_id: string;
  mandate_id: string;
  debtor_id: string;
  stage: CaseStage;
  status: Generated<CaseStatus>;
  close_reason: string | null;
  currency: Generated<string>;
  balance_cents: Generated<number>;
  opened_on: string;
  closed_on: string | null;
  stage_changed_at: Generated<Date>;
  first_letter_reference: string | null;
  first_letter_sent_on: string | null;
  assigned_team_id: string | null;
  assigned_user_id: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface ClaimsTable {
  id: Generated<string>;
  case_id: string;
  creditor_id: string;
  placement_id: string | null;
  reference: string;
  contract_type: 'consumer_credit' | 'overdraft' | 'energy' | 'telecom' | 'rent' | 'other';
  original_creditor: string | null;
  currency: Generated<string>;
  principal_cents: number;
  interest_cents: Generated<number>;
  fees_cents: Generated<number>;
  default_on: string;
  last_payment_on: string | null;
  status: Generated<'open' | 'recalled' | 'paid' | 'closed'>;
  /** Cached from the ledger: what each component has been paid off, net of reversals and corrections. */
  settled_principal_cents: Generated<number>;
  settled_interest_cents: Generated<number>;
  settled_fees_cents: Generated<number>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export type PaymentChannel = 'bank_transfer' | 'card' | 'cheque' | 'cash_partner' | 'direct_debit' | 'creditor_reported';
export type ReversalKind = 'returned_direct_debit' | 'bounced_cheque' | 'chargeback' | 'error';

export interface PaymentsTable {
  id: Generated<string>;
  debtor_id: string;
  case_id: string;
  creditor_id: string;
  channel: PaymentChannel;
  amount_cents: number;
  currency: Generated<string>;
  received_on: string;
  reference: string | null;
  payer_name: string | null;
  payer_iban: string | null;
  debtor_choice: Json<string[] | null> | null;
  note: string | null;
  source: 'api' | 'web' | 'bank_statement';
  receipt_number: string;
  status: Generated<'recorded' | 'reversed'>;
  reversed_at: Timestamp | null;
  reversal_kind: ReversalKind | null;
  reversal_reason: string | null;
  idempotency_key: string;
  request_hash: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface LedgerTransactionsTable {
  id: Generated<string>;
  seq: Generated<number>;
  kind: 'receipt' | 'allocation' | 'adjustment' | 'refund' | 'remittance' | 'reversal';
  occurred_at: Timestamp;
  payment_id: string | null;
  reverses_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RemittancesTable {
  id: Generated<string>;
  number: string;
  creditor_id: string;
  period_to: string;
  collected_cents: number;
  commission_cents: number;
  net_cents: number;
  lines: number;
  transaction_id: string | null;
  prepared_by: string | null;
  prepared_at: Timestamp;
}

export interface RemittanceLinesTable {
  remittance_id: string;
  transaction_id: string;
  payment_id: string | null;
  case_reference: string;
  occurred_on: string;
  collected_cents: number;
  commission_cents: number;
}

export interface CreditorNotificationsTable {
  id: Generated<string>;
  creditor_id: string;
  payment_id: string;
  event: 'payment.recorded' | 'payment.reversed';
  payload: Json;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface LedgerEntriesTable {
  id: Generated<number>;
  transaction_id: string;
  account: 'cash' | 'debtor_credit' | 'claim' | 'creditor_placed' | 'creditor_payable' | 'agency_income';
  amount_cents: number;
  debtor_id: string | null;
  claim_id: string | null;
  component: 'principal' | 'interest' | 'fees' | null;
  creditor_id: string | null;
}

export interface CaseStageHistoryTable {
  id: Generated<string>;
  case_id: string;
  from_stage: CaseStage | null;
  to_stage: CaseStage;
  changed_at: Timestamp;
  changed_by: string | null;
  reason: string;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  debtor_id: string;
  occurred_at: Timestamp;
  kind: string;
  channel: string | null;
  direction: 'outbound' | 'inbound' | null;
  outcome: string | null;
  summary: string;
  actor_user_id: string | null;
  data: ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;
}

export interface HoldsTable {
  id: Generated<string>;
  debtor_id: string;
  case_id: string | null;
  kind: string;
  reason: string;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  review_at: Timestamp | null;
  status: Generated<'active' | 'lifted' | 'lapsed'>;
  lifted_at: Date | null;
  lifted_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ContactPolicyVersionsTable {
  version: number;
  document: Json;
  effective_from: Timestamp;
  note: Generated<string>;
  published_by: string | null;
  published_at: Timestamp;
}

export interface ContactPolicyDraftTable {
  singleton: Generated<boolean>;
  document: Json;
  based_on_version: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ContactOverridesTable {
  id: Generated<string>;
  debtor_id: string;
  case_id: string;
  channel: 'phone' | 'sms' | 'email' | 'letter';
  reason: string;
  refusal: Json;
  granted_by: string;
  granted_at: Timestamp;
  valid_until: Timestamp;
  used_at: Timestamp | null;
}

export interface ContactsTable {
  id: Generated<string>;
  debtor_id: string;
  case_id: string;
  channel: 'phone' | 'sms' | 'email' | 'letter';
  direction: 'outbound' | 'inbound';
  outcome: string;
  conversation: boolean;
  first_letter: Generated<boolean>;
  occurred_at: Timestamp;
  recorded_at: Timestamp;
  recorded_by: string | null;
  note: string | null;
  policy_version: number;
  decision: Json;
  override_id: string | null;
}

export interface ContactPreferencesTable {
  debtor_id: string;
  channels: Json<string[] | null> | null;
  windows: Json<{ days: string[]; from: string; to: string }[] | null> | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ContactOptOutsTable {
  id: Generated<string>;
  debtor_id: string;
  channel: 'phone' | 'sms' | 'email' | 'letter';
  opted_out_at: Timestamp;
  recorded_by: string | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
}

export interface ContactCallbacksTable {
  id: Generated<string>;
  debtor_id: string;
  case_id: string;
  channel: Generated<'phone'>;
  callback_at: Timestamp;
  requested_at: Timestamp;
  recorded_by: string | null;
  status: Generated<'pending' | 'done' | 'cancelled'>;
}

export interface DebtorPossibleMatchesTable {
  id: Generated<string>;
  debtor_id: string;
  candidate_debtor_id: string;
  reason: string;
  placement_id: string | null;
  status: Generated<'open' | 'same_person' | 'different_people'>;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface PlacementErrorsTable {
  placement_id: string;
  line: number;
  column_name: string;
  value: string;
  code: string;
  message: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  creditor_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  singleton: boolean;
  last_seq: number | null;
  last_hash: string;
  entry_count: number;
}

export interface PortfolioSnapshotsTable {
  snapshot_on: string;
  creditor_id: string;
  stage: string;
  open_cases: number;
  balance_cents: number;
  placed_cents: number;
}

export type FigureStatus = 'law' | 'check' | 'placeholder';

export interface AffordabilitySeizureScalesTable {
  year: number;
  brackets: Json<{ upToCents: number | null; numerator: number; denominator: number }[]>;
  uplift_per_dependant_cents: number;
  status: FigureStatus;
  source: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AffordabilityRsaAmountsTable {
  effective_from: string;
  single_cents: number;
  couple_cents: number;
  couple_one_child_cents: number;
  couple_two_children_cents: number;
  further_person_cents: number;
  status: FigureStatus;
  source: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AffordabilityStandardAllowancesTable {
  category: string;
  effective_from: string;
  base_cents: number;
  per_extra_person_cents: number;
  status: FigureStatus;
  source: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** Append-only (a trigger refuses UPDATE and DELETE): a new budget is a new version. */
export interface DebtorAssessmentsTable {
  id: Generated<string>;
  debtor_id: string;
  version: number;
  assessed_on: string;
  input: Json;
  result: Json;
  capacity_cents: number;
  binding_constraint: 'seizable_share' | 'rsa' | 'expenses';
  recorded_by: string;
  recorded_at: Timestamp;
}

export type PlanStatus = 'proposed' | 'pending_approval' | 'agreed' | 'active' | 'completed' | 'broken' | 'cancelled' | 'refused';

export interface PlanAuthorityTable {
  role: string;
  max_plan_months: number;
  max_discount_bp: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface PlansTable {
  id: Generated<string>;
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  status: PlanStatus;
  current_version: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionsTable {
  id: Generated<string>;
  plan_id: string;
  version: number;
  kind: 'pay_in_full' | 'instalments' | 'settlement';
  reason: string;
  balance_cents: number;
  agreed_cents: number;
  discount_cents: number;
  capacity_cents: number;
  assessment_id: string;
  max_plan_months: number;
  max_discount_bp: number;
  authority: Json;
  approval_reasons: Json<string[]>;
  knowingly_above_capacity: boolean;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PlanInstalmentsTable {
  id: Generated<string>;
  plan_id: string;
  plan_version_id: string;
  number: number;
  due_on: string;
  amount_cents: number;
  status: Generated<'due' | 'paid' | 'late'>;
  paid_on: string | null;
  payment_reference: string | null;
}

export interface PlanEventsTable {
  seq: Generated<number>;
  plan_id: string;
  version: number;
  from_status: PlanStatus | null;
  to_status: PlanStatus;
  reason: string;
  actor_user_id: string | null;
  occurred_at: Timestamp;
}

export interface PlanApprovalsTable {
  id: Generated<string>;
  plan_id: string;
  version: number;
  reasons: Json<string[]>;
  status: Generated<'pending' | 'accepted' | 'refused' | 'withdrawn'>;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

export interface CaseReviewsTable {
  id: Generated<string>;
  case_id: string;
  debtor_id: string;
  plan_id: string | null;
  kind: 'orientation' | 'broken_plan';
  reasons: Json<string[]>;
  status: Generated<'open' | 'closed'>;
  opened_by: string | null;
  opened_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
  outcome: string | null;
}

export interface SepaMandatesTable {
  id: Generated<string>;
  reference: string;
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  debtor_name: string;
  debtor_iban: string;
  debtor_bic: string | null;
  signed_on: string;
  sequence: Generated<'first' | 'recurring'>;
  status: Generated<'active' | 'revoked'>;
  revoked_on: string | null;
  revoke_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SepaCollectionsTable {
  id: Generated<string>;
  end_to_end_id: string;
  mandate_id: string;
  case_id: string;
  instalment_id: string | null;
  amount_cents: number;
  collection_date: string;
  sequence: 'FRST' | 'RCUR';
  message_id: string;
  issued_by: string | null;
  issued_at: Timestamp;
}

export interface BankStatementImportsTable {
  id: Generated<string>;
  sha256: string;
  kind: 'camt.053' | 'camt.054';
  message_version: string | null;
  message_id: string;
  file_name: string | null;
  account_ibans: Json<string[]>;
  status: Generated<'processing' | 'completed'>;
  counts: Json<Record<string, number>> | null;
  imported_by: string | null;
  imported_at: Timestamp;
  completed_at: Timestamp | null;
}

export type BankLineStatus = 'pending' | 'recorded' | 'queued' | 'ignored' | 'reversed';

export interface BankStatementLinesTable {
  id: Generated<string>;
  import_id: string;
  line_number: number;
  identity: string;
  entry_number: number;
  transaction_number: number;
  kind: 'credit' | 'return' | 'debit';
  booking_status: string;
  amount_cents: number;
  booking_date: string | null;
  value_date: string | null;
  end_to_end_id: string | null;
  account_servicer_reference: string | null;
  mandate_reference: string | null;
  remittance_text: string | null;
  creditor_reference: string | null;
  debtor_name: string | null;
  debtor_iban: string | null;
  return_reason: string | null;
  bank_transaction_code: string | null;
  status: BankLineStatus;
  reason: string;
  confidence: 'certain' | 'probable' | 'none' | null;
  case_id: string | null;
  payment_id: string | null;
  duplicate_of: string | null;
  updated_at: Timestamp;
}

export interface BankMatchQueueTable {
  id: Generated<string>;
  line_id: string;
  confidence: 'probable' | 'none';
  reason: string;
  suggested_case_id: string | null;
  candidate_case_ids: Json<string[]>;
  status: Generated<'open' | 'assigned' | 'dismissed'>;
  assigned_case_id: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  created_at: Timestamp;
}

export interface StrategyVersionsTable {
  version: number;
  document: Json;
  note: Generated<string>;
  published_by: string | null;
  published_at: Date;
}

export interface SegmentControlsTable {
  segment_id: string;
  paused: Generated<boolean>;
  priority_boost: Generated<number>;
  note: string;
  updated_by: string | null;
  updated_at: Date;
}

export type QueueArm = 'champion' | 'challenger';

export interface CaseQueueTable {
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  team_id: string | null;
  team_pinned: Generated<boolean>;
  assigned_user_id: string | null;
  strategy_version: number;
  segment_id: string;
  arm: QueueArm;
  channels: string[];
  tier: number;
  priority: number;
  reasons: Json;
  callable_from: Date | null;
  snoozed_until: Date | null;
  paused: Generated<boolean>;
  leased_by: string | null;
  lease_until: Date | null;
  leased_at: Date | null;
  refreshed_at: Date;
}

export interface StrategyAssignmentsTable {
  id: Generated<string>;
  case_id: string;
  strategy_version: number;
  segment_id: string;
  arm: QueueArm;
  assigned_at: Date;
}

export interface QueueDirtyTable {
  debtor_id: string;
  marked_at: Generated<Date>;
}

export type PromiseStatus = 'open' | 'kept' | 'broken' | 'cancelled';

export interface PromisesTable {
  id: Generated<string>;
  case_id: string;
  debtor_id: string;
  amount_cents: number;
  currency: Generated<string>;
  due_on: string;
  status: Generated<PromiseStatus>;
  paid_cents: Generated<number>;
  contact_id: string | null;
  created_by: string | null;
  created_at: Date;
  resolved_at: Date | null;
  cancel_reason: string | null;
}

export type TaskKind = 'promise_broken' | 'callback_missed' | 'dispute_review' | 'care_referral' | 'payment_check' | 'trace_contact' | 'refusal_review';

export interface CaseTasksTable {
  id: Generated<string>;
  case_id: string;
  debtor_id: string;
  kind: TaskKind;
  due_at: Date;
  team_id: string | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  source: Json;
  note: string | null;
  created_by: string | null;
  created_at: Date;
  done_at: Date | null;
  done_by: string | null;
}

export type CallResult = 'promise' | 'callback' | 'refusal' | 'dispute' | 'hardship' | 'already_paid' | 'information';

export interface CallRecordsTable {
  contact_id: string;
  case_id: string;
  checklist: Json;
  result: CallResult | null;
  contact_point_id: string | null;
  started_at: Date | null;
  recorded_by: string | null;
  recorded_at: Date;
}

/** Reads of special-category data (migration 0017): append-only, sealed into the audit chain in batches. */
export type SensitiveReadSubject = 'budget' | 'vulnerability';
export type SensitiveReadBasis = 'care_team' | 'case_holder' | 'compliance' | 'stated_reason' | 'restricted';

export interface SensitiveReadsTable {
  seq: Generated<number>;
  read_at: Timestamp;
  user_id: string;
  role: string;
  debtor_id: string;
  case_id: string | null;
  subject: SensitiveReadSubject;
  basis: SensitiveReadBasis;
  reason: string | null;
  request_id: string | null;
}

export interface SensitiveReadSealsTable {
  last_seq: number;
  first_seq: number;
  row_count: number;
  sha256: string;
  audit_hash: string;
  sealed_at: Timestamp;
}

/** A role that reads case data, waiting for a second person's approval (migration 0016). */
export interface UserAccessRequestsTable {
  id: Generated<string>;
  user_id: string;
  kind: 'creation' | 'role_change' | 'password_reset';
  from_role: Role | null;
  role: Role;
  creditor_id: string | null;
  requested_by: string;
  requested_at: Date;
  status: Generated<'pending' | 'approved' | 'refused' | 'withdrawn'>;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  /** A password_reset's new argon2id hash, only while it is pending (migration 0019). */
  password_hash: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
}

export interface DB {
  teams: TeamsTable;
  creditors: CreditorsTable;
  users: UsersTable;
  user_access_requests: UserAccessRequestsTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  mandates: MandatesTable;
  placements: PlacementsTable;
  debtors: DebtorsTable;
  debtor_references: DebtorReferencesTable;
  debtor_addresses: DebtorAddressesTable;
  debtor_contact_points: DebtorContactPointsTable;
  debtor_address_sources: DebtorAddressSourcesTable;
  debtor_contact_point_sources: DebtorContactPointSourcesTable;
  cases: CasesTable;
  claims: ClaimsTable;
  case_stage_history: CaseStageHistoryTable;
  case_events: CaseEventsTable;
  holds: HoldsTable;
  payments: PaymentsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_entries: LedgerEntriesTable;
  remittances: RemittancesTable;
  remittance_lines: RemittanceLinesTable;
  creditor_notifications: CreditorNotificationsTable;
  contact_policy_versions: ContactPolicyVersionsTable;
  contact_policy_draft: ContactPolicyDraftTable;
  contact_overrides: ContactOverridesTable;
  contacts: ContactsTable;
  contact_preferences: ContactPreferencesTable;
  contact_opt_outs: ContactOptOutsTable;
  contact_callbacks: ContactCallbacksTable;
  debtor_possible_matches: DebtorPossibleMatchesTable;
  placement_errors: PlacementErrorsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  portfolio_snapshots: PortfolioSnapshotsTable;
  schema_migrations: SchemaMigrationsTable;
  affordability_seizure_scales: AffordabilitySeizureScalesTable;
  affordability_rsa_amounts: AffordabilityRsaAmountsTable;
  affordability_standard_allowances: AffordabilityStandardAllowancesTable;
  debtor_assessments: DebtorAssessmentsTable;
  plan_authority: PlanAuthorityTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_instalments: PlanInstalmentsTable;
  plan_events: PlanEventsTable;
  plan_approvals: PlanApprovalsTable;
  case_reviews: CaseReviewsTable;
  sepa_mandates: SepaMandatesTable;
  sepa_collections: SepaCollectionsTable;
  bank_statement_imports: BankStatementImportsTable;
  bank_statement_lines: BankStatementLinesTable;
  bank_match_queue: BankMatchQueueTable;
  strategy_versions: StrategyVersionsTable;
  segment_controls: SegmentControlsTable;
  case_queue: CaseQueueTable;
  strategy_assignments: StrategyAssignmentsTable;
  queue_dirty: QueueDirtyTable;
  promises: PromisesTable;
  case_tasks: CaseTasksTable;
  call_records: CallRecordsTable;
  sensitive_reads: SensitiveReadsTable;
  sensitive_read_seals: SensitiveReadSealsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Creditor = Selectable<CreditorsTable>;
export type Case = Selectable<CasesTable>;
