import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { CompiledPolicy } from './core/compile.js';
import { combineAdaptations, contactAdaptationsSchema } from './core/adaptations.js';
import { CARE_PACE_REACH_MS } from './core/care-rules.js';
import type { CareFact, ContactFacts, FactHold } from './core/facts.js';
import { dayNumberOf, fromLocal, isValidTimeZone, TIME } from '../platform/calendar/index.js';
import type { Channel, DayKey, HoldKind } from './core/policy-document.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface Location {
  country: string;
  region: string | null;
  timeZone: string;
}

/** Where a debtor with no address on file is taken to live: the agency's own country and zone. */
export const DEFAULT_LOCATION: Location = { country: 'FR', region: null, timeZone: 'Europe/Paris' };

export interface LoadedFacts {
  facts: ContactFacts;
  debtorId: string;
  /** The case concerned, or null when the question is about the debtor as a whole. */
  caseId: string | null;
}

/**
 * Gathers what the decision needs about a debtor at a moment. With a case, the holds and the first letter are
 * those of that case (and the debtor's own holds). Without one — a dialer asking about the person — a case
 * hold counts when every open case is held, and the first letter must have gone out on every open case.
 */
export async function loadContactFacts(
  db: Db,
  policy: CompiledPolicy,
  input: { debtorId: string; caseId: string | null; at: Date },
): Promise<LoadedFacts> {
  const { debtorId, caseId, at } = input;
  const [row] = await factRows(db, [debtorId], at, policy);
  if (!row) throw notFound('The debtor');
  if (caseId !== null && !row.cases.some((entry) => entry.id === caseId)) throw notFound('The case');
  return { facts: toFacts(row, caseId), debtorId, caseId };
}

/**
 * The facts of many cases at one moment, in one query per call: the queue refresh asks the policy about a phone
 * call for thousands of cases at a time. Cases of unknown debtors are left out.
 */
export async function loadContactFactsMany(
  db: Db,
  policy: CompiledPolicy,
  cases: readonly { debtorId: string; caseId: string }[],
  at: Date,
): Promise<Map<string, ContactFacts>> {
  const debtorIds = [...new Set(cases.map((entry) => entry.debtorId))];
  const rows = new Map((await factRows(db, debtorIds, at, policy)).map((row) => [row.id, row]));
  const facts = new Map<string, ContactFacts>();
  for (const entry of cases) {
    const row = rows.get(entry.debtorId);
    if (row && row.cases.some((candidate) => candidate.id === entry.caseId))
      facts.set(entry.caseId, toFacts(row, entry.caseId));
  }
  return facts;
}

/** Every fact about one debtor, as the query gathers it (and the batch loader of the rebuild, kind by kind). */
export interface FactRow {
  id: string;
  deceased_on: string | null;
  address: { country: string; subdivision: string | null; time_zone: string } | null;
  has_address: boolean;
  cases: { id: string; status: string; first_letter_sent_on: string | null }[];
  holds: {
    case_id: string | null;
    kind: string;
    starts_at: number;
    ends_at: number | null;
    review_at: number | null;
  }[];
  opt_outs: { channel: Channel; at: number }[];
  points: { channel: string; usage: string; consent: string; opted_out: boolean; wrong: boolean }[];
  preferences: { channels: Channel[] | null; windows: { days: DayKey[]; from: string; to: string }[] | null } | null;
  callbacks: { channel: Channel; at: number }[];
  history: { at: number; channel: Channel; direction: 'outbound' | 'inbound'; conversation: boolean }[];
  /** The active (or due for review) vulnerability records, null when there is none (`careFactColumns`). */
  care: { since: number; adaptations: unknown[]; first_written_at: number | null; history: FactRow['history'] } | null;
}

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * The care fact of the debtor of `v`'s group (the records the policy reads: active or due for review): since the
 * earliest record, every record's adaptations (combined in `toFacts`), the first letter or e-mail that went out since
 * (the care profile writes first), and the history over the care rules' longer reach, read for these debtors only.
 */
