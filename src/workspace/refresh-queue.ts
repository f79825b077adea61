import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Message } from '../platform/message.js';
import { decideContact } from '../contact-policy/core/decide.js';
import type { CompiledPolicy } from '../contact-policy/core/compile.js';
import type { ContactFacts } from '../contact-policy/core/facts.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import type { DB } from '../platform/db/schema.js';
import { careRuleReason, isCareRuleId, type QueueReason } from '../need-to-know/core/care-rule.js';
import { queueEntry, type PhoneVerdict, type SegmentControl } from './core/queue-entry.js';
import { loadQueueBatch, type DebtorRange } from './queue-facts-batch.js';
import type { LoadedQueueFacts } from './queue-facts.js';
import { segmentControls, strategyInForce, type StrategyVersion } from './strategy-store.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What the refresh keeps of an entry's previous state: a pinned team, and whether the assignment changed. */
interface PreviousEntry {
  case_id: string;
  team_id: string | null;
  team_pinned: boolean;
  segment_id: string;
  arm: string;
  strategy_version: number;
}

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
    // A care rule's reason names it: the neutral words are kept beside it for readers without need-to-know.
    if (isCareRuleId(first.rule))
      reason.restricted = refused(
        careRuleReason(first.until === null ? null : new Date(first.until).toISOString(), first.rule),
      );
  }
  return { allowed: decision.allowed, nextAllowedAt: decision.nextAllowedAt, reason };
}

/**
 * Recomputes the queue entries of some cases from their facts: segment and arm, team, tier, priority, the next moment
 * a call is allowed. Leases and a team leader's choices (a pinned team, an agent) are kept. Entries of closed cases
 * are removed. Every change of segment or arm is written to `strategy_assignments`. `range`, when given, holds every
 * debtor of these cases (see DebtorRange).
 */
export async function refreshQueueEntries(
  db: Db,
  caseIds: readonly string[],
  context: RefreshContext,
  range: DebtorRange | null = null,
): Promise<number> {
  if (caseIds.length === 0) return 0;
  const { policy, now } = context;
  let previous = db
    .selectFrom('case_queue')
    .select(['case_id', 'team_id', 'team_pinned', 'segment_id', 'arm', 'strategy_version'])
    .where('case_id', '=', sql<string>`any(${caseIds as string[]}::uuid[])`);
  if (range) previous = previous.where('debtor_id', '>=', range.from).where('debtor_id', '<=', range.to);
  const [batch, existing] = await Promise.all([loadQueueBatch(db, caseIds, now, policy, range), previous.execute()]);
  const open = batch.cases.filter((entry) => entry.status !== 'closed');
  const openIds = new Set(open.map((entry) => entry.facts.caseId));
  const gone = caseIds.filter((id) => !openIds.has(id));
  if (gone.length > 0) await db.deleteFrom('case_queue').where('case_id', 'in', gone).execute();
  if (open.length === 0) return 0;
  const computed = computeEntries(open, batch.contactFacts, existing, context);
  await writeQueue(db, computed);
  return open.length;
}

/** A queue entry as written: instants as ISO strings (the batch goes to the server as one JSON document). */
interface QueueRow {
  case_id: string;
  debtor_id: string;
  creditor_id: string;
  team_id: string | null;
  strategy_version: number;
  segment_id: string;
  arm: string;
  channels: string[];
  tier: number;
  priority: number;
  /** The key of the entry's explanation (its reasons: see explanationKey). */
  explanation: string;
  callable_from: string | null;
  paused: boolean;
  refreshed_at: string;
}

interface ComputedEntries {
  rows: QueueRow[];
  /**
   * The explanations the batch's entries name, each once (a batch of 5,000 entries has a few dozen), also those of
   * entries left unchanged: one the nightly rebuild removed as a refresh named it again is so stored again.
   */
  explanations: { key: string; reasons: string }[];
  assignments: { case_id: string; strategy_version: number; segment_id: string; arm: string; assigned_at: string }[];
  teamMoves: { id: string; team_id: string }[];
}

/**
 * The key of an explanation: a digest of its JSON text, written as a uuid. The same reasons always give the same text
 * (the pure core builds them in one order), so an explanation is stored once however many entries name it.
 */
