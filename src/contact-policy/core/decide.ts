import type { CompiledPolicy } from './compile.js';
import { CHANNEL_BIT } from './compile.js';
import type { ContactFacts, PastContact } from './facts.js';
import type { Channel, HoldKind } from './policy-document.js';
import { TIME, toLocal } from '../../platform/calendar/index.js';
import type { Block } from './block.js';
import { careBlocks } from './care-rules.js';
import { explain, noticeText, type Explanation } from './messages.js';
import { completeNotice } from './notice-texts.js';
import { counts, lowerBound, Prepared, times } from './prepared.js';
import { capBlocks, hoursBlock, sortedCapUntil, spacingBlocks, weekdayRanges } from './rule-checks.js';

/**
 * The contact decision: may this debtor be contacted on this channel at this moment, every reason why not,
 * and the next moment it will be allowed. Pure: the policy, the facts and the moment are all inputs.
 *
 * Each rule, when it refuses, also says the earliest instant at which it alone could stop refusing (or null
 * when only an act lifts it: a hold with no end, an opt-out, the first letter). The next allowed moment is
 * found by jumping to the latest of those instants and deciding again, so no allowed moment is skipped.
 */

export interface Reason extends Explanation {
  rule: string;
  until: number | null;
}

export interface Notice {
  rule: string;
  fr: string;
  en: string;
  it?: string;
}

export interface Decision {
  allowed: boolean;
  channel: Channel;
  at: number;
  reasons: Reason[];
  /** In the three languages, except a notice a compliance officer wrote in French and English only (its author's words). */
  notices: Notice[];
  /** `at` itself when allowed; null when only an act (lifting a hold, the first letter…) will allow contact. */
  nextAllowedAt: number | null;
  /** True when the contact is the callback the debtor asked for, which the usual spacing does not bind. */
  callback: boolean;
  policyVersion: number;
}

const SEARCH_HORIZON_MS = 400 * TIME.DAY_MS;
const MAX_STEPS = 5_000;

export function decideContact(policy: CompiledPolicy, facts: ContactFacts, channel: Channel, at: number): Decision {
  const prepared = prepare(policy, facts);
  const first = evaluate(policy, prepared, channel, at);
  const allowed = first.blocks.length === 0;
  return {
    allowed,
    channel,
    at,
    reasons: first.blocks.map((block) => ({ rule: block.rule, until: block.until, ...explain(policy, block) })),
    notices: notices(policy, facts, channel, at, first.callback),
    nextAllowedAt: allowed ? at : searchNextAllowed(policy, prepared, channel, at, first),
    callback: first.callback,
    policyVersion: policy.version,
  };
}

/** Only whether contact is allowed at `at` (what the simulator and the queues need, without the search). */
export function isContactAllowed(policy: CompiledPolicy, facts: ContactFacts, channel: Channel, at: number): boolean {
  return evaluate(policy, prepare(policy, facts), channel, at).blocks.length === 0;
}

/** The rules that refuse contact at `at`, without explanations or the search for the next moment (the simulator's need). */
export function refusingRules(policy: CompiledPolicy, facts: ContactFacts, channel: Channel, at: number): string[] {
  return evaluate(policy, prepare(policy, facts), channel, at).blocks.map((block) => block.rule);
}

interface Evaluation {
  blocks: Block[];
  callback: boolean;
  /** In callback mode, when the callback's interval ends. */
  callbackEnd: number;
}

function searchNextAllowed(
  policy: CompiledPolicy,
  facts: Prepared,
  channel: Channel,
  at: number,
  first: Evaluation,
): number | null {
  let evaluation = first;
  let moment = at;
  const horizon = searchHorizon(facts.facts, at);
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (evaluation.blocks.length === 0) return moment;
    let latest = moment;
    let stuck = false;
    for (const block of evaluation.blocks) {
      if (block.until === null) stuck = true;
      else if (block.until > latest) latest = block.until;
    }
    let next: number;
    if (evaluation.callback) {
      // Inside a callback's interval fewer rules bind; past its end the usual ones do again.
      next = stuck || latest >= evaluation.callbackEnd ? evaluation.callbackEnd : latest;
    } else {
      next = stuck ? Number.POSITIVE_INFINITY : latest;
      const callbackStart = nextCallbackStart(policy, facts.facts, channel, moment);
      if (callbackStart !== null && callbackStart < next) next = callbackStart;
      if (next === Number.POSITIVE_INFINITY) return null;
    }
    if (next <= moment) next = moment + 1;
    if (next > horizon) return null;
    moment = next;
    evaluation = evaluate(policy, facts, channel, moment);
  }
  return null;
}