export function careFactColumns(at: Date, policy: CompiledPolicy) {
  const reach = careHistoryReachMs(policy);
  const from = new Date(at.getTime() - reach);
  const to = new Date(at.getTime() + reach);
  return sql`json_build_object('since', ${ms('min(v.recorded_at)')},
    'adaptations', json_agg(v.adaptations order by v.recorded_at, v.id),
    'first_written_at', (select ${ms('min(w.occurred_at)')} from contacts w where w.debtor_id = v.debtor_id
      and w.direction = 'outbound' and w.channel in ('letter', 'email') and w.occurred_at >= min(v.recorded_at)),
    'history', coalesce((select json_agg(json_build_object('at', ${ms('k.occurred_at')}, 'channel', k.channel,
        'direction', k.direction, 'conversation', k.conversation) order by k.occurred_at, k.id)
      from contacts k where k.debtor_id = v.debtor_id and k.occurred_at > ${from} and k.occurred_at < ${to}), '[]'))`;
}

/**
 * Every fact about the debtor in one round trip: the permission endpoint is what dialers call for each number
 * they dial, so it must cost one query, not ten. Instants come back as epoch milliseconds.
 */
async function factRows(db: Db, debtorIds: readonly string[], at: Date, policy: CompiledPolicy): Promise<FactRow[]> {
  const reachMs = historyReachMs(policy);
  const from = new Date(at.getTime() - reachMs);
  const to = new Date(at.getTime() + reachMs);
  const result = await sql<FactRow>`
    select
      d.id,
      d.deceased_on,
      (select json_build_object('country', a.country, 'subdivision', a.subdivision, 'time_zone', a.time_zone)
         from debtor_addresses a where a.debtor_id = d.id order by a.is_primary desc, a.created_at desc, a.id desc limit 1) as address,
      exists (select 1 from debtor_addresses a where a.debtor_id = d.id) as has_address,
      coalesce((select json_agg(json_build_object('id', c.id, 'status', c.status, 'first_letter_sent_on', c.first_letter_sent_on))
         from cases c where c.debtor_id = d.id), '[]') as cases,
      coalesce((select json_agg(json_build_object('case_id', h.case_id, 'kind', h.kind, 'starts_at', ${ms('h.starts_at')},
           'ends_at', ${ms('h.ends_at')}, 'review_at', ${ms('h.review_at')}) order by h.starts_at, h.id)
         from holds h where h.debtor_id = d.id and h.status = 'active'), '[]') as holds,
      coalesce((select json_agg(json_build_object('channel', o.channel, 'at', ${ms('o.opted_out_at')}))
         from contact_opt_outs o where o.debtor_id = d.id and o.withdrawn_at is null), '[]') as opt_outs,
      coalesce((select json_agg(json_build_object('channel', p.channel, 'usage', p.usage, 'consent', p.consent, 'opted_out', p.opted_out_at is not null,
           'wrong', p.wrong_number_at is not null or p.undeliverable_at is not null))
         from debtor_contact_points p where p.debtor_id = d.id), '[]') as points,
      (select json_build_object('channels', cp.channels, 'windows', cp.windows) from contact_preferences cp where cp.debtor_id = d.id) as preferences,
      coalesce((select json_agg(json_build_object('channel', cb.channel, 'at', ${ms('cb.callback_at')}) order by cb.callback_at, cb.id)
         from contact_callbacks cb where cb.debtor_id = d.id and cb.status = 'pending'), '[]') as callbacks,
      coalesce((select json_agg(json_build_object('at', ${ms('k.occurred_at')}, 'channel', k.channel, 'direction', k.direction,
           'conversation', k.conversation) order by k.occurred_at, k.id)
         from contacts k where k.debtor_id = d.id and k.occurred_at > ${from} and k.occurred_at < ${to}), '[]') as history,
      (select ${careFactColumns(at, policy)} from vulnerabilities v
         where v.debtor_id = d.id and v.status in ('active', 'review_due') group by v.debtor_id) as care
    from debtors d
    where d.id = any(${debtorIds as string[]}::uuid[])`.execute(db);
  return result.rows;
}

