import type { Kysely, Transaction } from 'kysely';
import type { Message } from '../affordability/core/types.js';
import { debtorName } from '../portfolio/cases.js';
import type { DB, Locale } from '../platform/db/schema.js';
import { TIER_NAMES } from './core/queue-entry.js';
import type { QueueEntryView } from './schemas.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Queue entries as the API gives them, in the order of `caseIds`. */
export async function queueEntryViews(db: Db, caseIds: readonly string[], locale: Locale): Promise<QueueEntryView[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('case_queue as q')
    .innerJoin('cases as c', 'c.id', 'q.case_id')
    .innerJoin('debtors as d', 'd.id', 'q.debtor_id')
    .innerJoin('creditors as cr', 'cr.id', 'q.creditor_id')
    .innerJoin('strategy_versions as s', 's.version', 'q.strategy_version')
    .leftJoin('teams as t', 't.id', 'q.team_id')
    .leftJoin('users as lu', 'lu.id', 'q.leased_by')
    .leftJoin('users as au', 'au.id', 'q.assigned_user_id')
    .select([
      'q.case_id', 'c.reference', 'c.balance_cents', 'c.currency', 'cr.name as creditor_name',
      'd.kind as debtor_kind', 'd.first_name', 'd.last_name', 'd.company_name', 'd.title',
      'q.team_id', 't.name as team_name', 'q.segment_id', 's.document', 'q.arm', 'q.strategy_version', 'q.tier', 'q.priority',
      'q.channels', 'q.reasons', 'q.callable_from', 'q.paused', 'q.assigned_user_id', 'au.display_name as assigned_name',
      'q.leased_by', 'lu.display_name as leased_name', 'q.lease_until',
    ])
    .where('q.case_id', 'in', caseIds as string[])
    .execute();
  const byId = new Map(rows.map((row) => [row.case_id, row]));
  return caseIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const segments = (row.document as { segments: { id: string; name: string }[] }).segments;
    const language = locale;
    return [
      {
        caseId: row.case_id,
        reference: row.reference,
        debtorName: debtorName({ kind: row.debtor_kind, first_name: row.first_name, last_name: row.last_name, company_name: row.company_name }),
        creditorName: row.creditor_name,
        balanceCents: Number(row.balance_cents),
        currency: row.currency,
        team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
        segment: { id: row.segment_id, name: segments.find((segment) => segment.id === row.segment_id)?.name ?? row.segment_id },
        arm: row.arm,
        strategyVersion: row.strategy_version,
        tier: TIER_NAMES[row.tier] ?? 'standard',
        priority: row.priority,
        channels: row.channels as QueueEntryView['channels'],
        reasons: (row.reasons as Message[]).map((reason) => reason[language]),
        callableFrom: row.callable_from?.toISOString() ?? null,
        paused: row.paused,
        assignedUser: row.assigned_user_id ? { id: row.assigned_user_id, name: row.assigned_name ?? '' } : null,
        lease: row.leased_by && row.lease_until ? { userId: row.leased_by, userName: row.leased_name ?? '', until: row.lease_until.toISOString() } : null,
      },
    ];
  });
}
