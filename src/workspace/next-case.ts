import { sql, type Kysely, type Transaction } from 'kysely';
import { loadContactFactsMany } from '../contact-policy/load-facts.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import type { Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import { TEAM_KINDS } from './core/strategy-document.js';
import { assertCertifiedFor } from '../training/training-facts.js';
import { queueEntryViews } from './queue-view.js';
import { phoneVerdict } from './refresh-queue.js';
import type { NextCase } from './contract.js';

type Db = Kysely<DB> | Transaction<DB>;
type TeamKind = (typeof TEAM_KINDS)[number];

/** A lease lasts this long and is renewed while the agent works the case; then anyone may take the case again. */
export const LEASE_MS = 15 * 60_000;
/** Candidates locked per round, and rounds tried, before answering that nothing may be called now. */
const CANDIDATES = 5;
const ROUNDS = 4;
/** Counts of waiting cases stop here: the page says "1,000 or more". */
export const COUNT_CAP = 1_000;

export interface Waiting {
  callableNow: number;
  later: number;
}

/** A user's team changes rarely: "next case" asks the database at most once a minute per user. */
const TEAM_CACHE_MS = 60_000;
type TeamCache = Map<string, { team: WorkingTeam | null; until: number }>;
/** One cache per database (a process may hold several: the tests do, with the same demo users in each). */
const teamCaches = new WeakMap<Db, TeamCache>();

export interface WorkingTeam {
  id: string;
  name: string;
  kind: TeamKind;
}

/** The team whose queue the actor works: their own, if it is a team that works cases. */
export async function actorTeam(db: Db, actor: Actor): Promise<WorkingTeam | null> {
  let teamCache = teamCaches.get(db);
  if (!teamCache) teamCaches.set(db, (teamCache = new Map()));
  const cached = teamCache.get(actor.userId);
  if (cached && cached.until > Date.now()) return cached.team;
  const team = await loadActorTeam(db, actor);
  teamCache.set(actor.userId, { team, until: Date.now() + TEAM_CACHE_MS });
  return team;
}

async function loadActorTeam(db: Db, actor: Actor): Promise<WorkingTeam | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('teams', 'teams.id', 'users.team_id')
    .select(['teams.id', 'teams.name', 'teams.kind'])
    .where('users.id', '=', actor.userId)
    .executeTakeFirst();
  return row && (TEAM_KINDS as readonly string[]).includes(row.kind)
    ? { id: row.id, name: row.name, kind: row.kind as TeamKind }
    : null;
}

/**
 * Leases the next case of the actor's team queue: the first entries in queue order that are callable now, not
 * leased, not paused and not given to another agent are locked with FOR UPDATE SKIP LOCKED (two agents asking at
 * once lock different rows), each is checked against the contact policy with this moment's facts, and the first
 * allowed one is leased in the same transaction. A refused candidate moves to its next allowed moment. A case of a
 * person another agent holds now waits (personTakenByOther). The case the agent held before is given back.
 */
