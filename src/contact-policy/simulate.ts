import type { Deps } from '../platform/deps.js';
import { compilePolicy, type CompiledPolicy } from './core/compile.js';
import { refusingRules } from './core/decide.js';
import { combineAdaptations, contactAdaptationsSchema, type ContactAdaptations } from './core/adaptations.js';
import type { CareFact, ContactFacts, FactHold, PastContact } from './core/facts.js';
import { dayNumberOf, fromLocal, isValidTimeZone, TIME } from '../platform/calendar/index.js';
import type { Channel, DayKey, HoldKind, PolicyDocument } from './core/policy-document.js';
import { careHistoryReachMs, DEFAULT_LOCATION, type Location } from './load-facts.js';
import { allVersions } from './policy-store.js';
import type { SimulationResult } from './contract.js';

/** At most this many contacts are replayed in one simulation; the result says when it stopped short. */
const MAX_REPLAYED = 200_000;
const EXAMPLES_PER_RULE = 5;

/**
 * Replays the outbound contacts of the last `days` days against the draft and against the version that was in
 * force for each, with what was known at that moment: the debtor's earlier contacts, the holds then active,
 * opt-outs then in effect. Counts, rule by rule, the contacts the draft would have refused (or allowed where
 * the policy then refused and an override let them through), with examples (see `Examples`).
 */
export async function simulateDraft(deps: Deps, document: PolicyDocument, days: number): Promise<SimulationResult> {
  const to = deps.now();
  const from = new Date(to.getTime() - days * TIME.DAY_MS);
  const draft = compilePolicy({ version: 0, effectiveFrom: to.toISOString(), document });
  const versions = await allVersions(deps.db);
  const reach = Math.max(careHistoryReachMs(draft), ...versions.map((entry) => careHistoryReachMs(entry.policy)));

  const replayed = await deps.db
    .selectFrom('contacts as c')
    .innerJoin('cases as k', 'k.id', 'c.case_id')
    .select(['c.id', 'c.debtor_id', 'c.case_id', 'c.channel', 'c.occurred_at', 'k.reference', 'k.first_letter_sent_on'])
    .where('c.direction', '=', 'outbound')
    .where('c.occurred_at', '>=', from)
    .where('c.occurred_at', '<=', to)
    .orderBy('c.occurred_at')
    .limit(MAX_REPLAYED + 1)
    .execute();
  const truncated = replayed.length > MAX_REPLAYED;
  if (truncated) replayed.length = MAX_REPLAYED;
  const debtorIds = [...new Set(replayed.map((row) => row.debtor_id))];

  const context = await loadContext(deps, debtorIds, new Date(from.getTime() - reach), to);
  const result: SimulationResult = {
    from: from.toISOString(),
    to: to.toISOString(),
    contacts: replayed.length,
    truncated,
    changed: 0,
    refusedByDraft: 0,
    allowedByDraft: 0,
    rules: [],
  };
  const byRule = new Map<string, SimulationResult['rules'][number]>();
  const examples = new Examples();
  const tally = (rule: string) => {
    let entry = byRule.get(rule);
    if (!entry) byRule.set(rule, (entry = { rule, refusedByDraft: 0, refusedByCurrent: 0, examples: [] }));
    return entry;
  };

  for (const contact of replayed) {
    const at = contact.occurred_at.getTime();
    const debtor = context.get(contact.debtor_id)!;
    const facts = factsAt(debtor, contact.id, at, contact.first_letter_sent_on);
    const current = versionAt(versions, at);
    const draftRules = refusingRules(draft, facts, contact.channel, at);
    const currentRules = current ? refusingRules(current, facts, contact.channel, at) : [];
    const draftAllows = draftRules.length === 0;
    const currentAllows = currentRules.length === 0;
    const answer = draftAllows ? 'allowedByDraft' : currentAllows ? 'refusedByDraft' : 'refusedByBoth';
    const example = {
      contactId: contact.id,
      caseId: contact.case_id,
      caseReference: contact.reference,
      at: contact.occurred_at.toISOString(),
      channel: contact.channel,
      reasons: draftAllows ? currentRules : draftRules,
      answer,
    } as const;
    for (const rule of draftRules) {
      tally(rule).refusedByDraft += 1;
      examples.offer(rule, example);
    }
    for (const rule of currentRules) {
      tally(rule).refusedByCurrent += 1;
      if (draftAllows) examples.offer(rule, example);
    }
    if (draftAllows !== currentAllows) {
      result.changed += 1;
      if (draftAllows) result.allowedByDraft += 1;
      else result.refusedByDraft += 1;
    }
  }
  for (const entry of byRule.values()) entry.examples = examples.of(entry.rule);
  result.rules = [...byRule.values()].sort(
    (a, b) => b.refusedByDraft - a.refusedByDraft || a.rule.localeCompare(b.rule),
  );
  return result;
}

