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
  created_at: CreatedAt;
  updated_at: Generated<Date>;
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
  sessions: SessionsTable;
  mandates: MandatesTable;
  placements: PlacementsTable;
  debtors: DebtorsTable;
  debtor_references: DebtorReferencesTable;
  debtor_addresses: DebtorAddressesTable;
  debtor_contact_points: DebtorContactPointsTable;
  cases: CasesTable;
  claims: ClaimsTable;
  case_stage_history: CaseStageHistoryTable;
  case_events: CaseEventsTable;
  holds: HoldsTable;
  debtor_possible_matches: DebtorPossibleMatchesTable;
  placement_errors: PlacementErrorsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  portfolio_snapshots: PortfolioSnapshotsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Creditor = Selectable<CreditorsTable>;
export type Case = Selectable<CasesTable>;
