import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { computeCapacity, referenceInForce, type Assessment, type CapacityResult } from './core/index.js';
import { loadReferenceData } from './reference-data.js';
import { needToKnow, readBasis, recordSensitiveRead } from '../need-to-know/access.js';
import type { NeedToKnowBasis } from '../need-to-know/core/need-to-know.js';
import { restrictAssessment, restrictResultLines } from '../need-to-know/core/projection.js';

/** Computes a budget's capacity with the reference data on file, saving nothing. */
export async function computeAssessment(deps: Deps, assessment: Assessment): Promise<CapacityResult> {
  const reference = referenceInForce(await loadReferenceData(deps.db), assessment.date);
  return computeCapacity(assessment, reference);
}

export interface AssessmentVersion {
  id: string;
  debtorId: string;
  version: number;
  date: string;
  input: Assessment;
  result: CapacityResult;
  recordedBy: { id: string; displayName: string } | null;
  /** Recorded by an agent, or declared by the debtor on the portal. */
  source: 'agent' | 'portal';
  recordedAt: string;
}

/**
 * A debtor visible to the actor: a creditor user sees a debtor only through a case of its creditor; outside the
 * scope the answer is 404, like a missing record.
 */
async function visibleDebtor(db: Kysely<DB> | Transaction<DB>, actor: Actor, debtorId: string, lock = false) {
  const scope = creditorScope(actor);
  let query = db.selectFrom('debtors').select(['id', 'merged_into']).where('id', '=', debtorId);
  if (scope !== null) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cases')
          .select(sql.lit(1).as('one'))
          .whereRef('cases.debtor_id', '=', 'debtors.id')
          .where('cases.creditor_id', '=', scope),
      ),
    );
  }
  const debtor = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!debtor) throw notFound('The debtor');
  return debtor;
}

export interface BudgetAccess {
  /** full: every line; restricted: special-category lines masked (see need-to-know/core). */
  level: 'full' | 'restricted';
  basis: NeedToKnowBasis | null;
  /** For a restricted reader: whether stating a reason (`?reason=`) would show the masked lines. */
  reasonAccepted: boolean;
  restrictedLines: number;
}

/**
 * The debtor's budgets as the actor may read them, newest version first: in full for the care team, compliance, the
 * worker who holds one of the debtor's cases now, or a team leader or manager who states a reason; otherwise with the
 * health lines masked (totals and capacity unchanged). Every read that returns a budget is recorded.
 */
export async function readAssessments(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  reason: string | null | undefined,
  requestId: string | null,
): Promise<{ items: AssessmentVersion[]; access: BudgetAccess }> {
  await visibleDebtor(deps.db, actor, debtorId);
  const decision = await needToKnow(deps, actor, debtorId, reason);
  const versions = await loadVersions(deps, debtorId);
  let restrictedLines = 0;
  const items =
    decision.access === 'full'
      ? versions
      : versions.map((version) => {
          const restricted = restrictAssessment(version.input);
          restrictedLines += restricted.restrictedLines;
          return { ...version, input: restricted.input as Assessment, result: restrictResultLines(version.result) };
        });
  if (items.length > 0) {
    await recordSensitiveRead(deps, {
      actor,
      debtorId,
      caseId: null,
      subject: 'budget',
      basis: readBasis(decision),
      reason: reason?.trim() ?? null,
      requestId,
    });
  }
  const access: BudgetAccess =
    decision.access === 'full'
      ? { level: 'full', basis: decision.basis, reasonAccepted: false, restrictedLines: 0 }
      : { level: 'restricted', basis: null, reasonAccepted: decision.reasonAccepted, restrictedLines };
  return { items, access };
}

async function loadVersions(deps: Deps, debtorId: string): Promise<AssessmentVersion[]> {
  const rows = await deps.db
    .selectFrom('debtor_assessments')
    .leftJoin('users', 'users.id', 'debtor_assessments.recorded_by')
    .selectAll('debtor_assessments')
    .select('users.display_name')
    .where('debtor_id', '=', debtorId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    debtorId: r.debtor_id,
    version: r.version,
    date: r.assessed_on,
    input: r.input as Assessment,
    result: r.result as CapacityResult,
    // A budget the person declared on the portal has no staff author.
    recordedBy: r.recorded_by === null ? null : { id: r.recorded_by, displayName: r.display_name ?? '' },
    source: r.source as 'agent' | 'portal',
    recordedAt: new Date(r.recorded_at).toISOString(),
  }));
}

