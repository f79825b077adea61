import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { agencyToday, localDateOf, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { CERTIFICATIONS, QUEUE_CERTIFICATIONS, type CertificationKind, type WorkQueue } from './core/catalogue.js';
import { queueAccess, takesCasesFrom, type HeldCertification, type PolicyInForce } from './core/certification.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The contact policy version in force at `now`, and the agency day it came into force (null before any). */
export async function policyInForceOn(db: Db, now: Date, zone: string): Promise<PolicyInForce | null> {
  const row = await db
    .selectFrom('contact_policy_versions')
    .select(['version', 'effective_from'])
    .where('effective_from', '<=', now)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, effectiveOn: localDateOf(row.effective_from, zone) } : null;
}

/** The certifications each of these people holds (every one, the expired too: the core picks). */
export async function heldCertifications(
  db: Db,
  userIds: readonly string[],
  zone: string,
): Promise<Map<string, HeldCertification[]>> {
  const held = new Map<string, HeldCertification[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return held;
  const rows = await db
    .selectFrom('certifications')
    .select(['user_id', 'kind', 'earned_at', 'valid_until', 'policy_version'])
    .where('user_id', 'in', userIds)
    .orderBy('earned_at')
    .execute();
  for (const row of rows) {
    held.get(row.user_id)?.push({
      kind: row.kind as CertificationKind,
      earnedOn: localDateOf(row.earned_at, zone),
      validUntil: String(row.valid_until),
      policyVersion: row.policy_version,
    });
  }
  return held;
}

/** The day each module was last passed by this person, and that attempt's id. */
export async function lastPasses(
  db: Db,
  userId: string,
  zone: string,
): Promise<Map<string, { on: IsoDate; id: string }>> {
  const rows = await sql<{ module_id: string; id: string; submitted_at: Date }>`
    select distinct on (module_id) module_id, id, submitted_at from training_attempts
    where user_id = ${userId} and passed
    order by module_id, submitted_at desc`.execute(db);
  return new Map(rows.rows.map((row) => [row.module_id, { on: localDateOf(row.submitted_at, zone), id: row.id }]));
}

const NAMES: Record<CertificationKind, string> = {
  contact_policy: 'the contact policy',
  care_unit: 'care unit',
  overindebtedness: 'over-indebtedness',
  judicial: 'judicial',
};

/**
 * Gating, enforced where a person takes cases: refuses (403, `training.certification_required`) unless every
 * certification the queue asks for counts today (core/certification.ts), naming those to earn and their modules.
 */
export async function assertCertifiedFor(deps: Deps, actor: Actor, queue: WorkQueue): Promise<void> {
  if (QUEUE_CERTIFICATIONS[queue].length === 0) return;
  const now = deps.now();
  const zone = deps.config.AGENCY_TZ;
  const [held, policy] = await Promise.all([
    heldCertifications(deps.db, [actor.userId], zone),
    policyInForceOn(deps.db, now, zone),
  ]);
  const access = queueAccess(queue, held.get(actor.userId) ?? [], agencyToday(now, deps.config), policy);
  if (access.allowed) return;
  const modules = [...new Set(access.missing.flatMap((kind) => CERTIFICATIONS[kind].modules))];
  throw new AppError(
    'training.certification_required',
    403,
    `Taking cases from the ${queue} queue needs a valid certification in ${access.missing.map((k) => NAMES[k]).join(' and ')}` +
      `${access.expired.length > 0 ? ' (yours has expired or is out of date)' : ''}: pass the module(s) ${modules.join(', ')} ` +
      'on your training page.',
    { queue, missing: access.missing, expired: access.expired, modules },
  );
}

/**
 * The same check on a specialist queue's list, for the specialists who take cases from it; team leaders and managers
 * read it to supervise, which takes no case.
 */
export async function assertSpecialistCertified(deps: Deps, actor: Actor, queue: WorkQueue): Promise<void> {
  if (takesCasesFrom(actor.role) === queue) await assertCertifiedFor(deps, actor, queue);
}