export async function nextCase(deps: Deps, actor: Actor): Promise<NextCase> {
  const team = await actorTeam(deps.db, actor);
  if (!team)
    throw conflict(
      'workspace.no_queue',
      'You are in no team that works cases, so you have no queue: ask an administrator to put you in a team.',
    );
  // Only certified people take cases from the care, over-indebtedness and judicial queues (training/core).
  await assertCertifiedFor(deps, actor, team.kind);
  const now = deps.now();
  const policy = await policyInForce(deps.db, now);
  let leased: string | null = null;
  const skipped: string[] = [];
  for (let round = 0; round < ROUNDS && leased === null; round += 1) {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      // The case the agent held goes back to the queue, but not to this agent now: they asked for the next one.
      const released = await trx
        .updateTable('case_queue')
        .set({ leased_by: null, lease_until: null, leased_at: null })
        .where('leased_by', '=', actor.userId)
        .returning('case_id')
        .execute();
      skipped.push(...released.map((row) => row.case_id));
      const candidates = await sql<{ case_id: string; debtor_id: string }>`
        select case_id, debtor_id from case_queue
        where team_id = ${team.id} and callable_from is not null and not paused and callable_from <= ${now}
          and (lease_until is null or lease_until < ${now})
          and (assigned_user_id is null or assigned_user_id = ${actor.userId})
          and not (case_id = any(${skipped}::uuid[]))
          and not exists (select 1 from case_queue other where other.debtor_id = case_queue.debtor_id
            and other.leased_by <> ${actor.userId} and other.lease_until >= ${now})
        order by tier desc, priority desc, callable_from
        limit ${CANDIDATES}
        for update skip locked`.execute(trx);
      if (candidates.rows.length === 0) return 'empty' as const;
      const facts = await loadContactFactsMany(
        trx,
        policy,
        candidates.rows.map((row) => ({ debtorId: row.debtor_id, caseId: row.case_id })),
        now,
      );
      for (const candidate of candidates.rows) {
        const caseFacts = facts.get(candidate.case_id);
        const verdict = caseFacts
          ? phoneVerdict(policy, caseFacts, now.getTime())
          : { allowed: false, nextAllowedAt: null, reason: null };
        if (verdict.allowed) {
          if (await personTakenByOther(trx, candidate.debtor_id, actor.userId, now)) {
            skipped.push(candidate.case_id);
            continue;
          }
          await trx
            .updateTable('case_queue')
            .set({ leased_by: actor.userId, lease_until: new Date(now.getTime() + LEASE_MS), leased_at: now })
            .where('case_id', '=', candidate.case_id)
            .execute();
          return candidate.case_id;
        }
        // The facts changed since the entry was refreshed (a contact, the end of the day): it waits for its moment.
        await trx
          .updateTable('case_queue')
          .set({ callable_from: verdict.nextAllowedAt === null ? null : new Date(verdict.nextAllowedAt) })
          .where('case_id', '=', candidate.case_id)
          .execute();
        await trx
          .insertInto('queue_dirty')
          .values({ debtor_id: candidate.debtor_id })
          .onConflict((oc) => oc.column('debtor_id').doNothing())
          .execute();
      }
      return null;
    });
    if (outcome === 'empty') break;
    leased = outcome;
  }
  const [views, waiting, nextCallableAt] = await Promise.all([
    leased ? queueEntryViews(deps.db, [leased], { actor, now }) : [],
    // With a case leased the counts are a by-the-way: the last ones, seconds old; with none, they are the answer.
    leased ? recentWaitingIn(deps.db, team.id, now) : waitingIn(deps.db, team.id, now),
    leased ? null : nextCallableIn(deps.db, team.id, now),
  ]);
  return { entry: views[0] ?? null, waiting, nextCallableAt };
}

/** The earliest moment an entry of the team's queue becomes callable, after now (the first row of an index). */
async function nextCallableIn(db: Db, teamId: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('case_queue')
    .select('callable_from')
    .where('team_id', '=', teamId)
    .where('callable_from', 'is not', null)
    .where('paused', '=', false)
    .where('callable_from', '>', now)
    .orderBy('callable_from')
    .limit(1)
    .executeTakeFirst();
  return row?.callable_from ? row.callable_from.toISOString() : null;
}

/**
 * One person, one agent at a time: a case waits while another agent holds another case of the same person (two calls
 * to one person at once would break the contact policy's caps, and confuse them). The person's row is the lock, taken
 * without waiting: two agents about to lease two cases of one person are serialised on it, and a person whose call is
 * being recorded (which holds the row) is left for now. The leases are read after the lock, so one just committed is
 * seen.
 */
async function personTakenByOther(trx: Transaction<DB>, debtorId: string, userId: string, now: Date): Promise<boolean> {
  const locked = await trx
    .selectFrom('debtors')
    .select('id')
    .where('id', '=', debtorId)
    .forNoKeyUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!locked) return true;
  const held = await trx
    .selectFrom('case_queue')
    .select('case_id')
    .where('debtor_id', '=', debtorId)
    .where('leased_by', '<>', userId)
    .where('lease_until', '>=', now)
    .limit(1)
    .executeTakeFirst();
  return held !== undefined;
}

/**
 * A count of a team's queue still running is shared by its agents asking within this long of it: fifty agents who
 * press "next case" in the same second then cost one count, not fifty (measured at 1,000,000 cases: such bursts of
 * counts, each reading a thousand entries, queued for the two cores and took 0.5-0.75 s each; the p99 of next case).
 */
const SHARED_COUNT_MS = 1_000;
const countsRunning = new WeakMap<Db, Map<string, { at: number; waiting: Promise<Waiting> }>>();