/**
 * How far the search looks: 400 days past the later of `at` and the end of the last dated hold, so that a hold time
 * alone lifts (an admissible over-indebtedness file holds up to two years) never reads as "only an act lifts it".
 */
function searchHorizon(facts: ContactFacts, at: number): number {
  let from = at;
  for (const hold of facts.holds) if (hold.endsAt !== null && hold.endsAt > from) from = hold.endsAt;
  return from + SEARCH_HORIZON_MS;
}

function prepare(policy: CompiledPolicy, facts: ContactFacts): Prepared {
  return new Prepared(policy, facts);
}

function evaluate(policy: CompiledPolicy, prepared: Prepared, channel: Channel, t: number): Evaluation {
  const facts = prepared.facts;
  const bit = CHANNEL_BIT[channel];
  const blocks: Block[] = [];
  const callbackEnd = activeCallbackEnd(policy, facts, channel, t);
  const callback = callbackEnd !== null;

  if (!facts.caseOpen) blocks.push({ rule: 'case.closed', until: null });

  if (facts.estate) estateBlock(facts.estate, t, blocks);
  for (const hold of facts.holds) {
    // Once the death is proven, its hold binds the deceased; the estate's rule binds who settles the estate.
    if (hold.kind === 'deceased' && facts.estate && facts.estate.optionEndsAt !== null) continue;
    if ((policy.holdStops[hold.kind] & bit) === 0) continue;
    if (hold.startsAt > t || (hold.endsAt !== null && hold.endsAt <= t)) continue;
    blocks.push({ rule: `hold.${hold.kind}`, until: hold.endsAt, params: holdParams(hold.reviewAt) });
  }

  const optedOutAt = facts.optOuts[channel];
  if (optedOutAt !== undefined && optedOutAt <= t) blocks.push({ rule: 'opt_out', until: null });
  if (!facts.reachable[channel]) blocks.push({ rule: 'unreachable', until: null });

  if (
    !callback &&
    facts.preferences.channels !== null &&
    !facts.preferences.channels.includes(channel) &&
    (policy.alwaysOpenMask & bit) === 0
  ) {
    blocks.push({ rule: 'preference.channel', until: null });
  }

  if (policy.firstLetter.required && channel !== 'letter') {
    const sentAt = facts.firstLetterSentAt;
    if (sentAt === null) blocks.push({ rule: 'first_letter.missing', until: null });
    else if (t < sentAt) blocks.push({ rule: 'first_letter.missing', until: sentAt + policy.firstLetter.delayMs });
    else if (t < sentAt + policy.firstLetter.delayMs) {
      blocks.push({ rule: 'first_letter.wait', until: sentAt + policy.firstLetter.delayMs });
    }
  }

  const { country, region, timeZone } = facts.location;
  if ((policy.windowMask & bit) !== 0) {
    if (callback) {
      const within = [policy.callback.within];
      const opening = hoursBlock(timeZone, t, () => within);
      if (opening !== undefined) blocks.push({ rule: 'callback.hours', until: opening });
    } else {
      const windows = policy.windows.get(country);
      if (!windows) {
        blocks.push({ rule: 'window.no_hours', until: null, params: { country } });
      } else {
        const rangesOn = (dayNumber: number, weekday: number) =>
          policy.calendar.isHoliday(country, region, dayNumber) ? windows.holiday : windows.byWeekday[weekday]!;
        const opening = hoursBlock(timeZone, t, rangesOn);
        if (opening !== undefined) {
          const local = toLocal(timeZone, t);
          const holiday = policy.calendar.isHoliday(country, region, local.dayNumber);
          const today = rangesOn(local.dayNumber, local.weekday);
          const rule = holiday ? 'window.holiday' : today.length === 0 ? 'window.day_closed' : 'window.hours';
          blocks.push({ rule, until: opening, params: { country } });
        }
      }
      const preferred = facts.preferences.windows;
      if (preferred !== null) {
        const byWeekday = weekdayRanges(preferred);
        const opening = hoursBlock(timeZone, t, (_day, weekday) => byWeekday[weekday]!);
        if (opening !== undefined) blocks.push({ rule: 'preference.hours', until: opening });
      }
    }
  }

  if (!callback) {
    capBlocks(policy.caps, 'cap.', prepared, bit, t, blocks);
    spacingBlocks(policy.spacing, 'spacing.', prepared, bit, t, blocks);
    if ((policy.pause.mask & bit) !== 0 && policy.pause.ms > 0) {
      // The latest conversation at or before t.
      const conversations = prepared.conversationTimes();
      const last = lowerBound(conversations, t + 1) - 1;
      const until = last >= 0 ? conversations[last]! + policy.pause.ms : -1;
      if (until > t)
        blocks.push({ rule: 'pause_after_conversation', until, params: { days: policy.pause.ms / TIME.DAY_MS } });
    }
  }

  if (facts.care) careBlocks(policy, prepared, facts.care, channel, t, callback, blocks);

  return { blocks, callback, callbackEnd: callbackEnd ?? t };
}

