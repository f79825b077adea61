import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { Channel } from './core/policy-document.js';

/** What a `contact.refused` problem carries: the rules (as the caller may read them) and the version that decided. */
interface RefusalExtra {
  reasons?: readonly { rule?: unknown }[];
  policyVersion?: unknown;
}

/** The rules and policy version of a contact the policy refused, or null when the error is anything else. */
export function refusalOf(error: unknown): { rules: string[]; policyVersion: number } | null {
  if (!(error instanceof AppError) || error.code !== 'contact.refused') return null;
  const extra = (error.extra ?? {}) as RefusalExtra;
  const rules = (extra.reasons ?? []).map((reason) => reason.rule).filter((rule) => typeof rule === 'string');
  if (rules.length === 0 || typeof extra.policyVersion !== 'number') return null;
  return { rules: [...new Set(rules)], policyVersion: extra.policyVersion };
}

/**
 * Keeps an outbound contact the policy refused (an agent's attempt, a campaign's message), by rule, for the conduct
 * report. Written after the refused transaction rolled back, on its own: the refusal stands whether or not this
 * record is kept, and it names no person beyond the case. Does nothing for any other error.
 */
export async function keepRefusal(
  db: Kysely<DB>,
  error: unknown,
  contact: { caseId: string; channel: Channel; source: 'agent' | 'campaign'; at: Date },
): Promise<void> {
  const refusal = refusalOf(error);
  if (!refusal) return;
  const caseRow = await db
    .selectFrom('cases')
    .select('creditor_id')
    .where('id', '=', contact.caseId)
    .executeTakeFirst();
  if (!caseRow) return;
  await db
    .insertInto('contact_refusals')
    .values({
      case_id: contact.caseId,
      creditor_id: caseRow.creditor_id,
      channel: contact.channel,
      source: contact.source,
      rules: refusal.rules,
      refused_at: contact.at,
      policy_version: refusal.policyVersion,
    })
    .execute();
}
