import type { Message } from '../../platform/message.js';
import { CARE_HOLD_KINDS } from './need-to-know.js';
import { CARE_RULE } from './projection.js';

/**
 * Contact decisions and queue explanations as a reader without need-to-know sees them. The decision itself is never
 * changed (it refuses exactly as before); only what it says to the reader is: a care hold's rule id and words
 * ("hold.vulnerability", "fragilité signalée") become the neutral "hold.care_rule", "care rule in place", with the
 * channel and the date it stops kept, so the reader still follows the rule. Which channels a care rule stops is the
 * policy's, the same for every care hold, so it says nothing about the person; nor does the date.
 */

/** The rule id a reader without need-to-know sees instead of `hold.<care kind>`. */
export const CARE_RULE_ID = `hold.${CARE_RULE}`;

const CARE_RULE_IDS = new Set(CARE_HOLD_KINDS.map((kind) => `hold.${kind}`));

/**
 * Whether a decision's rule id (a reason's or a notice's) names a care rule: a care hold, or one of the care rules of
 * the contact policy (`care.*`: a vulnerability's adaptations and the care profile, contact-policy/core/care-rules.ts).
 */
export function isCareRuleId(rule: string): boolean {
  return CARE_RULE_IDS.has(rule) || rule.startsWith('care.');
}

/**
 * Why a channel is refused, without the kind of care hold or adaptation: a hold stops until its end, or until a person
 * lifts it; an adaptation narrows contact for good, or until the next moment the decision gives.
 */
export function careRuleReason(until: string | null, rule: string = CARE_RULE_ID): Message {
  if (!CARE_RULE_IDS.has(rule) && rule !== CARE_RULE_ID) return adaptedReason(until);
  return until === null
    ? {
        fr: 'Règle de soin en place : ce canal est suspendu jusqu’à ce qu’une personne lève la règle.',
        en: 'Care rule in place: this channel is suspended until a person lifts the rule.',
        it: 'Regola di tutela in vigore: questo canale è sospeso finché una persona non revoca la regola.',
      }
    : {
        fr: 'Règle de soin en place : ce canal est suspendu jusqu’à la fin de la règle.',
        en: 'Care rule in place: this channel is suspended until the rule ends.',
        it: 'Regola di tutela in vigore: questo canale è sospeso fino alla fine della regola.',
      };
}

function adaptedReason(until: string | null): Message {
  return until === null
    ? {
        fr: 'Règle de soin en place : ce canal n’est pas utilisé pour ce débiteur tant que la règle s’applique.',
        en: 'Care rule in place: this channel is not used for this debtor while the rule applies.',
        it: 'Regola di tutela in vigore: questo canale non è usato per questo debitore finché la regola si applica.',
      }
    : {
        fr: 'Règle de soin en place : le contact est adapté pour ce débiteur ; il reprend au prochain moment indiqué.',
        en: 'Care rule in place: contact is adapted for this debtor; it resumes at the next moment shown.',
        it: 'Regola di tutela in vigore: il contatto è adattato per questo debitore; riprende al prossimo momento indicato.',
      };
}

/** What to keep in mind while a care rule applies (instead of the care hold's own notice, which names it). */
export const CARE_RULE_NOTICE: Message = {
  fr: 'Règle de soin en place : suivez-la ; ses motifs sont réservés aux personnes qui ont besoin d’en connaître.',
  en: 'Care rule in place: follow it; why it applies is reserved to those who need to know.',
  it: 'Regola di tutela in vigore: la rispetti; i motivi sono riservati a chi ha necessità di conoscerli.',
};

/** The name a reader without need-to-know sees for a strategy segment that selects cases by vulnerability. */
export const CARE_SEGMENT_NAME: Message = {
  fr: 'Règle de soin : équipe d’accompagnement',
  en: 'Care rule: care team',
  it: 'Regola di tutela: team di accompagnamento',
};

type Language = 'fr' | 'en' | 'it';

interface ReasonLike {
  rule: string;
  message: string;
  messages: { fr: string; en: string; it: string };
  until: string | null;
}

interface NoticeLike {
  rule: string;
  message: string;
  messages: { fr: string; en: string; it?: string };
}

/**
 * A decision as given by the API, as a reader without need-to-know sees it: each care rule's reason and notice (a care
 * hold's, an adaptation's, the care profile's) in neutral words under `hold.care_rule` (once: two care rules stopping
 * a channel are one care rule, until the later of their ends), every other reason, the verdict, the next allowed
 * moment and any override unchanged.
 */
export function restrictDecision<T extends { reasons: ReasonLike[]; notices: NoticeLike[] }>(
  view: T,
  language: Language,
): T {
  const care = view.reasons.filter((reason) => isCareRuleId(reason.rule));
  const careNotice = view.notices.some((notice) => isCareRuleId(notice.rule));
  if (care.length === 0 && !careNotice) return view;
  const reasons: ReasonLike[] = [];
  if (care.length > 0) {
    const until = care.some((reason) => reason.until === null)
      ? null
      : care
          .map((reason) => reason.until!)
          .sort()
          .at(-1)!;
    // A care hold's words when one of the rules is a hold (it says the most), an adaptation's otherwise.
    const text = careRuleReason(until, care.find((reason) => CARE_RULE_IDS.has(reason.rule))?.rule ?? care[0]!.rule);
    const at = view.reasons.findIndex((reason) => isCareRuleId(reason.rule));
    reasons.push(...view.reasons.slice(0, at).filter((reason) => !isCareRuleId(reason.rule)));
    reasons.push({
      rule: CARE_RULE_ID,
      message: text[language],
      messages: { fr: text.fr, en: text.en, it: text.it },
      until,
    });
    reasons.push(...view.reasons.slice(at).filter((reason) => !isCareRuleId(reason.rule)));
  } else {
    reasons.push(...view.reasons);
  }
  const notices: NoticeLike[] = [];
  let noticed = false;
  for (const notice of view.notices) {
    if (!isCareRuleId(notice.rule)) notices.push(notice);
    else if (!noticed) {
      noticed = true;
      notices.push({
        rule: CARE_RULE_ID,
        message: CARE_RULE_NOTICE[language],
        messages: { fr: CARE_RULE_NOTICE.fr, en: CARE_RULE_NOTICE.en, it: CARE_RULE_NOTICE.it },
      });
    }
  }
  return { ...view, reasons, notices };
}

/**
 * An explanation of a queue entry, stored with its neutral wording when it rests on a care hold (the policy's
 * refusal) or on a vulnerability condition (the segment): the queue is written ahead of any reader, so both are kept
 * and the reader's need-to-know picks one when the entry is read.
 */
export type QueueReason = Message & { restricted?: Message };

/** The explanations of a queue entry as a reader without need-to-know reads them. */
export function restrictQueueReasons(reasons: readonly QueueReason[]): Message[] {
  return reasons.map((reason) => reason.restricted ?? { fr: reason.fr, en: reason.en, it: reason.it });
}
