import { addDays, type IsoDate } from '../../platform/calendar/dates.js';
import type { SignalKind } from './vocabulary.js';

/**
 * Signals, never verdicts: facts Accord already has that suggest a possible vulnerability to a person, each with its
 * reasons as parameters the reader's page words. Detection is pure and returns suggestions only: a record is written
 * by a person who confirms one, never here.
 */

/** How far back a call outcome counts as recent. */
export const RECENT_DAYS = 90;
/** A kind a person dismissed is not suggested again for this long. */
export const DISMISSAL_QUIET_DAYS = 90;
/** Broken promises after a life event that make a pattern worth a person's look. */
export const BROKEN_PROMISES_THRESHOLD = 2;

/** A call that ended in a life event: the debtor declared hardship, or a bereavement. */
export interface LifeEventOutcome {
  kind: 'hardship' | 'bereavement';
  on: IsoDate;
  caseId: string;
}

export interface SignalFacts {
  /** The latest budget, when one was recorded: its capacity and whether the household is below the RSA. */
  budget: {
    assessedOn: IsoDate;
    capacityCents: number;
    resourcesCents: number | null;
    householdRsaCents: number | null;
  } | null;
  lifeEvents: readonly LifeEventOutcome[];
  /** Promises broken, by the day they were due. */
  brokenPromises: readonly { dueOn: IsoDate; caseId: string }[];
  /** The debtor already has a record not ended: nothing to suggest, a person already looks. */
  hasLiveRecord: boolean;
  openKinds: readonly SignalKind[];
  /** Signals a person dismissed, with the day they did. */
  dismissed: readonly { kind: SignalKind; on: IsoDate }[];
}

export type SignalReasons = Record<string, string | number>;

export interface Suggestion {
  kind: SignalKind;
  caseId: string | null;
  reasons: SignalReasons;
}

/** Whether the household's resources are below its RSA (the minimum income), when the budget says both. */
export function belowMinimumIncome(budget: SignalFacts['budget']): boolean {
  return (
    budget !== null &&
    budget.resourcesCents !== null &&
    budget.householdRsaCents !== null &&
    budget.resourcesCents < budget.householdRsaCents
  );
}

function latest<T extends { on: IsoDate; caseId: string }>(events: readonly T[]): T | null {
  return events.reduce<T | null>(
    (found, event) =>
      found === null || event.on > found.on || (event.on === found.on && event.caseId > found.caseId) ? event : found,
    null,
  );
}

function candidates(facts: SignalFacts, today: IsoDate): Suggestion[] {
  const found: Suggestion[] = [];
  const budget = facts.budget;
  if (budget !== null && budget.capacityCents <= 0)
    found.push({
      kind: 'no_capacity',
      caseId: null,
      reasons: { assessedOn: budget.assessedOn, capacityCents: budget.capacityCents },
    });
  if (belowMinimumIncome(budget))
    found.push({
      kind: 'below_minimum_income',
      caseId: null,
      reasons: {
        assessedOn: budget!.assessedOn,
        resourcesCents: budget!.resourcesCents!,
        householdRsaCents: budget!.householdRsaCents!,
      },
    });
  const since = addDays(today, -RECENT_DAYS);
  const recent = facts.lifeEvents.filter((event) => event.on >= since && event.on <= today);
  for (const kind of ['hardship', 'bereavement'] as const) {
    const events = recent.filter((event) => event.kind === kind);
    const last = latest(events);
    if (last !== null)
      found.push({
        kind: kind === 'hardship' ? 'hardship_outcome' : 'bereavement_outcome',
        caseId: last.caseId,
        reasons: { on: last.on, calls: events.length },
      });
  }
  const first = facts.lifeEvents.reduce<IsoDate | null>(
    (at, event) => (at === null || event.on < at ? event.on : at),
    null,
  );
  if (first !== null) {
    const after = facts.brokenPromises.filter((promise) => promise.dueOn > first && promise.dueOn <= today);
    if (after.length >= BROKEN_PROMISES_THRESHOLD) {
      const last = latest(after.map((promise) => ({ on: promise.dueOn, caseId: promise.caseId })))!;
      found.push({
        kind: 'broken_promises_after_life_event',
        caseId: last.caseId,
        reasons: { count: after.length, since: first, lastDueOn: last.on },
      });
    }
  }
  return found;
}

/**
 * The suggestions the facts make today: none when a record is already live; never a kind that is open already or
 * that a person dismissed in the last DISMISSAL_QUIET_DAYS days (a person said no: the same facts do not ask again).
 */
export function detectSignals(facts: SignalFacts, today: IsoDate): Suggestion[] {
  if (facts.hasLiveRecord) return [];
  const quietSince = addDays(today, -DISMISSAL_QUIET_DAYS);
  const quiet = new Set(
    facts.dismissed.filter((dismissal) => dismissal.on > quietSince).map((dismissal) => dismissal.kind),
  );
  return candidates(facts, today).filter(
    (suggestion) => !facts.openKinds.includes(suggestion.kind) && !quiet.has(suggestion.kind),
  );
}
