import { sql } from 'kysely';
import { withinScope } from '../cases/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { addDays, agencyToday, DAY_MS } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { assertSpecialistCertified } from '../training/training-facts.js';
import type { CareQueue, CareQueueQuery } from './contract.js';
import { CARE_QUEUE_KINDS, type CareQueueKind } from './core/vocabulary.js';

/** A record is new to the care team for this long, until a care specialist has been in contact. */
export const NEW_RECORD_DAYS = 14;
/** Reviews and referral follow-ups show this many days before they are due. */
export const DUE_SOON_DAYS = 7;

interface QueueRow {
  kind: CareQueueKind;
  item_id: string;
  debtor_id: string;
  kind_of_debtor: string;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  case_id: string | null;
  reference: string | null;
  due_on: string;
  total: number;
}

/**
 * The care team's queue, set-based in one statement: new records (the last 14 days, no care specialist's contact
 * since), reviews due or due within 7 days, open signals, and referrals to follow up within 7 days; each with the
 * debtor's name, a case of the debtor in the reader's scope (the item's own case when it has one), its due day and its
 * kind, ordered by due day then kind, case reference and id; and the count of each kind.
 */
export async function careQueue(deps: Deps, actor: Actor, query: CareQueueQuery): Promise<CareQueue> {
  // A care specialist takes cases from this queue only while certified (training/); a team leader reading it supervises.
  await assertSpecialistCertified(deps, actor, 'care');
  const now = deps.now();
  const zone = deps.config.AGENCY_TZ;
  const soon = addDays(agencyToday(now, deps.config), DUE_SOON_DAYS);
  const since = new Date(now.getTime() - NEW_RECORD_DAYS * DAY_MS);
  const scoped = creditorScope(actor) !== null;
  const placed = sql`
    with items as (
      select 'new_record'::text as kind, v.id as item_id, v.debtor_id, null::uuid as case_id,
        (v.recorded_at at time zone ${zone})::date as due_on
      from vulnerabilities v
      where v.status <> 'ended' and v.recorded_at >= ${since}
        and not exists (
          select 1 from contacts ct join users u on u.id = ct.recorded_by
          where ct.debtor_id = v.debtor_id and ct.recorded_at >= v.recorded_at and u.role = 'care_specialist')
      union all
      select 'review_due', v.id, v.debtor_id, null::uuid, v.review_on
      from vulnerabilities v
      where v.status = 'review_due' or (v.status = 'active' and v.review_on <= ${soon}::date)
      union all
      select 'signal', s.id, s.debtor_id, s.case_id, (s.detected_at at time zone ${zone})::date
      from vulnerability_signals s where s.status = 'open'
      union all
      select 'referral_follow_up', r.id, r.debtor_id, r.case_id, r.follow_up_on
      from care_referrals r where r.status <> 'closed' and r.follow_up_on <= ${soon}::date
    )
    select i.kind, i.item_id, i.debtor_id, i.due_on::text as due_on, k.id as case_id, k.reference,
      d.kind as kind_of_debtor, d.first_name, d.last_name, d.company_name
    from items i
    join debtors d on d.id = i.debtor_id
    left join lateral (
      select c.id, c.reference from cases c
      where c.debtor_id = i.debtor_id and (i.case_id is null or c.id = i.case_id) and ${withinScope(actor, 'c.creditor_id')}
      order by (c.status = 'closed'), c.opened_on desc, c.reference
      limit 1
    ) k on true
    where ${!scoped} or k.id is not null`;
  const kind = query.kind ?? null;
  const rows = await sql<QueueRow>`
    with placed as (${placed})
    select p.*, count(*) over ()::int as total from placed p
    where ${kind}::text is null or p.kind = ${kind}
    order by p.due_on, p.kind, p.reference nulls last, p.item_id
    limit ${query.limit} offset ${query.offset}`.execute(deps.db);
  const counted = await sql<{ kind: CareQueueKind; count: number }>`
    with placed as (${placed}) select kind, count(*)::int as count from placed group by kind`.execute(deps.db);
  const counts = Object.fromEntries(CARE_QUEUE_KINDS.map((each) => [each, 0])) as Record<CareQueueKind, number>;
  for (const row of counted.rows) counts[row.kind] = Number(row.count);
  const total = rows.rows[0]?.total ?? (query.offset === 0 ? 0 : kind ? counts[kind] : sum(counts));
  return {
    items: rows.rows.map((row) => ({
      kind: row.kind,
      itemId: row.item_id,
      debtorId: row.debtor_id,
      debtorName: debtorName({ ...row, kind: row.kind_of_debtor }),
      caseId: row.case_id,
      caseReference: row.reference,
      dueOn: row.due_on,
    })),
    total: Number(total),
    counts,
  };
}

function sum(counts: Record<CareQueueKind, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}
