import type { Insertable } from 'kysely';
import type { CompiledPolicy } from '../contact-policy/core/compile.js';
import { decideContact } from '../contact-policy/core/decide.js';
import { NO_PREFERENCES, type ContactFacts, type FactHold, type PastContact } from '../contact-policy/core/facts.js';
import type { Channel, HoldKind } from '../contact-policy/core/policy-document.js';
import { dayNumberOf, fromLocal, TIME } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Random } from './random.js';

type CaseEvent = Insertable<DB['case_events']>;

const CONTACT_KINDS = new Set(['letter', 'call_attempt', 'conversation', 'sms', 'email']);

/** A letter, call or message of the timeline: what the contact policy counts (the portal is the debtor's own visit). */
export function isContactEvent(event: CaseEvent): boolean {
  return CONTACT_KINDS.has(event.kind) && !!event.channel && event.channel !== 'portal';
}

/** What the settling needs of the portfolio generated: where each debtor lives, each case's letter and end, holds. */
export interface DemoPortfolio {
  addresses: readonly Insertable<DB['debtor_addresses']>[];
  cases: readonly Insertable<DB['cases']>[];
  holds: readonly Insertable<DB['holds']>[];
  events: readonly CaseEvent[];
}

/** How often a contact moved to the next allowed moment is moved on a little, so the history does not all start at 9:00. */
const JITTER_TRIES = 3;
const JITTER_MAX_MINUTES = 90;

/**
 * The demo's contact history as the contact policy in force lets it happen: each debtor's planned contacts, in time
 * order, are decided by the pure `decideContact` with what was known then (the earlier contacts across all their
 * cases, the holds, the case's first letter, where they live); one refused moves to the next moment the policy allows
 * (a little later when that stays allowed), or is dropped when that falls after the case left the amicable stage or
 * after today. Replaying the demo through the policy (the simulator) then finds nothing it would have refused.
 * Returns the events to keep, with the contacts' moments settled; each contact refused at its planned moment is added
 * to `refusals` (the conduct report's refused attempts).
 */
export function settleContactHistory(
  policy: CompiledPolicy,
  portfolio: DemoPortfolio,
  now: Date,
  random: Random,
  refusals: Insertable<DB['contact_refusals']>[] = [],
): CaseEvent[] {
  const refusedOnce = new Set<CaseEvent>();
  const casesById = new Map(portfolio.cases.map((row) => [row.id as string, row]));
  const addressOf = new Map(portfolio.addresses.map((row) => [row.debtor_id, row]));
  const holdsOf = new Map<string, FactHold[]>();
  for (const hold of portfolio.holds) {
    const list = holdsOf.get(hold.debtor_id) ?? [];
    list.push({
      kind: hold.kind as HoldKind,
      startsAt: new Date(hold.starts_at as Date).getTime(),
      endsAt: hold.ends_at ? new Date(hold.ends_at as Date).getTime() : null,
      reviewAt: hold.review_at ? new Date(hold.review_at as Date).getTime() : null,
    });
    holdsOf.set(hold.debtor_id, list);
  }
  const planned = new Map<string, CaseEvent[]>();
  for (const event of portfolio.events) {
    if (!isContactEvent(event)) continue;
    const list = planned.get(event.debtor_id) ?? [];
    list.push(event);
    planned.set(event.debtor_id, list);
  }
  const dropped = new Set<CaseEvent>();
  for (const [debtorId, contacts] of planned) {
    const address = addressOf.get(debtorId)!;
    const location = { country: address.country, region: address.subdivision ?? null, timeZone: address.time_zone };
    const holds = holdsOf.get(debtorId) ?? [];
    const settle = (event: CaseEvent, at: number, history: readonly PastContact[]): number | null => {
      const aCase = casesById.get(event.case_id)!;
      const facts: ContactFacts = {
        location,
        holds,
        optOuts: {},
        // The contact took place, so a contact point existed (as the simulator reads it).
        reachable: { phone: true, sms: true, email: true, letter: true },
        preferences: NO_PREFERENCES,
        firstLetterSentAt: aCase.first_letter_sent_on
          ? fromLocal(location.timeZone, dayNumberOf(aCase.first_letter_sent_on), 0)
          : null,
        caseOpen: true,
        history,
        // The demo's history is planned before any vulnerability is recorded.
        care: null,
      };
      const decision = decideContact(policy, facts, event.channel as Channel, at);
      // The attempt at its planned moment, refused, is kept by rule as the agents' refused attempts are.
      if (!decision.allowed && !refusedOnce.has(event)) {
        refusedOnce.add(event);
        refusals.push({
          case_id: event.case_id,
          creditor_id: aCase.creditor_id,
          channel: event.channel as Channel,
          source: 'agent',
          rules: [...new Set(decision.reasons.map((reason) => reason.rule))],
          refused_at: new Date(at),
          policy_version: decision.policyVersion,
        });
      }
      return decision.allowed ? at : decision.nextAllowedAt;
    };
    settleDebtor(contacts, (event) => endOf(casesById.get(event.case_id)!, now), settle, random, dropped);
  }
  return portfolio.events.filter((event) => !dropped.has(event));
}

/** Contacts end the day before the case left the amicable stage (or before today): the generator's own bound. */
function endOf(aCase: Insertable<DB['cases']>, now: Date): number {
  const end = aCase.stage === 'amicable' ? now : new Date(aCase.stage_changed_at as Date);
  return end.getTime() - TIME.DAY_MS;
}

/**
 * One debtor's contacts in time order, each decided on the contacts kept before it; one moved later goes back in the
 * line at its new moment, so every decision sees exactly the history a replay will.
 */
function settleDebtor(
  contacts: CaseEvent[],
  endOfCase: (event: CaseEvent) => number,
  settle: (event: CaseEvent, at: number, history: readonly PastContact[]) => number | null,
  random: Random,
  dropped: Set<CaseEvent>,
): void {
  const pending = contacts.map((event) => ({ event, at: new Date(event.occurred_at as Date).getTime(), tries: 0 }));
  const history: PastContact[] = [];
  while (pending.length > 0) {
    pending.sort((a, b) => a.at - b.at);
    const next = pending.shift()!;
    const { event } = next;
    const inbound = event.direction === 'inbound';
    const allowedAt = inbound ? next.at : settle(event, next.at, history);
    if (allowedAt === null || allowedAt >= endOfCase(event)) {
      dropped.add(event);
      continue;
    }
    if (allowedAt !== next.at) {
      const jitter = next.tries < JITTER_TRIES ? random.int(0, JITTER_MAX_MINUTES) * TIME.MINUTE_MS : 0;
      pending.push({ event, at: allowedAt + jitter, tries: next.tries + 1 });
      continue;
    }
    event.occurred_at = new Date(allowedAt);
    history.push({
      at: allowedAt,
      channel: event.channel as Channel,
      direction: inbound ? 'inbound' : 'outbound',
      conversation: event.kind === 'conversation',
    });
  }
}
