import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { PlanView } from './contract.js';
import { reasonView, versionReasonView } from './core/event-reasons.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();

/** Plans with their whole history, newest first: `where` picks them by id or by case. */
export async function loadPlans(db: Db, where: { planId: string } | { caseId: string }): Promise<PlanView[]> {
  let query = db.selectFrom('plans').selectAll().orderBy('created_at', 'desc');
  query = 'planId' in where ? query.where('id', '=', where.planId) : query.where('case_id', '=', where.caseId);
  const plans = await query.execute();
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);
  const [versions, instalments, events, approvals] = await Promise.all([
    db
      .selectFrom('plan_versions')
      .leftJoin('users', 'users.id', 'plan_versions.created_by')
      .selectAll('plan_versions')
      .select('users.display_name')
      .where('plan_id', 'in', ids)
      .orderBy('version', 'desc')
      .execute(),
    db.selectFrom('plan_instalments').selectAll().where('plan_id', 'in', ids).orderBy('number').execute(),
    db
      .selectFrom('plan_events')
      .leftJoin('users', 'users.id', 'plan_events.actor_user_id')
      .selectAll('plan_events')
      .select('users.display_name')
      .where('plan_id', 'in', ids)
      .orderBy('plan_events.seq')
      .execute(),
    db
      .selectFrom('plan_approvals')
      .leftJoin('users', 'users.id', 'plan_approvals.decided_by')
      .selectAll('plan_approvals')
      .select('users.display_name')
      .where('plan_id', 'in', ids)
      .orderBy('version')
      .execute(),
  ]);
  return plans.map((p) => ({
    id: p.id,
    caseId: p.case_id,
    debtorId: p.debtor_id,
    status: p.status,
    currentVersion: p.current_version,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
    versions: versions
      .filter((v) => v.plan_id === p.id)
      .map((v) => ({
        version: v.version,
        kind: v.kind,
        ...versionReasonView(v.reason),
        balanceCents: Number(v.balance_cents),
        agreedCents: Number(v.agreed_cents),
        discountCents: Number(v.discount_cents),
        capacityCents: Number(v.capacity_cents),
        assessmentId: v.assessment_id,
        approvalReasons: v.approval_reasons,
        knowinglyAboveCapacity: v.knowingly_above_capacity,
        createdBy: v.display_name,
        createdAt: iso(v.created_at),
        instalments: instalments
          .filter((i) => i.plan_version_id === v.id)
          .map((i) => ({
            number: i.number,
            dueOn: i.due_on,
            amountCents: Number(i.amount_cents),
            status: i.status,
            paidOn: i.paid_on,
          })),
      })),
    events: events
      .filter((e) => e.plan_id === p.id)
      .map((e) => ({
        version: e.version,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        ...reasonView(e),
        actor: e.display_name,
        occurredAt: iso(e.occurred_at),
      })),
    approvals: approvals
      .filter((a) => a.plan_id === p.id)
      .map((a) => ({
        id: a.id,
        version: a.version,
        reasons: a.reasons,
        status: a.status,
        decidedBy: a.display_name,
        decidedAt: a.decided_at ? iso(a.decided_at) : null,
        decisionReason: a.decision_reason,
      })),
  }));
}

export async function loadPlan(db: Db, planId: string): Promise<PlanView> {
  const [plan] = await loadPlans(db, { planId });
  if (!plan) throw notFound('The plan');
  return plan;
}
