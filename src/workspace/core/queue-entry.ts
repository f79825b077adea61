import { amountParam } from '../../platform/message.js';
import type { Channel } from '../../contact-policy/core/policy-document.js';
import { dayNumberOf, fromLocal, isoDateOf, toLocal } from '../../platform/calendar/index.js';
import type { QueueReason } from '../../need-to-know/core/care-rule.js';
import { segmentCase, type Arm, type SegmentFacts } from './segment.js';
import { dateWords, momentWords, TASK_TITLES } from './texts.js';
import type { StrategyDocument } from './strategy-document.js';

/** The queue's tiers, highest first: a callback the debtor asked for, a promise due or broken, a follow-up due. */
export const TIER = { standard: 0, follow_up: 1, promise: 2, callback: 3 } as const;
export type TierName = keyof typeof TIER;
export const TIER_NAMES: Record<number, TierName> = { 0: 'standard', 1: 'follow_up', 2: 'promise', 3: 'callback' };

export interface QueueFacts extends SegmentFacts {
  timeZone: string;
  /** Pending callbacks the debtor asked for (epoch ms). */
  callbacks: number[];
  openPromise: { dueOn: string; amountCents: number } | null;
  /** Open follow-up tasks of the case. */
  openTasks: { kind: string; dueAt: number }[];
}

export interface SegmentControl {
  paused: boolean;
  priorityBoost: number;
  note: string;
}

/** The contact policy's answer for a phone call now: allowed, or the next allowed moment (null: only an act). */
export interface PhoneVerdict {
  allowed: boolean;
  nextAllowedAt: number | null;
  /** The first refusal reason, in words, for the queue's explanation (neutral words kept beside a care hold's). */
  reason: QueueReason | null;
}

export interface QueueEntry {
  segmentId: string;
  segmentName: string;
  arm: Arm;
  teamKind: string;
  channels: Channel[];
  tier: number;
  priority: number;
  callableFrom: number | null;
  paused: boolean;
  reasons: QueueReason[];
}

/** A callback counts as due from this long before its time until this long after (the policy's tolerance). */
export interface QueueOptions {
  callbackToleranceMs: number;
}

/**
 * Where a case stands in its queue, and why. Pure: the caller loads the facts, asks the contact policy about a phone
 * call now, and writes the result. The order of a queue is tier, then priority, then the longest wait.
 */
export function queueEntry(
  strategy: StrategyDocument,
  controls: ReadonlyMap<string, SegmentControl>,
  facts: QueueFacts,
  phone: PhoneVerdict,
  now: number,
  options: QueueOptions,
): QueueEntry {
  const assignment = segmentCase(strategy, facts);
  const control = controls.get(assignment.segment.id);
  const boost = control?.priorityBoost ?? 0;
  const priority = assignment.treatment.priority + boost;
  const reasons: QueueReason[] = [...assignment.reasons];
  reasons.push(
    boost === 0
      ? { fr: `Priorité ${priority}.`, en: `Priority ${priority}.`, it: `Priorità ${priority}.` }
      : {
          fr: `Priorité ${priority} (${assignment.treatment.priority} du segment, ${signed(boost)} par l’encadrement : ${control!.note}).`,
          en: `Priority ${priority} (${assignment.treatment.priority} from the segment, ${signed(boost)} set by a team leader: ${control!.note}).`,
          it: `Priorità ${priority} (${assignment.treatment.priority} dal segmento, ${signed(boost)} dal responsabile: ${control!.note}).`,
        },
  );
  const { tier, reason: tierReason } = tierOf(facts, now, options);
  if (tierReason) reasons.push(tierReason);
  const callable = callableFromOf(assignment.treatment.channels, facts, phone, now);
  reasons.push(...callable.reasons);
  const paused = control?.paused ?? false;
  if (paused) {
    reasons.push({
      fr: `Segment en pause : ${control!.note}`,
      en: `Segment paused: ${control!.note}`,
      it: `Segmento in pausa: ${control!.note}`,
    });
  }
  return {
    segmentId: assignment.segment.id,
    segmentName: assignment.segment.name,
    arm: assignment.arm,
    teamKind: assignment.treatment.team,
    channels: assignment.treatment.channels,
    tier,
    priority,
    callableFrom: callable.callableFrom,
    paused,
    reasons,
  };
}

