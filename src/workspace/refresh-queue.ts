import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Message } from '../platform/message.js';
import { decideContact } from '../contact-policy/core/decide.js';
import type { CompiledPolicy } from '../contact-policy/core/compile.js';
import { loadContactFactsMany } from '../contact-policy/load-facts.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import type { DB } from '../platform/db/schema.js';
import { careRuleReason, isCareRuleId, type QueueReason } from '../need-to-know/core/care-rule.js';
import { queueEntry, type PhoneVerdict, type SegmentControl } from './core/queue-entry.js';
import { loadQueueFacts } from './queue-facts.js';
import { segmentControls, strategyInForce, type StrategyVersion } from './strategy-store.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface RefreshContext {
  strategy: StrategyVersion;
  controls: ReadonlyMap<string, SegmentControl>;
  policy: CompiledPolicy;
  teams: { id: string; kind: string; name: string }[];
  now: Date;
}

export async function refreshContext(db: Db, now: Date): Promise<RefreshContext> {
  const [strategy, controls, policy, teams] = await Promise.all([
    strategyInForce(db),
    segmentControls(db),
    policyInForce(db, now),
    db.selectFrom('teams').select(['id', 'kind', 'name']).orderBy('name').execute(),
  ]);
  return { strategy, controls, policy, teams, now };
}

/** The policy's answer about a phone call now, with its first reason in words for the queue's explanation. */
export function phoneVerdict(
  policy: CompiledPolicy,
  facts: Parameters<typeof decideContact>[1],
  now: number,
): PhoneVerdict {
  const decision = decideContact(policy, facts, 'phone', now);
  const first = decision.reasons[0];
  const refused = (text: { fr: string; en: string; it?: string }): Message => ({
    fr: `Appel refusé par la politique de contact : ${text.fr}`,
    en: `Call refused by the contact policy: ${text.en}`,
    it: `Chiamata rifiutata dalla politica di contatto: ${text.it ?? text.en}`,
  });
  let reason: QueueReason | null = null;
  if (first) {
    reason = refused(first);
    // A care hold's reason names it: the neutral words are kept beside it for readers without need-to-know.
    if (isCareRuleId(first.rule))
      reason.restricted = refused(careRuleReason(first.until === null ? null : new Date(first.until).toISOString()));
  }
  return { allowed: decision.allowed, nextAllowedAt: decision.nextAllowedAt, reason };
}

/**
 * Recomputes the queue entries of some cases from their facts: segment and arm, team, tier, priority, the next moment
 * a call is allowed. Leases and a team leader's choices (a pinned team, an agent) are kept. Entries of closed cases
 * are removed. Every change of segment or arm is written to `strategy_assignments`.
 */
export async function refreshQueueEntries(
  db: Db,
  caseIds: readonly string[],
  context: RefreshContext,
): Promise<number> {
  if (caseIds.length === 0) return 0;
  const { strategy, controls, policy, teams, now } = context;
  const loaded = await loadQueueFacts(db, caseIds, now);
  const open = loaded.filter((entry) => entry.status !== 'closed');
  const openIds = new Set(open.map((entry) => entry.facts.caseId));
  const gone = caseIds.filter((id) => !openIds.has(id));
  if (gone.length > 0) await db.deleteFrom('case_queue').where('case_id', 'in', gone).execute();
  if (open.length === 0) return 0;

  const [contactFacts, existing] = await Promise.all([
    loadContactFactsMany(
      db,
      policy,
      open.map((entry) => ({ debtorId: entry.debtorId, caseId: entry.facts.caseId })),
      now,
    ),
    db
      .selectFrom('case_queue')
      .select(['case_id', 'team_id', 'team_pinned', 'segment_id', 'arm', 'strategy_version'])
      .where('case_id', 'in', [...openIds])
      .execute(),
  ]);
  const previous = new Map(existing.map((row) => [row.case_id, row]));
  const teamKind = new Map(teams.map((team) => [team.id, team.kind]));
  const nowMs = now.getTime();
  const rows: Insertable<DB['case_queue']>[] = [];
  const assignments: Insertable<DB['strategy_assignments']>[] = [];
  const teamMoves = new Map<string, string[]>();
  for (const entry of open) {
    const caseId = entry.facts.caseId;
    const facts = contactFacts.get(caseId);
    const verdict: PhoneVerdict = facts
      ? phoneVerdict(policy, facts, nowMs)
      : { allowed: false, nextAllowedAt: null, reason: null };
    const computed = queueEntry(strategy.document, controls, entry.facts, verdict, nowMs, {
      callbackToleranceMs: policy.callback.toleranceMs,
    });
    const before = previous.get(caseId);
    const teamId = queueTeam(before, entry.assignedTeamId, computed.teamKind, { teams, teamKind });
    if (teamId !== null && teamId !== entry.assignedTeamId)
      teamMoves.set(teamId, [...(teamMoves.get(teamId) ?? []), caseId]);
    rows.push({
      case_id: caseId,
      debtor_id: entry.debtorId,
      creditor_id: entry.creditorId,
      team_id: teamId,
      strategy_version: strategy.version,
      segment_id: computed.segmentId,
      arm: computed.arm,
      channels: computed.channels,
      tier: computed.tier,
      priority: computed.priority,
      reasons: JSON.stringify(computed.reasons),
      callable_from: computed.callableFrom === null ? null : new Date(computed.callableFrom),
      paused: computed.paused,
      refreshed_at: now,
    });
    if (
      !before ||
      before.segment_id !== computed.segmentId ||
      before.arm !== computed.arm ||
      before.strategy_version !== strategy.version
    ) {
      assignments.push({
        case_id: caseId,
        strategy_version: strategy.version,
        segment_id: computed.segmentId,
        arm: computed.arm,
        assigned_at: now,
      });
    }
  }
  await writeQueue(db, rows, assignments, teamMoves);
  return rows.length;
}

