import { say } from '../../affordability/core/text.js';
import { amountParam, type Message } from '../../platform/message.js';
import { CARE_SEGMENT_NAME, type QueueReason } from '../../need-to-know/core/care-rule.js';
import { OUTCOME_WORDS, PLAN_STATE_WORDS } from './texts.js';
import type {
  Conditions,
  LAST_OUTCOMES,
  LANGUAGES,
  PLAN_STATES,
  Segment,
  StrategyDocument,
  STRATEGY_STAGES,
  Treatment,
} from './strategy-document.js';

/** What the strategy looks at in a case, loaded in bulk by the queue refresh. */
export interface SegmentFacts {
  caseId: string;
  creditorCode: string;
  stage: (typeof STRATEGY_STAGES)[number];
  balanceCents: number;
  /** Whole days since the case was opened. */
  ageDays: number;
  lastOutcome: (typeof LAST_OUTCOMES)[number];
  brokenPromises: number;
  planState: (typeof PLAN_STATES)[number];
  vulnerable: boolean;
  language: (typeof LANGUAGES)[number];
}

export type Arm = 'champion' | 'challenger';

export interface SegmentAssignment {
  segment: Segment;
  arm: Arm;
  treatment: Treatment;
  /** Why, in words: the segment and what of the case matched it, and the arm. */
  reasons: QueueReason[];
}

/** Whether a case meets every condition of a segment (a missing condition always holds). */
export function meets(when: Conditions, facts: SegmentFacts): boolean {
  if (when.creditors && !when.creditors.includes(facts.creditorCode)) return false;
  if (when.stages && !when.stages.includes(facts.stage)) return false;
  if (when.minBalanceCents !== undefined && facts.balanceCents < when.minBalanceCents) return false;
  if (when.maxBalanceCents !== undefined && facts.balanceCents > when.maxBalanceCents) return false;
  if (when.minAgeDays !== undefined && facts.ageDays < when.minAgeDays) return false;
  if (when.maxAgeDays !== undefined && facts.ageDays > when.maxAgeDays) return false;
  if (when.lastOutcomes && !when.lastOutcomes.includes(facts.lastOutcome)) return false;
  if (when.minBrokenPromises !== undefined && facts.brokenPromises < when.minBrokenPromises) return false;
  if (when.planStates && !when.planStates.includes(facts.planState)) return false;
  if (when.vulnerable !== undefined && facts.vulnerable !== when.vulnerable) return false;
  if (when.languages && !when.languages.includes(facts.language)) return false;
  return true;
}

/**
 * The first segment whose conditions hold takes the case. The strategy's last segment has no conditions (its
 * schema insists), so every case lands somewhere. The challenger arm is chosen by a stable hash of the segment and
 * the case: the same case stays in the same arm at every refresh, and about `sharePercent` of the cases are in it.
 */
export function segmentCase(strategy: StrategyDocument, facts: SegmentFacts): SegmentAssignment {
  const segment = strategy.segments.find((candidate) => meets(candidate.when, facts));
  if (!segment)
    throw new Error(
      `strategy "${strategy.title}" has no segment for case ${facts.caseId}: its last segment must have no conditions`,
    );
  const challenger =
    segment.challenger !== undefined && bucketOf(segment.id, facts.caseId) < segment.challenger.sharePercent;
  // French puts a space inside the guillemets, unbreakable: on a phone the closing one went to a line of its own.
  const named: QueueReason = say({
    fr: () => `Segment «\u00a0${segment.name}\u00a0»${describeConditions(segment.when, 'fr')}.`,
    en: () => `Segment “${segment.name}”${describeConditions(segment.when, 'en')}.`,
    it: () => `Segmento «${segment.name}»${describeConditions(segment.when, 'it')}.`,
  });
  // A segment that selects by vulnerability names it: a reader without need-to-know reads that a care rule applies.
  if (isCareSegment(segment))
    named.restricted = {
      fr: `Segment «\u00a0${CARE_SEGMENT_NAME.fr}\u00a0».`,
      en: `Segment “${CARE_SEGMENT_NAME.en}”.`,
      it: `Segmento «${CARE_SEGMENT_NAME.it}».`,
    };
  const reasons: QueueReason[] = [named];
  if (segment.challenger) {
    const share = segment.challenger.sharePercent;
    reasons.push(
      challenger
        ? {
            fr: `Traitement challenger (${share} % du segment).`,
            en: `Challenger treatment (${share}% of the segment).`,
            it: `Trattamento challenger (${share}% del segmento).`,
          }
        : {
            fr: `Traitement de référence (le challenger a ${share} % du segment).`,
            en: `Champion treatment (the challenger has ${share}% of the segment).`,
            it: `Trattamento di riferimento (il challenger ha il ${share}% del segmento).`,
          },
    );
  }
  return {
    segment,
    arm: challenger ? 'challenger' : 'champion',
    treatment: challenger ? segment.challenger!.treatment : segment.treatment,
    reasons,
  };
}

