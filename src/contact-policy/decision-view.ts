import type { Locale } from '../platform/db/schema.js';
import type { Decision } from './core/decide.js';
import type { DecisionView } from './contract.js';

/** Builds a decision as the API gives it (contract.ts): instants as ISO strings, messages in the reader's language and in all three. */
export interface OverrideRef {
  id: string;
  reason: string;
  grantedBy: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function decisionView(decision: Decision, locale: Locale, override: OverrideRef | null = null): DecisionView {
  return {
    allowed: decision.allowed || override !== null,
    channel: decision.channel,
    at: new Date(decision.at).toISOString(),
    reasons: decision.reasons.map((reason) => ({
      rule: reason.rule,
      message: reason[locale],
      messages: { fr: reason.fr, en: reason.en, it: reason.it },
      until: iso(reason.until),
    })),
    notices: decision.notices.map((notice) => ({
      rule: notice.rule,
      message: notice[locale] ?? notice.en,
      messages: { fr: notice.fr, en: notice.en, ...(notice.it === undefined ? {} : { it: notice.it }) },
    })),
    nextAllowedAt: override !== null ? new Date(decision.at).toISOString() : iso(decision.nextAllowedAt),
    policyVersion: decision.policyVersion,
    callback: decision.callback,
    override,
  };
}