type Example = SimulationResult['rules'][number]['examples'][number];

/**
 * A few contacts for each rule, to open and look at: first those whose answer the draft changes (the point of a
 * simulation), then, when there are fewer, those both versions refuse, so a rule that refuses is never shown bare.
 */
class Examples {
  readonly #changed = new Map<string, Example[]>();
  readonly #same = new Map<string, Example[]>();

  offer(rule: string, example: Example): void {
    const lists = example.answer === 'refusedByBoth' ? this.#same : this.#changed;
    const list = lists.get(rule) ?? [];
    if (list.length < EXAMPLES_PER_RULE) list.push(example);
    lists.set(rule, list);
  }

  of(rule: string): Example[] {
    return [...(this.#changed.get(rule) ?? []), ...(this.#same.get(rule) ?? [])].slice(0, EXAMPLES_PER_RULE);
  }
}

interface DebtorContext {
  location: Location;
  contacts: (PastContact & { id: string })[];
  holds: (FactHold & { until: number | null })[];
  optOuts: { channel: Channel; from: number; until: number | null }[];
  preferences: ContactFacts['preferences'];
  /** Vulnerability records, with the first letter or e-mail after each was recorded. */
  care: { from: number; until: number | null; adaptations: ContactAdaptations; firstWrittenAt: number | null }[];
}

function versionAt(versions: { policy: CompiledPolicy; effectiveFrom: number }[], at: number): CompiledPolicy | null {
  let found: CompiledPolicy | null = null;
  for (const entry of versions) if (entry.effectiveFrom <= at) found = entry.policy;
  return found;
}

/** The facts as they stood when the contact was made: earlier contacts only, holds and opt-outs then in effect. */
function factsAt(debtor: DebtorContext, contactId: string, at: number, firstLetterSentOn: string | null): ContactFacts {
  return {
    location: debtor.location,
    holds: debtor.holds.filter((hold) => hold.until === null || hold.until > at),
    optOuts: Object.fromEntries(
      debtor.optOuts
        .filter((optOut) => optOut.from <= at && (optOut.until === null || optOut.until > at))
        .map((optOut) => [optOut.channel, optOut.from]),
    ),
    // The contact took place, so a contact point existed.
    reachable: { phone: true, sms: true, email: true, letter: true },
    preferences: debtor.preferences,
    firstLetterSentAt: firstLetterSentOn
      ? fromLocal(debtor.location.timeZone, dayNumberOf(firstLetterSentOn), 0)
      : null,
    caseOpen: true,
    history: debtor.contacts.filter((contact) => contact.at < at && contact.id !== contactId),
    care: careAt(debtor.care, at),
  };
}

/** The care fact as it stood at `at`: the records then recorded and not yet ended. */
function careAt(records: DebtorContext['care'], at: number): CareFact | null {
  const inForce = records.filter((record) => record.from <= at && (record.until === null || record.until > at));
  if (inForce.length === 0) return null;
  const earliest = inForce.reduce((first, record) => (record.from < first.from ? record : first));
  return {
    since: earliest.from,
    adaptations: combineAdaptations(inForce.map((record) => record.adaptations)),
    firstWrittenAt: earliest.firstWrittenAt,
  };
}

async function loadContext(deps: Deps, debtorIds: string[], from: Date, to: Date): Promise<Map<string, DebtorContext>> {
  const context = new Map<string, DebtorContext>();
  for (const id of debtorIds) {
    context.set(id, {
      location: DEFAULT_LOCATION,
      contacts: [],
      holds: [],
      optOuts: [],
      preferences: { channels: null, windows: null, callbacks: [] },
      care: [],
    });
  }
  // Chunks keep each IN list well below the parameter limit.
  for (let start = 0; start < debtorIds.length; start += 5_000) {
    const rows = await readContextRows(deps, debtorIds.slice(start, start + 5_000), from, to);
    addContextRows(context, rows);
  }
  return context;
}

type ContextRows = Awaited<ReturnType<typeof readContextRows>>;

/** What the simulation knows of these debtors: addresses, contacts of the period, holds, opt-outs, preferences. */
function readContextRows(deps: Deps, ids: string[], from: Date, to: Date) {
  return Promise.all([
    deps.db
      .selectFrom('debtor_addresses')
      .select(['debtor_id', 'country', 'subdivision', 'time_zone', 'is_primary', 'created_at'])
      .where('debtor_id', 'in', ids)
      .orderBy('is_primary')
      .orderBy('created_at')
      .execute(),
    deps.db
      .selectFrom('contacts')
      .select(['id', 'debtor_id', 'occurred_at', 'channel', 'direction', 'conversation'])
      .where('debtor_id', 'in', ids)
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<=', to)
      .orderBy('occurred_at')
      .execute(),
    deps.db
      .selectFrom('holds')
      .select(['debtor_id', 'case_id', 'kind', 'starts_at', 'ends_at', 'review_at', 'status', 'lifted_at'])
      .where('debtor_id', 'in', ids)
      .execute(),
    deps.db
      .selectFrom('contact_opt_outs')
      .select(['debtor_id', 'channel', 'opted_out_at', 'withdrawn_at'])
      .where('debtor_id', 'in', ids)
      .execute(),
    deps.db
      .selectFrom('contact_preferences')
      .select(['debtor_id', 'channels', 'windows'])
      .where('debtor_id', 'in', ids)
      .execute(),
    deps.db
      .selectFrom('contact_callbacks')
      .select(['debtor_id', 'channel', 'callback_at'])
      .where('debtor_id', 'in', ids)
      .execute(),
    deps.db
      .selectFrom('vulnerabilities as v')
      .select(['v.debtor_id', 'v.recorded_at', 'v.ended_at', 'v.adaptations'])
      .select((eb) =>
        eb
          .selectFrom('contacts as w')
          .whereRef('w.debtor_id', '=', 'v.debtor_id')
          .where('w.direction', '=', 'outbound')
          .where('w.channel', 'in', ['letter', 'email'])
          .whereRef('w.occurred_at', '>=', 'v.recorded_at')
          .select((inner) => inner.fn.min('w.occurred_at').as('at'))
          .as('first_written_at'),
      )
      .where('v.debtor_id', 'in', ids)
      .orderBy('v.recorded_at')
      .orderBy('v.id')
      .execute(),
  ]);
}

function addContextRows(
  context: Map<string, DebtorContext>,
  [addresses, contacts, holds, optOuts, preferences, callbacks, vulnerabilities]: ContextRows,
): void {
  // Ordered so the primary, newest address is the last written.
  for (const row of addresses) {
    context.get(row.debtor_id)!.location = {
      country: row.country,
      region: row.subdivision,
      timeZone: isValidTimeZone(row.time_zone) ? row.time_zone : DEFAULT_LOCATION.timeZone,
    };
  }
  for (const row of contacts) {
    context.get(row.debtor_id)!.contacts.push({
      id: row.id,
      at: row.occurred_at.getTime(),
      channel: row.channel,
      direction: row.direction,
      conversation: row.conversation,
    });
  }
  for (const row of holds) {
    // A lifted hold held until it was lifted; a hold on one case is counted for the debtor (the safer reading).
    const ended = row.status === 'lifted' && row.lifted_at ? row.lifted_at.getTime() : null;
    const endsAt = row.ends_at?.getTime() ?? null;
    const until = ended !== null && (endsAt === null || ended < endsAt) ? ended : endsAt;
    context.get(row.debtor_id)!.holds.push({
      kind: row.kind as HoldKind,
      startsAt: row.starts_at.getTime(),
      endsAt: until,
      reviewAt: row.review_at?.getTime() ?? null,
      until,
    });
  }
  for (const row of optOuts) {
    context.get(row.debtor_id)!.optOuts.push({
      channel: row.channel,
      from: row.opted_out_at.getTime(),
      until: row.withdrawn_at?.getTime() ?? null,
    });
  }
  for (const row of preferences) {
    const entry = context.get(row.debtor_id)!;
    entry.preferences = {
      ...entry.preferences,
      channels: (row.channels as Channel[] | null) ?? null,
      windows: (row.windows as { days: DayKey[]; from: string; to: string }[] | null) ?? null,
    };
  }
  for (const row of callbacks) {
    const entry = context.get(row.debtor_id)!;
    entry.preferences = {
      ...entry.preferences,
      callbacks: [...entry.preferences.callbacks, { at: row.callback_at.getTime(), channel: row.channel }],
    };
  }
  for (const row of vulnerabilities) {
    context.get(row.debtor_id)!.care.push({
      from: row.recorded_at.getTime(),
      until: row.ended_at?.getTime() ?? null,
      adaptations: contactAdaptationsSchema.parse(row.adaptations),
      firstWrittenAt: row.first_written_at ? new Date(row.first_written_at).getTime() : null,
    });
  }
}