export function explanationKey(reasonsJson: string): string {
  const hex = createHash('md5').update(reasonsJson).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The pure part, in memory over the whole batch: the policy's verdict, the strategy's entry, the team. */
function computeEntries(
  open: readonly LoadedQueueFacts[],
  contactFacts: ReadonlyMap<string, ContactFacts>,
  existing: readonly PreviousEntry[],
  context: RefreshContext,
): ComputedEntries {
  const { strategy, controls, policy, teams, now } = context;
  const previous = new Map(existing.map((row) => [row.case_id, row]));
  const teamKind = new Map(teams.map((team) => [team.id, team.kind]));
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const result: ComputedEntries = { rows: [], explanations: [], assignments: [], teamMoves: [] };
  const keyOf = new Map<string, string>();
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
    if (teamId !== null && teamId !== entry.assignedTeamId) result.teamMoves.push({ id: caseId, team_id: teamId });
    const reasons = JSON.stringify(computed.reasons);
    let key = keyOf.get(reasons);
    if (key === undefined) {
      key = explanationKey(reasons);
      keyOf.set(reasons, key);
      result.explanations.push({ key, reasons });
    }
    result.rows.push({
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
      explanation: key,
      callable_from: computed.callableFrom === null ? null : new Date(computed.callableFrom).toISOString(),
      paused: computed.paused,
      refreshed_at: nowIso,
    });
    if (
      !before ||
      before.segment_id !== computed.segmentId ||
      before.arm !== computed.arm ||
      before.strategy_version !== strategy.version
    ) {
      result.assignments.push({
        case_id: caseId,
        strategy_version: strategy.version,
        segment_id: computed.segmentId,
        arm: computed.arm,
        assigned_at: nowIso,
      });
    }
  }
  return result;
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

/**
 * Writes the entries, the changes of segment or arm, and the cases' new teams: one statement each for the whole batch,
 * its rows sent as one JSON document (no limit on the number of bound parameters). Each explanation the entries name
 * is stored in the same statement unless it is there already: each distinct one once (a batch of 5,000 entries has a
 * few dozen; sent with every row they were two thirds of the document, of its parsing and of the event loop's time
 * spent writing it out). Only what changed is written: an entry equal to the one computed keeps its row (and its
 * `refreshed_at`, the moment of the refresh that last changed it), a case already in its team is not updated, and an
 * assignment is recorded only for a new segment or arm. (Comparing in memory instead, to send only the entries that
 * changed, cost Node more in reading the stored entries than it spared the server: docs/workspace.md.)
 */
async function writeQueue(db: Db, computed: ComputedEntries): Promise<void> {
  const { rows, explanations, assignments, teamMoves } = computed;
  // In the order of their keys: two transactions storing the same new explanations wait for each other in one order.
  await sql`
    with stored as (
      insert into queue_explanations (key, reasons)
      select e.key, e.reasons from unnest(${explanations.map((e) => e.key)}::uuid[],
        ${explanations.map((e) => e.reasons)}::jsonb[]) as e(key, reasons)
      order by e.key
      on conflict (key) do nothing
    )
    insert into case_queue (case_id, debtor_id, creditor_id, team_id, strategy_version, segment_id, arm, channels,
      tier, priority, explanation, callable_from, paused, refreshed_at)
    select r.case_id, r.debtor_id, r.creditor_id, r.team_id, r.strategy_version, r.segment_id, r.arm, r.channels,
      r.tier, r.priority, r.explanation, r.callable_from, r.paused, r.refreshed_at
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(case_id uuid, debtor_id uuid, creditor_id uuid,
      team_id uuid, strategy_version integer, segment_id text, arm text, channels text[], tier smallint,
      priority integer, explanation uuid, callable_from timestamptz, paused boolean, refreshed_at timestamptz)
    on conflict (case_id) do update set debtor_id = excluded.debtor_id, creditor_id = excluded.creditor_id,
      team_id = excluded.team_id, strategy_version = excluded.strategy_version, segment_id = excluded.segment_id,
      arm = excluded.arm, channels = excluded.channels, tier = excluded.tier, priority = excluded.priority,
      explanation = excluded.explanation, callable_from = excluded.callable_from, paused = excluded.paused,
      refreshed_at = excluded.refreshed_at
    where (case_queue.debtor_id, case_queue.creditor_id, case_queue.team_id, case_queue.strategy_version,
        case_queue.segment_id, case_queue.arm, case_queue.channels, case_queue.tier, case_queue.priority,
        case_queue.explanation, case_queue.callable_from, case_queue.paused)
      is distinct from (excluded.debtor_id, excluded.creditor_id, excluded.team_id, excluded.strategy_version,
        excluded.segment_id, excluded.arm, excluded.channels, excluded.tier, excluded.priority,
        excluded.explanation, excluded.callable_from, excluded.paused)`.execute(db);
  if (assignments.length > 0) {
    await sql`
      insert into strategy_assignments (case_id, strategy_version, segment_id, arm, assigned_at)
      select a.case_id, a.strategy_version, a.segment_id, a.arm, a.assigned_at
      from json_to_recordset(${JSON.stringify(assignments)}::json)
        as a(case_id uuid, strategy_version integer, segment_id text, arm text, assigned_at timestamptz)`.execute(db);
  }
  if (teamMoves.length > 0) {
    await sql`
      update cases c set assigned_team_id = m.team_id
      from json_to_recordset(${JSON.stringify(teamMoves)}::json) as m(id uuid, team_id uuid)
      where c.id = m.id and c.assigned_team_id is distinct from m.team_id`.execute(db);
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