/**
 * The team that works a case: a team a team leader pinned stays; else the case's own team when it is of the kind the
 * strategy asks for; else the first team of that kind (none when the agency has none).
 */
function queueTeam(
  before: { team_id: string | null; team_pinned: boolean } | undefined,
  assignedTeamId: string | null,
  kind: string,
  agency: { teams: RefreshContext['teams']; teamKind: ReadonlyMap<string, string> },
): string | null {
  if (before?.team_pinned) return before.team_id;
  if (assignedTeamId !== null && agency.teamKind.get(assignedTeamId) === kind) return assignedTeamId;
  return agency.teams.find((team) => team.kind === kind)?.id ?? null;
}

/** Writes the entries (over the previous ones), the changes of segment or arm, and the cases' new teams. */
async function writeQueue(
  db: Db,
  rows: Insertable<DB['case_queue']>[],
  assignments: Insertable<DB['strategy_assignments']>[],
  teamMoves: ReadonlyMap<string, string[]>,
): Promise<void> {
  await db
    .insertInto('case_queue')
    .values(rows)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet((eb) => ({
        debtor_id: eb.ref('excluded.debtor_id'),
        creditor_id: eb.ref('excluded.creditor_id'),
        team_id: eb.ref('excluded.team_id'),
        strategy_version: eb.ref('excluded.strategy_version'),
        segment_id: eb.ref('excluded.segment_id'),
        arm: eb.ref('excluded.arm'),
        channels: eb.ref('excluded.channels'),
        tier: eb.ref('excluded.tier'),
        priority: eb.ref('excluded.priority'),
        reasons: eb.ref('excluded.reasons'),
        callable_from: eb.ref('excluded.callable_from'),
        paused: eb.ref('excluded.paused'),
        refreshed_at: eb.ref('excluded.refreshed_at'),
      })),
    )
    .execute();
  if (assignments.length > 0) await db.insertInto('strategy_assignments').values(assignments).execute();
  for (const [teamId, ids] of teamMoves) {
    await db.updateTable('cases').set({ assigned_team_id: teamId }).where('id', 'in', ids).execute();
  }
}

/** Refreshes every queue entry of some debtors (an event about a person can change all their cases). */
export async function refreshDebtors(
  db: Db,
  debtorIds: readonly string[],
  now: Date,
  context?: RefreshContext,
): Promise<number> {
  if (debtorIds.length === 0) return 0;
  const cases = await db
    .selectFrom('cases')
    .select('id')
    .where('debtor_id', 'in', debtorIds as string[])
    .where((eb) =>
      eb.or([
        eb('status', '<>', 'closed'),
        eb.exists(eb.selectFrom('case_queue').select('case_id').whereRef('case_queue.case_id', '=', 'cases.id')),
      ]),
    )
    .execute();
  return refreshQueueEntries(
    db,
    cases.map((row) => row.id),
    context ?? (await refreshContext(db, now)),
  );
}