export function toFacts(row: FactRow, caseId: string | null): ContactFacts {
  const location: Location = row.address
    ? {
        country: row.address.country,
        region: row.address.subdivision,
        timeZone: isValidTimeZone(row.address.time_zone) ? row.address.time_zone : DEFAULT_LOCATION.timeZone,
      }
    : DEFAULT_LOCATION;
  const concerned =
    caseId === null
      ? row.cases.filter((entry) => entry.status !== 'closed')
      : row.cases.filter((entry) => entry.id === caseId);
  const heldCases = new Set(row.holds.filter((hold) => hold.case_id !== null).map((hold) => hold.case_id));
  const everyCaseHeld = concerned.length > 0 && concerned.every((entry) => heldCases.has(entry.id));
  const holds: FactHold[] = row.holds
    .filter((hold) => hold.case_id === null || (caseId === null ? everyCaseHeld : hold.case_id === caseId))
    .map((hold) => ({
      kind: hold.kind as HoldKind,
      startsAt: hold.starts_at,
      endsAt: hold.ends_at,
      reviewAt: hold.review_at,
    }));
  if (row.deceased_on && !holds.some((hold) => hold.kind === 'deceased')) {
    // A recorded death stops contact even before a person has placed the hold.
    holds.push({ kind: 'deceased', startsAt: 0, endsAt: null, reviewAt: null });
  }
  // A number that reached someone else is never dialled again.
  const usable = (point: FactRow['points'][number]) =>
    point.consent !== 'withdrawn' && !point.opted_out && !point.wrong;
  return {
    location,
    holds,
    optOuts: Object.fromEntries(row.opt_outs.map((optOut) => [optOut.channel, optOut.at])),
    reachable: {
      phone: row.points.some((point) => point.channel === 'phone' && usable(point)),
      sms: row.points.some((point) => point.channel === 'phone' && point.usage === 'mobile' && usable(point)),
      email: row.points.some((point) => point.channel === 'email' && usable(point)),
      letter: row.has_address,
    },
    preferences: {
      channels: row.preferences?.channels ?? null,
      windows: row.preferences?.windows ?? null,
      callbacks: row.callbacks.map((callback) => ({ at: callback.at, channel: callback.channel })),
    },
    firstLetterSentAt: firstLetterAt(concerned, location.timeZone),
    caseOpen: concerned.some((entry) => entry.status !== 'closed'),
    // A debtor in care: the care rules look further back (a pace of up to 90 days).
    history: row.care?.history ?? row.history,
    care: careFact(row.care),
  };
}

/** The records' adaptations as the policy applies them: each read with its schema, then combined so each only narrows. */
function careFact(row: FactRow['care']): CareFact | null {
  if (row === null) return null;
  return {
    since: row.since,
    adaptations: combineAdaptations(row.adaptations.map((adaptations) => contactAdaptationsSchema.parse(adaptations))),
    firstWrittenAt: row.first_written_at,
  };
}

export async function debtorLocation(db: Db, debtorId: string): Promise<Location> {
  const address = await db
    .selectFrom('debtor_addresses')
    .select(['country', 'subdivision', 'time_zone'])
    .where('debtor_id', '=', debtorId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return locationOf(address);
}

/** Where a debtor lives, from the address `debtorLocation` picks (primary first, then the newest); France without one. */
export function locationOf(
  address: { country: string; subdivision: string | null; time_zone: string } | null | undefined,
): Location {
  if (!address) return DEFAULT_LOCATION;
  return {
    country: address.country,
    region: address.subdivision,
    timeZone: isValidTimeZone(address.time_zone) ? address.time_zone : DEFAULT_LOCATION.timeZone,
  };
}

/** The longest stretch of history any rule of the policy looks at, either side of the moment. */
export function historyReachMs(policy: CompiledPolicy): number {
  let reach = 2 * TIME.DAY_MS;
  for (const cap of policy.caps) reach = Math.max(reach, cap.rollingMs ?? TIME.DAY_MS);
  for (const rule of policy.spacing) reach = Math.max(reach, rule.ms);
  return Math.max(reach, policy.pause.ms) + TIME.DAY_MS;
}

/** The longest stretch of history the rules look at for a debtor in care: the care profile's and the longest pace too. */
export function careHistoryReachMs(policy: CompiledPolicy): number {
  let reach = Math.max(historyReachMs(policy), CARE_PACE_REACH_MS + TIME.DAY_MS);
  for (const cap of policy.care.caps) reach = Math.max(reach, (cap.rollingMs ?? TIME.DAY_MS) + TIME.DAY_MS);
  for (const rule of policy.care.spacing) reach = Math.max(reach, rule.ms + TIME.DAY_MS);
  return reach;
}

/** The first letter counts from the start of its day in the debtor's zone; every concerned case needs one. */
function firstLetterAt(cases: { first_letter_sent_on: string | null }[], timeZone: string): number | null {
  if (cases.length === 0) return null;
  let latest = 0;
  for (const row of cases) {
    if (!row.first_letter_sent_on) return null;
    latest = Math.max(latest, fromLocal(timeZone, dayNumberOf(row.first_letter_sent_on), 0));
  }
  return latest;
}
