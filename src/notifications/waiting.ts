import { sql, type Kysely } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { withinScope } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { instantAt, localDateOf } from '../platform/calendar/index.js';
import { CERTIFICATION_KINDS } from '../training/core/catalogue.js';
import { bestOf } from '../training/core/certification.js';
import { heldCertifications, policyInForceOn } from '../training/training-facts.js';
import type { Notifications, NotificationView } from './contract.js';
import {
  mergeWaiting,
  NOTIFICATION_LIST_MAX,
  sourcesFor,
  type NotificationKind,
  type NotificationSource,
} from './core/sources.js';

interface Item {
  kind: NotificationKind;
  id: string;
  at: Date;
  caseId: string | null;
  caseReference: string | null;
  subject: string | null;
  taskKind: string | null;
}
type Group = { total: number; items: Item[] };
type Reader = (db: Kysely<DB>, actor: Actor, now: Date) => Promise<Group>;

/** Every row counted by the window, whatever the limit (one query a source). */
const totalOver = sql<number>`count(*) over ()`.as('total');

function group(rows: ({ total: number } & Item)[]): Group {
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(({ total: _total, ...item }) => item) };
}

const READERS: Record<Exclude<NotificationSource, 'certifications'>, Reader> = {
  // Four eyes: a plan's approval waits for someone other than the one who asked for it.
  plan_approvals: async (db, actor) =>
    group(
      await db
        .selectFrom('plan_approvals as a')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .innerJoin('cases as c', 'c.id', 'p.case_id')
        .select([
          sql.lit<NotificationKind>('plan_approval').as('kind'),
          'a.id',
          'a.requested_at as at',
          'c.id as caseId',
          'c.reference as caseReference',
          sql<null>`null`.as('subject'),
          sql<null>`null`.as('taskKind'),
          totalOver,
        ])
        .where('a.status', '=', 'pending')
        .where((eb) => eb.or([eb('a.requested_by', 'is', null), eb('a.requested_by', '!=', actor.userId)]))
        .where(withinScope(actor, 'c.creditor_id'))
        .orderBy('a.requested_at')
        .limit(NOTIFICATION_LIST_MAX)
        .execute(),
    ),
  access_requests: async (db, actor) =>
    group(
      await db
        .selectFrom('user_access_requests as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select([
          sql<NotificationKind>`'access_' || r.kind`.as('kind'),
          'r.id',
          'r.requested_at as at',
          sql<null>`null`.as('caseId'),
          sql<null>`null`.as('caseReference'),
          'u.display_name as subject',
          sql<null>`null`.as('taskKind'),
          totalOver,
        ])
        .where('r.status', '=', 'pending')
        .where('r.requested_by', '!=', actor.userId)
        .orderBy('r.requested_at')
        .limit(NOTIFICATION_LIST_MAX)
        .execute(),
    ),
  case_reviews: async (db, actor) =>
    group(
      await db
        .selectFrom('case_reviews as v')
        .innerJoin('cases as c', 'c.id', 'v.case_id')
        .select([
          sql<NotificationKind>`'review_' || v.kind`.as('kind'),
          'v.id',
          'v.opened_at as at',
          'c.id as caseId',
          'c.reference as caseReference',
          sql<null>`null`.as('subject'),
          sql<null>`null`.as('taskKind'),
          totalOver,
        ])
        .where('v.status', '=', 'open')
        .where(withinScope(actor, 'c.creditor_id'))
        .orderBy('v.opened_at')
        .limit(NOTIFICATION_LIST_MAX)
        .execute(),
    ),
  // The team's work that is due: callbacks the debtor asked for, and follow-up tasks (a dispute to answer…).
  team_work: async (db, actor, now) => {
    const user = await db.selectFrom('users').select('team_id').where('id', '=', actor.userId).executeTakeFirst();
    const teamId = user?.team_id;
    if (!teamId) return { total: 0, items: [] };
    const [callbacks, tasks] = await Promise.all([
      db
        .selectFrom('contact_callbacks as b')
        .innerJoin('cases as c', 'c.id', 'b.case_id')
        .select([
          sql.lit<NotificationKind>('callback_due').as('kind'),
          'b.id',
          'b.callback_at as at',
          'c.id as caseId',
          'c.reference as caseReference',
          sql<null>`null`.as('subject'),
          sql<null>`null`.as('taskKind'),
          totalOver,
        ])
        .where('b.status', '=', 'pending')
        .where('b.callback_at', '<=', now)
        .where((eb) => eb.or([eb('c.assigned_user_id', '=', actor.userId), eb('c.assigned_team_id', '=', teamId)]))
        .orderBy('b.callback_at')
        .limit(NOTIFICATION_LIST_MAX)
        .execute(),
      db
        .selectFrom('case_tasks as t')
        .innerJoin('cases as c', 'c.id', 't.case_id')
        .select([
          sql.lit<NotificationKind>('task_due').as('kind'),
          't.id',
          't.due_at as at',
          'c.id as caseId',
          'c.reference as caseReference',
          sql<null>`null`.as('subject'),
          't.kind as taskKind',
          totalOver,
        ])
        .where('t.status', '=', 'open')
        .where('t.due_at', '<=', now)
        .where('t.team_id', '=', teamId)
        .orderBy('t.due_at')
        .limit(NOTIFICATION_LIST_MAX)
        .execute(),
    ]);
    return mergeWaiting([group(callbacks), group(tasks)]);
  },
  partner_reports: async (db, actor) =>
    group(
      await db
        .selectFrom('judicial_partner_reports as r')
        .innerJoin('cases as c', 'c.id', 'r.case_id')
        .innerJoin('judicial_partners as p', 'p.id', 'r.partner_id')
        .select([
          sql.lit<NotificationKind>('partner_report').as('kind'),
          'r.id',
          'r.received_at as at',
          'c.id as caseId',
          'c.reference as caseReference',
          'p.firm_name as subject',
          sql<null>`null`.as('taskKind'),
          totalOver,
        ])
        .where('r.status', '=', 'pending')
        .where(withinScope(actor, 'c.creditor_id'))
        .orderBy('r.received_at')
        .limit(NOTIFICATION_LIST_MAX)
        .execute(),
    ),
};