/** Who records a budget: an agent (the author of the version), or the debtor on the portal (no staff author). */
export interface BudgetAuthor {
  userId: string | null;
  source: 'agent' | 'portal';
  /** Who the trail names, and what: an agent's record, or the person's own declaration. */
  audit: {
    actor: AuditActor;
    action: 'debtor_assessment.recorded' | 'portal.budget_declared';
  };
}

/**
 * Records a budget as the debtor's next version (never overwriting one), with the result computed now from the
 * reference data in force at its date. The debtor's total open balance is the debt the 84-month check uses.
 * One transaction: the debtor row is locked so two agents saving at once get versions n and n + 1.
 */
export async function recordAssessment(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  input: Assessment,
  requestId: string | null,
): Promise<AssessmentVersion> {
  const at = deps.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    await visibleDebtor(trx, actor, debtorId, true);
    const author: BudgetAuthor = {
      userId: actor.userId,
      source: 'agent',
      audit: { actor: auditActor(actor), action: 'debtor_assessment.recorded' },
    };
    return (await recordAssessmentIn(trx, author, debtorId, input, { at, requestId })).id;
  });
  // The recorder gets back what they entered, in full; it is not a read of someone else's record.
  const saved = (await loadVersions(deps, debtorId)).find((a) => a.id === id);
  return saved!;
}

/**
 * Writes the debtor's next budget version in the caller's transaction, the debtor row locked: computed with the
 * reference data in force at its date, the debtor's open balance as its debt, audited. The agent's path and the
 * portal's (the person's own declaration) both write through here.
 */
export async function recordAssessmentIn(
  trx: Transaction<DB>,
  author: BudgetAuthor,
  debtorId: string,
  input: Assessment,
  context: { at: Date; requestId: string | null },
): Promise<{ id: string; version: number; result: CapacityResult }> {
  const { at, requestId } = context;
  const debtor = await trx
    .selectFrom('debtors')
    .select(['id', 'merged_into'])
    .where('id', '=', debtorId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (debtor.merged_into !== null) {
    throw conflict(
      'affordability.debtor_merged',
      'This debtor record was merged into another one: record the budget on the surviving record.',
      {
        mergedInto: debtor.merged_into,
      },
    );
  }
  const owed = await trx
    .selectFrom('cases')
    .select(sql<string>`coalesce(sum(balance_cents), 0)`.as('total'))
    .where('debtor_id', '=', debtorId)
    .where('status', '<>', 'closed')
    .executeTakeFirstOrThrow();
  const assessment: Assessment = { ...input, debtCents: Number(owed.total) };
  const result = computeCapacity(assessment, referenceInForce(await loadReferenceData(trx), assessment.date));
  const last = await trx
    .selectFrom('debtor_assessments')
    .select(sql<number>`coalesce(max(version), 0)`.as('version'))
    .where('debtor_id', '=', debtorId)
    .executeTakeFirstOrThrow();
  const version = Number(last.version) + 1;
  const inserted = await trx
    .insertInto('debtor_assessments')
    .values({
      debtor_id: debtorId,
      version,
      assessed_on: assessment.date,
      input: JSON.stringify(assessment),
      result: JSON.stringify(result),
      capacity_cents: result.capacityCents,
      binding_constraint: result.bindingConstraint,
      recorded_by: author.userId,
      source: author.source,
      recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    ...author.audit,
    targetType: 'debtor',
    targetId: debtorId,
    after: {
      assessmentId: inserted.id,
      version,
      date: assessment.date,
      capacityCents: result.capacityCents,
      bindingConstraint: result.bindingConstraint,
      flags: result.flags,
      source: author.source,
    },
    requestId,
    at,
  });
  return { id: inserted.id, version, result };
}
