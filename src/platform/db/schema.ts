import type { Insertable, Selectable, Updateable } from 'kysely';
import type * as G from './schema.generated.js';

/**
 * Kysely's view of the database, for the code to import. The table types are generated from the migrated database
 * into `schema.generated.ts` (`npm run db:types`, checked by `schema.test.ts`); this file only gives them the names
 * the code uses. Never describe a column here: add a migration and regenerate.
 */

export type { JsonColumn, PreferenceWindow, SeizureBracket } from './json-column.js';

export type DB = G.DB;

export type Role = G.UsersRole;
export type Locale = G.UsersLocale;
export type CaseStage = G.CasesStage;
export type CaseStatus = G.CasesStatus;
export type PaymentChannel = G.PaymentsChannel;
export type ReversalKind = G.PaymentsReversalKind;
export type FigureStatus = G.AffordabilitySeizureScalesStatus;
export type PlanStatus = G.PlansStatus;
export type BankLineStatus = G.BankStatementLinesStatus;
export type QueueArm = G.CaseQueueArm;
export type PromiseStatus = G.PromisesStatus;
export type TaskKind = G.CaseTasksKind;
export type CallResult = G.CallRecordsResult;
export type SensitiveReadSubject = G.SensitiveReadsSubject;
export type SensitiveReadBasis = G.SensitiveReadsBasis;

export type TeamsTable = DB['teams'];
export type CreditorsTable = DB['creditors'];
export type UsersTable = DB['users'];
export type UserAccessRequestsTable = DB['user_access_requests'];
export type SessionsTable = DB['sessions'];
export type LoginThrottlesTable = DB['login_throttles'];
export type MandatesTable = DB['mandates'];
export type PlacementsTable = DB['placements'];
export type DebtorsTable = DB['debtors'];
export type DebtorReferencesTable = DB['debtor_references'];
export type DebtorAddressesTable = DB['debtor_addresses'];
export type DebtorContactPointsTable = DB['debtor_contact_points'];
export type DebtorAddressSourcesTable = DB['debtor_address_sources'];
export type DebtorContactPointSourcesTable = DB['debtor_contact_point_sources'];
export type CasesTable = DB['cases'];
export type ClaimsTable = DB['claims'];
export type CaseStageHistoryTable = DB['case_stage_history'];
export type CaseEventsTable = DB['case_events'];
export type HoldsTable = DB['holds'];
export type PaymentsTable = DB['payments'];
export type LedgerTransactionsTable = DB['ledger_transactions'];
export type LedgerEntriesTable = DB['ledger_entries'];
export type RemittancesTable = DB['remittances'];
export type RemittanceLinesTable = DB['remittance_lines'];
export type CreditorNotificationsTable = DB['creditor_notifications'];
export type ContactPolicyVersionsTable = DB['contact_policy_versions'];
export type ContactPolicyDraftTable = DB['contact_policy_draft'];
export type ContactOverridesTable = DB['contact_overrides'];
export type ContactsTable = DB['contacts'];
export type ContactPreferencesTable = DB['contact_preferences'];
export type ContactOptOutsTable = DB['contact_opt_outs'];
export type ContactCallbacksTable = DB['contact_callbacks'];
export type DebtorPossibleMatchesTable = DB['debtor_possible_matches'];
export type PlacementErrorsTable = DB['placement_errors'];
export type AuditLogTable = DB['audit_log'];
export type AuditHeadTable = DB['audit_head'];
export type PortfolioSnapshotsTable = DB['portfolio_snapshots'];
export type SchemaMigrationsTable = DB['schema_migrations'];
export type AffordabilitySeizureScalesTable = DB['affordability_seizure_scales'];
export type AffordabilityRsaAmountsTable = DB['affordability_rsa_amounts'];
export type AffordabilityStandardAllowancesTable = DB['affordability_standard_allowances'];
export type DebtorAssessmentsTable = DB['debtor_assessments'];
export type PlanAuthorityTable = DB['plan_authority'];
export type PlansTable = DB['plans'];
export type PlanVersionsTable = DB['plan_versions'];
export type PlanInstalmentsTable = DB['plan_instalments'];
export type PlanEventsTable = DB['plan_events'];
export type PlanApprovalsTable = DB['plan_approvals'];
export type CaseReviewsTable = DB['case_reviews'];
export type SepaMandatesTable = DB['sepa_mandates'];
export type SepaCollectionsTable = DB['sepa_collections'];
export type BankStatementImportsTable = DB['bank_statement_imports'];
export type BankStatementLinesTable = DB['bank_statement_lines'];
export type BankMatchQueueTable = DB['bank_match_queue'];
export type StrategyVersionsTable = DB['strategy_versions'];
export type SegmentControlsTable = DB['segment_controls'];
export type CaseQueueTable = DB['case_queue'];
export type StrategyAssignmentsTable = DB['strategy_assignments'];
export type QueueDirtyTable = DB['queue_dirty'];
export type PromisesTable = DB['promises'];
export type CaseTasksTable = DB['case_tasks'];
export type CallRecordsTable = DB['call_records'];
export type SensitiveReadsTable = DB['sensitive_reads'];
export type SensitiveReadSealsTable = DB['sensitive_read_seals'];

export type User = Selectable<DB['users']>;
export type NewUser = Insertable<DB['users']>;
export type UserUpdate = Updateable<DB['users']>;
export type Creditor = Selectable<DB['creditors']>;
export type Case = Selectable<DB['cases']>;
/** A statement line as written (the bank-files core builds them). */
export type NewBankStatementLine = Insertable<DB['bank_statement_lines']>;