/**
 * The reader's certifications that end within the notice (training/core: EXPIRY_NOTICE_DAYS) or were earned on an
 * older contact policy: each waits until the day it stops counting, named by its kind.
 */
async function certificationsEnding(db: Kysely<DB>, actor: Actor, now: Date, zone: string): Promise<Group> {
  const [held, policy] = await Promise.all([
    heldCertifications(db, [actor.userId], zone),
    policyInForceOn(db, now, zone),
  ]);
  const today = localDateOf(now, zone);
  const items: Item[] = [];
  for (const kind of CERTIFICATION_KINDS) {
    const best = bestOf(held.get(actor.userId) ?? [], kind, today, policy);
    if (!best || (best.status !== 'expiring' && best.status !== 'stale')) continue;
    items.push({
      kind: best.status === 'stale' ? 'certification_stale' : 'certification_expiring',
      id: kind,
      at: instantAt(best.countsUntil, zone),
      caseId: null,
      caseReference: null,
      subject: kind,
      taskKind: null,
    });
  }
  return { total: items.length, items };
}

/**
 * What is waiting for the reader, from the tables where the work lives (no state of its own): what their role may
 * act on, in their creditor scope, counted whole, the oldest first.
 */
export async function waitingFor(deps: Deps, actor: Actor): Promise<Notifications> {
  const now = deps.now();
  const groups = await Promise.all(
    sourcesFor(actor.role).map((source) =>
      source === 'certifications'
        ? certificationsEnding(deps.db, actor, now, deps.config.AGENCY_TZ)
        : READERS[source](deps.db, actor, now),
    ),
  );
  const merged = mergeWaiting(groups);
  return {
    total: merged.total,
    items: merged.items.map((item): NotificationView => ({ ...item, at: item.at.toISOString() })),
  };
}
