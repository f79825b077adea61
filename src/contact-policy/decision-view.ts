import { z } from 'zod';
import type { Locale } from '../platform/db/schema.js';
import type { Decision } from './core/decide.js';
import { CHANNELS } from './core/policy-document.js';

/**
 * A decision as the API gives it: instants as ISO strings, each message in the reader's language and in all three
 * (a notice the policy document carries is in French and English only: English stands in for Italian).
 */

const messages = z.object({ fr: z.string(), en: z.string(), it: z.string() });
const noticeMessages = z.object({ fr: z.string(), en: z.string(), it: z.string().optional() });

export const decisionSchema = z.object({
  allowed: z.boolean(),
  channel: z.enum(CHANNELS),
  at: z.string(),
  reasons: z.array(z.object({ rule: z.string(), message: z.string(), messages, until: z.string().nullable() })),
  notices: z.array(z.object({ rule: z.string(), message: z.string(), messages: noticeMessages })),
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
