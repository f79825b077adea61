import { z } from 'zod';
import type { Locale } from '../platform/db/schema.js';
import type { Decision } from './core/decide.js';
import { CHANNELS } from './core/policy-document.js';

/** A decision as the API gives it: instants as ISO strings, each message in the reader's language and in both. */

const messages = z.object({ fr: z.string(), en: z.string() });

export const decisionSchema = z.object({
  allowed: z.boolean(),
  channel: z.enum(CHANNELS),
  at: z.string(),
  reasons: z.array(z.object({ rule: z.string(), message: z.string(), messages, until: z.string().nullable() })),
  notices: z.array(z.object({ rule: z.string(), message: z.string(), messages })),
  nextAllowedAt: z.string().nullable(),
  policyVersion: z.number().int(),
  callback: z.boolean(),
  override: z.object({ id: z.string(), reason: z.string(), grantedBy: z.string() }).nullable(),
});
export type DecisionView = z.infer<typeof decisionSchema>;

export interface OverrideRef {
  id: string;
  reason: string;
  grantedBy: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function decisionView(decision: Decision, locale: Locale, override: OverrideRef | null = null): DecisionView {
  const language = locale === 'fr' ? 'fr' : 'en';
  return {
    allowed: decision.allowed || override !== null,
    channel: decision.channel,
    at: new Date(decision.at).toISOString(),
    reasons: decision.reasons.map((reason) => ({
      rule: reason.rule,
      message: reason[language],
      messages: { fr: reason.fr, en: reason.en },
      until: iso(reason.until),
    })),
    notices: decision.notices.map((notice) => ({
      rule: notice.rule,
      message: notice[language],
      messages: { fr: notice.fr, en: notice.en },
    })),
    nextAllowedAt: override !== null ? new Date(decision.at).toISOString() : iso(decision.nextAllowedAt),
    policyVersion: decision.policyVersion,
    callback: decision.callback,
    override,
  };
}