/** Cases waiting in a team's queue, counted up to COUNT_CAP each (an exact count of a million rows costs too much). */
export function waitingIn(db: Db, teamId: string, now: Date): Promise<Waiting> {
  let running = countsRunning.get(db);
  if (!running) countsRunning.set(db, (running = new Map()));
  const shared = running.get(teamId);
  if (shared && Math.abs(shared.at - now.getTime()) <= SHARED_COUNT_MS) return shared.waiting;
  const waiting = countWaiting(db, teamId, now).finally(() => {
    if (running.get(teamId)?.waiting === waiting) running.delete(teamId);
  });
  running.set(teamId, { at: now.getTime(), waiting });
  void waiting.then(
    (counted) => lastCounts(db).set(teamId, { at: now.getTime(), waiting: counted }),
    () => {},
  );
  return waiting;
}

/**
 * How old the counts given with a leased case may be. The count reads up to two thousand queue entries (50–140 ms at
 * 1,000,000 cases, measured with the statement log), which was the slowest step of "next case" and its p99; the agent
 * who just got a case does not look at these counts (the workspace page counts afresh), so they may be a few seconds
 * old, and are counted again in the background.
 */
const RECENT_COUNT_MS = 10_000;
const countsKnown = new WeakMap<Db, Map<string, { at: number; waiting: Waiting }>>();
const lastCounts = (db: Db) => {
  let known = countsKnown.get(db);
  if (!known) countsKnown.set(db, (known = new Map()));
  return known;
};

/** The team's last counts when at most RECENT_COUNT_MS old (counted again behind, after a second), else a new count. */
export function recentWaitingIn(db: Db, teamId: string, now: Date): Promise<Waiting> {
  const known = lastCounts(db).get(teamId);
  const age = known ? Math.abs(now.getTime() - known.at) : Number.POSITIVE_INFINITY;
  if (!known || age > RECENT_COUNT_MS) return waitingIn(db, teamId, now);
  // (A failed count behind is not the caller's: the next one tries again.)
  if (age > SHARED_COUNT_MS) waitingIn(db, teamId, now).catch(() => {});
  return Promise.resolve(known.waiting);
}

async function countWaiting(db: Db, teamId: string, now: Date): Promise<Waiting> {
  const result = await sql<{ now_count: number; later_count: number }>`
    select
      (select count(*)::int from (select 1 from case_queue where team_id = ${teamId} and callable_from is not null and not paused
         and callable_from <= ${now} and (lease_until is null or lease_until < ${now}) limit ${COUNT_CAP}) n) as now_count,
      (select count(*)::int from (select 1 from case_queue where team_id = ${teamId} and callable_from is not null and not paused
         and callable_from > ${now} limit ${COUNT_CAP}) l) as later_count`.execute(db);
  const row = result.rows[0]!;
  return { callableNow: row.now_count, later: row.later_count };
}

/** Gives back a case the actor holds (nothing to call after all, or a break). */
export async function releaseCase(deps: Deps, actor: Actor, caseId: string): Promise<void> {
  const result = await deps.db
    .updateTable('case_queue')
    .set({ leased_by: null, lease_until: null, leased_at: null })
    .where('case_id', '=', caseId)
    .where('leased_by', '=', actor.userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw conflict('queue.not_leased', 'You do not hold this case: there is nothing to give back.');
}

/** Extends the lease of the case the actor holds, while they work it (the case page asks every few minutes). */
export async function renewLease(deps: Deps, actor: Actor, caseId: string): Promise<{ until: string }> {
  const now = deps.now();
  const until = new Date(now.getTime() + LEASE_MS);
  const result = await deps.db
    .updateTable('case_queue')
    .set({ lease_until: until })
    .where('case_id', '=', caseId)
    .where('leased_by', '=', actor.userId)
    .where('lease_until', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw conflict('queue.not_leased', 'You do not hold this case (any more): take it again from your queue.');
  return { until: until.toISOString() };
}

/** Refuses to let an agent act on a case another agent holds now (the lease is theirs until it expires). */
export async function assertNotLeasedByOther(
  trx: Transaction<DB>,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<void> {
  const entry = await trx
    .selectFrom('case_queue')
    .select(['leased_by', 'lease_until'])
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!entry) return;
  if (entry.leased_by && entry.leased_by !== actor.userId && entry.lease_until && entry.lease_until > now) {
    throw conflict(
      'queue.leased_by_other',
      'Another agent is working this case right now: take the next case instead.',
    );
  }
}