/**
 * A deceased debtor's estate (REGULATION §12): relatives who are not heirs are never asked to pay; nobody is contacted
 * before the death is proven; an heir not before the 4-month option period ends (C. civ. 771); the notary once proven.
 */
function estateBlock(estate: NonNullable<ContactFacts['estate']>, t: number, blocks: Block[]) {
  if (estate.recipient === 'relative') blocks.push({ rule: 'estate.relative', until: null });
  else if (estate.optionEndsAt === null) blocks.push({ rule: 'estate.unproven', until: null });
  else if (estate.recipient === 'heir' && t < estate.optionEndsAt)
    blocks.push({
      rule: 'estate.option_period',
      until: estate.optionEndsAt,
      params: { optionEndsOn: estate.optionEndsOn ?? new Date(estate.optionEndsAt).toISOString().slice(0, 10) },
    });
}

function holdParams(reviewAt: number | null): Record<string, string | number> | undefined {
  return reviewAt === null ? undefined : { reviewAt: new Date(reviewAt).toISOString() };
}

/** Whether a rolling cap refuses a contact at `t`, from a whole history (`sortedCapUntil` says how). */
export function rollingCapUntil(
  history: readonly PastContact[],
  mask: number,
  conversations: boolean,
  max: number,
  windowMs: number,
  t: number,
): number | undefined {
  const sorted = times(history, (contact) => counts(contact, mask, conversations)).sort((a, b) => a - b);
  return sortedCapUntil(sorted, max, windowMs, t);
}

function activeCallbackEnd(policy: CompiledPolicy, facts: ContactFacts, channel: Channel, t: number): number | null {
  const tolerance = policy.callback.toleranceMs;
  for (const callback of facts.preferences.callbacks) {
    if (callback.channel !== channel) continue;
    const start = callback.at - tolerance;
    const end = callback.at + tolerance + 1;
    if (t < start || t >= end) continue;
    if (callbackUsed(facts, channel, start, end)) continue;
    return end;
  }
  return null;
}

/** A callback is one call: once an outbound contact happened in its interval, the usual rules apply again. */
function callbackUsed(facts: ContactFacts, channel: Channel, start: number, end: number): boolean {
  for (const contact of facts.history) {
    if (contact.channel === channel && contact.direction === 'outbound' && contact.at >= start && contact.at < end)
      return true;
  }
  return false;
}

function nextCallbackStart(policy: CompiledPolicy, facts: ContactFacts, channel: Channel, t: number): number | null {
  let next: number | null = null;
  for (const callback of facts.preferences.callbacks) {
    if (callback.channel !== channel) continue;
    const start = callback.at - policy.callback.toleranceMs;
    const end = callback.at + policy.callback.toleranceMs + 1;
    if (start > t && (next === null || start < next) && !callbackUsed(facts, channel, start, end)) next = start;
  }
  return next;
}

function notices(policy: CompiledPolicy, facts: ContactFacts, channel: Channel, at: number, callback: boolean) {
  const list: Notice[] = [];
  for (const notice of policy.document.notices) {
    if (!notice.channels.includes(channel)) continue;
    if (notice.countries && !notice.countries.includes(facts.location.country)) continue;
    list.push({ rule: notice.id, ...completeNotice(notice.text, { notice: notice.id }) });
  }
  const seen = new Set<HoldKind>();
  for (const hold of facts.holds) {
    if (seen.has(hold.kind) || hold.startsAt > at || (hold.endsAt !== null && hold.endsAt <= at)) continue;
    seen.add(hold.kind);
    const text = policy.document.holds[hold.kind].notice;
    if (text) list.push({ rule: `hold.${hold.kind}`, ...completeNotice(text, { hold: hold.kind }) });
  }
  if (callback) list.push({ rule: 'callback', ...noticeText('callback') });
  if (facts.care?.adaptations.thirdPartyPresent)
    list.push({ rule: 'care.third_party', ...noticeText('care.third_party') });
  return list;
}