/** The tier a case stands in now, and why: a callback due, a promise due or broken, a follow-up due. */
function tierOf(facts: QueueFacts, now: number, options: QueueOptions): { tier: number; reason: QueueReason | null } {
  const today = isoDateOf(toLocal(facts.timeZone, now).dayNumber);
  const dueCallback = facts.callbacks.filter((at) => at + options.callbackToleranceMs >= now).sort((a, b) => a - b)[0];
  const promiseDue = facts.openPromise !== null && facts.openPromise.dueOn <= today;
  const tasksDue = facts.openTasks.filter((task) => task.dueAt <= now);
  if (dueCallback !== undefined) {
    const time = momentWords(facts.timeZone, dueCallback);
    return {
      tier: TIER.callback,
      reason: {
        fr: `Rappel demandé par le débiteur pour ${time.fr} : en tête de file à cette heure.`,
        en: `Callback the debtor asked for on ${time.en}: first in the queue at that time.`,
        it: `Richiamata chiesta dal debitore per ${time.it}: prima in coda a quell’ora.`,
      },
    };
  }
  if (promiseDue || tasksDue.some((task) => task.kind === 'promise_broken')) {
    return {
      tier: TIER.promise,
      reason: promiseDue
        ? {
            fr: `Promesse de ${amountParam(facts.openPromise!.amountCents)} à échéance le ${dateWords(facts.openPromise!.dueOn).fr}.`,
            en: `Promise of ${amountParam(facts.openPromise!.amountCents)} due on ${dateWords(facts.openPromise!.dueOn).en}.`,
            it: `Promessa di ${amountParam(facts.openPromise!.amountCents)} in scadenza il ${dateWords(facts.openPromise!.dueOn).it}.`,
          }
        : {
            fr: 'Promesse non tenue : suivi à faire.',
            en: 'Broken promise: follow-up due.',
            it: 'Promessa non mantenuta: seguito da fare.',
          },
    };
  }
  if (tasksDue.length > 0) {
    const titles = (lang: 'fr' | 'en' | 'it') =>
      tasksDue.map((task) => TASK_TITLES[task.kind as keyof typeof TASK_TITLES]?.[lang] ?? task.kind).join(' ; ');
    return {
      tier: TIER.follow_up,
      reason: {
        fr: `Suivi à faire : ${titles('fr')}.`,
        en: `Follow-up due: ${titles('en')}.`,
        it: `Seguito da fare: ${titles('it')}.`,
      },
    };
  }
  return { tier: TIER.standard, reason: null };
}

/**
 * From when the case may be called, and why not now: never when its treatment plans no call, else when the contact
 * policy allows a call and no commitment holds the case back.
 */
function callableFromOf(
  channels: readonly Channel[],
  facts: QueueFacts,
  phone: PhoneVerdict,
  now: number,
): { callableFrom: number | null; reasons: QueueReason[] } {
  if (!channels.includes('phone')) {
    const list = channels.join(', ');
    return {
      callableFrom: null,
      reasons: [
        {
          fr: `Pas d’appel prévu par ce traitement (canaux : ${list}).`,
          en: `This treatment plans no call (channels: ${list}).`,
          it: `Nessuna chiamata prevista da questo trattamento (canali: ${list}).`,
        },
      ],
    };
  }
  const reasons: QueueReason[] = [];
  let callableFrom = phone.allowed ? now : phone.nextAllowedAt;
  if (!phone.allowed && phone.reason) reasons.push(phone.reason);
  const wait = waitUntil(facts, now);
  if (callableFrom !== null && wait !== null && wait > callableFrom) {
    callableFrom = wait;
    const until = momentWords(facts.timeZone, wait);
    reasons.push({
      fr: `En attente jusqu’à ${until.fr} (engagement en cours).`,
      en: `Waiting until ${until.en} (a commitment is running).`,
      it: `In attesa fino a ${until.it} (impegno in corso).`,
    });
  }
  return { callableFrom, reasons };
}

/**
 * A commitment holds the case back: a promise not yet due (the case waits for its date), an "already paid" check
 * (the case waits for the payment to show).
 */
export function waitUntil(facts: QueueFacts, now: number): number | null {
  let until: number | null = null;
  if (facts.openPromise !== null) {
    const dueStart = fromLocal(facts.timeZone, dayNumberOf(facts.openPromise.dueOn), 0);
    if (dueStart > now) until = dueStart;
  }
  for (const task of facts.openTasks) {
    if (task.kind === 'payment_check' && task.dueAt > now) until = Math.max(until ?? 0, task.dueAt);
  }
  return until;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
