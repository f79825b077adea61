import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { CARE_SEGMENT_NAME, restrictQueueReasons, type QueueReason } from '../need-to-know/core/care-rule.js';
import { careAccessByDebtor } from '../need-to-know/decisions.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { DB } from '../platform/db/schema.js';
import { TIER_NAMES } from './core/queue-entry.js';
import { isCareSegment } from './core/segment.js';
import type { Segment } from './core/strategy-document.js';
import type { QueueEntryView } from './contract.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Queue entries as the API gives them to this reader, in the order of `caseIds`. Need-to-know (GDPR art. 9): what
 * names a vulnerability (a care hold's refusal, a segment that selects by it) is read in neutral words by anyone
 * without need-to-know of that debtor.
 */
export async function queueEntryViews(
  db: Db,
  caseIds: readonly string[],
  reader: { actor: Actor; now: Date },
): Promise<QueueEntryView[]> {
  if (caseIds.length === 0) return [];
  const rows = await queueRows(db, caseIds);
  const byId = new Map(rows.map((row) => [row.case_id, row]));
  const language = reader.actor.locale;
  const segmentOf = (row: QueueRow) =>
    (row.document as { segments: Pick<Segment, 'id' | 'name' | 'when'>[] }).segments.find(
      (candidate) => candidate.id === row.segment_id,
    );
  const isSensitive = (row: QueueRow) =>
    storedReasons(row).some((reason) => reason.restricted !== undefined) ||
    (segmentOf(row) !== undefined && isCareSegment(segmentOf(row)!));
  const mayKnow = await careAccessByDebtor(
    db,
    reader.actor,
    rows.filter(isSensitive).map((row) => row.debtor_id),
    reader.now,
  );
  return caseIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const segment = segmentOf(row);
    const stored = storedReasons(row);
    const full = !isSensitive(row) || mayKnow(row.debtor_id);
    const reasons = full ? stored : restrictQueueReasons(stored);
    const segmentName =
      segment === undefined
        ? row.segment_id
        : !full && isCareSegment(segment)
          ? CARE_SEGMENT_NAME[language]
          : segment.name;
    return [
      entryView(
        row,
        segmentName,
        reasons.map((reason) => reason[language]),
      ),
    ];
  });
}

type QueueRow = Awaited<ReturnType<typeof queueRows>>[number];

const storedReasons = (row: QueueRow) => (row.reasons ?? []) as QueueReason[];

/**
 * The queue rows of the cases, with their case, debtor, creditor, team, strategy, explanation and the users named on
 * them. (An explanation the nightly rebuild removed at the moment a refresh named it again is stored again by the
 * rebuild's batch of that debtor: until then the entry shows no reason.)
 */
function queueRows(db: Db, caseIds: readonly string[]) {
  return db
    .selectFrom('case_queue as q')
    .innerJoin('cases as c', 'c.id', 'q.case_id')
    .innerJoin('debtors as d', 'd.id', 'q.debtor_id')
    .innerJoin('creditors as cr', 'cr.id', 'q.creditor_id')
    .innerJoin('strategy_versions as s', 's.version', 'q.strategy_version')
    .leftJoin('teams as t', 't.id', 'q.team_id')
    .leftJoin('users as lu', 'lu.id', 'q.leased_by')
    .leftJoin('users as au', 'au.id', 'q.assigned_user_id')
    .leftJoin('queue_explanations as e', 'e.key', 'q.explanation')
    .select([
      'q.case_id',
      'q.debtor_id',
      'c.reference',
      'c.balance_cents',
      'c.currency',
      'cr.name as creditor_name',
      'd.kind as debtor_kind',
      'd.first_name',
      'd.last_name',
      'd.company_name',
      'd.title',
      'q.team_id',
      't.name as team_name',
      'q.segment_id',
      's.document',
      'q.arm',
      'q.strategy_version',
      'q.tier',
      'q.priority',
      'q.channels',
      'e.reasons',
      'q.callable_from',
      'q.paused',
      'q.assigned_user_id',
      'au.display_name as assigned_name',
      'q.leased_by',
      'lu.display_name as leased_name',
      'q.lease_until',
    ])
    .where('q.case_id', 'in', caseIds as string[])
    .execute();
}

/** One entry as the API gives it, with the segment's name and the reasons this reader may read. */
function entryView(row: QueueRow, segmentName: string, reasons: string[]): QueueEntryView {
  return {
    caseId: row.case_id,
    reference: row.reference,
    debtorName: debtorName({
      kind: row.debtor_kind,
      first_name: row.first_name,
      last_name: row.last_name,
      company_name: row.company_name,
    }),
    creditorName: row.creditor_name,
    balanceCents: Number(row.balance_cents),
    currency: row.currency,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    segment: { id: row.segment_id, name: segmentName },
    arm: row.arm,
    strategyVersion: row.strategy_version,
    tier: TIER_NAMES[row.tier] ?? 'standard',
    priority: row.priority,
    channels: row.channels as QueueEntryView['channels'],
    reasons,
    callableFrom: row.callable_from?.toISOString() ?? null,
    paused: row.paused,
    assignedUser: row.assigned_user_id ? { id: row.assigned_user_id, name: row.assigned_name ?? '' } : null,
    lease:
      row.leased_by && row.lease_until
        ? { userId: row.leased_by, userName: row.leased_name ?? '', until: row.lease_until.toISOString() }
        : null,
  };
}