/** Whether a segment selects cases by a vulnerability hold, so that its name and conditions reveal one. */
export function isCareSegment(segment: Pick<Segment, 'when'>): boolean {
  return segment.when.vulnerable === true;
}

/** 0–99 from FNV-1a over "segment:case": stable across processes and versions of Node. */
export function bucketOf(segmentId: string, caseId: string): number {
  let hash = 0x811c9dc5;
  const text = `${segmentId}:${caseId}`;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
}

type Lang = keyof Message;

const STAGE_WORDS: Record<(typeof STRATEGY_STAGES)[number], Message> = {
  amicable: { fr: 'amiable', en: 'amicable', it: 'stragiudiziale' },
  plan: { fr: 'plan', en: 'plan', it: 'piano' },
  dispute: { fr: 'contestation', en: 'dispute', it: 'contestazione' },
  overindebtedness: { fr: 'surendettement', en: 'over-indebtedness', it: 'sovraindebitamento' },
  judicial: { fr: 'judiciaire', en: 'judicial', it: 'giudiziale' },
};

/** The words of each segment's conditions, kept: the nightly rebuild says them for a million cases. */
const described = new WeakMap<Conditions, Partial<Record<Lang, string>>>();

/** The conditions in words, after a colon; empty for the catch-all segment. */
export function describeConditions(when: Conditions, lang: Lang): string {
  let words = described.get(when);
  if (!words) described.set(when, (words = {}));
  return (words[lang] ??= conditionWords(when, lang));
}

function conditionWords(when: Conditions, lang: Lang): string {
  const parts: string[] = [];
  const w = (fr: string, en: string, it: string) => ({ fr, en, it })[lang];
  if (when.creditors) parts.push(`${w('créanciers', 'creditors', 'creditori')} ${when.creditors.join(', ')}`);
  if (when.stages)
    parts.push(`${w('étape', 'stage', 'fase')} ${when.stages.map((stage) => STAGE_WORDS[stage][lang]).join(', ')}`);
  if (when.minBalanceCents !== undefined)
    parts.push(`${w('solde', 'balance', 'saldo')} ≥ ${amountParam(when.minBalanceCents)}`);
  if (when.maxBalanceCents !== undefined)
    parts.push(`${w('solde', 'balance', 'saldo')} ≤ ${amountParam(when.maxBalanceCents)}`);
  if (when.minAgeDays !== undefined)
    parts.push(`${w('ouvert depuis', 'open for', 'aperta da')} ≥ ${when.minAgeDays} ${w('j', 'd', 'g')}`);
  if (when.maxAgeDays !== undefined)
    parts.push(`${w('ouvert depuis', 'open for', 'aperta da')} ≤ ${when.maxAgeDays} ${w('j', 'd', 'g')}`);
  if (when.lastOutcomes)
    parts.push(
      `${w('dernier résultat', 'last outcome', 'ultimo esito')} ${when.lastOutcomes.map((outcome) => OUTCOME_WORDS[outcome]![lang]).join(', ')}`,
    );
  if (when.minBrokenPromises !== undefined)
    parts.push(`${w('promesses non tenues', 'broken promises', 'promesse non mantenute')} ≥ ${when.minBrokenPromises}`);
  if (when.planStates)
    parts.push(
      `${w('plan', 'plan', 'piano')} ${when.planStates.map((state) => PLAN_STATE_WORDS[state]![lang]).join(', ')}`,
    );
  if (when.vulnerable !== undefined)
    parts.push(
      when.vulnerable
        ? w('fragilité signalée', 'vulnerability flagged', 'fragilità segnalata')
        : w('sans fragilité signalée', 'no vulnerability flagged', 'nessuna fragilità segnalata'),
    );
  if (when.languages) parts.push(`${w('langue', 'language', 'lingua')} ${when.languages.join(', ')}`);
  if (parts.length === 0) return '';
  // French typography spaces its colons and semicolons; English and Italian do not.
  return lang === 'fr' ? ` : ${parts.join(' ; ')}` : `: ${parts.join('; ')}`;
}
