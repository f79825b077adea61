import type { z } from 'zod';
import type { Permission } from '../../../src/identity/core/permissions.js';
import type { Role } from '../../../src/identity/core/roles.js';
import type { debtorMatchSchema } from '../../../src/debtors/schemas.js';
import type { MergeCounts } from '../../../src/intake/merge.js';
import type { caseDetailSchema, caseStatusSchema, creditorDetailSchema, stageSchema } from '../../../src/portfolio/schemas.js';
import type { NightlyReport } from '../../../src/jobs/nightly-refresh.js';
import type { UserView } from '../../../src/identity/users.js';
import type { assessmentBody, assessmentVersionSchema, capacityResultSchema } from '../../../src/affordability/schemas.js';

/**
 * Shapes of the API answers. Where the server exports its zod schema the type is inferred from it (type-only
 * imports: nothing of zod reaches the bundle), so the two cannot drift apart; the rest mirror the route schemas.
 */

export type { Permission, Role };
export type Locale = 'fr' | 'en' | 'it';
export type Stage = z.infer<typeof stageSchema>;
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CreditorDetail = z.infer<typeof creditorDetailSchema>;

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  creditorId: string | null;
  locale: Locale;
  permissions: Permission[];
  csrfToken: string;
}

export interface CreditorSummary {
  id: string;
  code: string;
  name: string;
  sector: string;
  country: string;
  active: boolean;
}

export interface CaseSummary {
  id: string;
  reference: string;
  stage: Stage;
  status: CaseStatus;
  balanceCents: number;
  currency: string;
  openedOn: string;
  creditor: { id: string; name: string };
  debtor: { id: string; displayName: string };
}

export type CaseSort = 'balance_desc' | 'balance_asc' | 'opened_asc' | 'opened_desc' | 'reference';

export interface CaseSearch {
  q?: string;
  creditorId?: string;
  stage?: Stage;
  minBalanceCents?: number;
  maxBalanceCents?: number;
  /** YYYY-MM-DD: cases opened on or after / on or before (the age of the case). */
  openedAfter?: string;
  openedBefore?: string;
  sort?: CaseSort;
  limit: number;
  offset: number;
}

export interface Dashboard {
  openCases: number;
  balanceCents: number;
  creditors: {
    creditorId: string;
    creditorName: string;
    openCases: number;
    balanceCents: number;
    stages: { stage: string; cases: number; balanceCents: number }[];
  }[];
}

/** The server's own types (type-only imports: nothing of the server is bundled). */
export type NightlyRefreshReport = NightlyReport;

export type User = UserView;

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  creditorId: string | null;
  locale: Locale;
  password: string;
}

export interface UserChange {
  active?: boolean;
  unlock?: true;
}

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

export interface AuditFilter {
  action?: string;
  targetType?: string;
  beforeSeq?: number;
  limit: number;
}

export interface AuditVerification {
  ok: boolean;
  entriesChecked: number;
  message: string;
  problem: unknown;
}

/**
 * The import's figures, as the intake pipeline counts them (type-only import: it cannot drift from the server); a
 * creditor user reads `debtorsNew` and `debtorsKnown` instead of how the agency matched each person.
 */
export type PlacementCounts = Partial<MergeCounts & { debtorsNew: number; debtorsKnown: number }>;

export type PlacementStatus = 'pending' | 'running' | 'completed' | 'rejected' | 'failed';

/** A placement: one claim file placed by a creditor under a mandate, and what its import did. */
export interface Placement {
  id: string;
  creditor: { id: string; name: string };
  mandateCode: string;
  placedOn: string;
  fileName: string | null;
  format: 'csv' | 'jsonl' | null;
  status: PlacementStatus;
  rowsTotal: number;
  /** Rows read so far while the import runs; null otherwise. */
  rowsRead: number | null;
  rowsRejected: number;
  /** Present once completed. */
  counts: PlacementCounts | null;
  errorCount: number;
  failure: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface PlacementFilter {
  creditorId?: string;
  limit: number;
  offset: number;
}

/** One problem of one row of a placement file. */
export interface PlacementError {
  line: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export type DebtorMatch = z.infer<typeof debtorMatchSchema>;
export type DebtorCard = DebtorMatch['debtor'];
export type DebtorMatchStatus = DebtorMatch['status'];
export type DebtorMatchDecision = 'same_person' | 'different_people';

/** A household budget as the agent enters it, and its computed capacity (types from the route schemas). */
export type BudgetInput = z.input<typeof assessmentBody>;
export type CapacityResult = z.infer<typeof capacityResultSchema>;
export type BudgetVersion = z.infer<typeof assessmentVersionSchema>;
