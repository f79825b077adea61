import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import type { PartnerKeyBody, PartnerKeyCreated, PartnerKeyList, PartnerKeyView } from './contract.js';
import { PARTNER_KEY_PATTERN } from './core/partner-api.js';

/**
 * A judicial partner's API keys (the partner API, docs/partner-api.md): `acp_<prefix>_<secret>`, 32 random bytes of
 * secret, shown once when created; the database keeps the sha256 of the whole key, so a stolen copy of it opens
 * nothing. A caller is found by the hash of the key it presents (a unique index lookup: no secret is compared byte by
 * byte). Revoked, never deleted: a partner's reports keep naming the key they came with.
 */

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

function newKey(): { key: string; prefix: string } {
  const prefix = [...randomBytes(8)].map((byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join('');
  return { key: `acp_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

type KeyRow = Selectable<DB['judicial_partner_keys']> & { created_by_name: string | null };

function keyView(row: KeyRow): PartnerKeyView {
  return {
    id: row.id,
    partnerId: row.partner_id,
    label: row.label,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

function keysOf(deps: Deps, partnerId: string) {
  return deps.db
    .selectFrom('judicial_partner_keys as k')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .selectAll('k')
    .select('u.display_name as created_by_name')
    .where('k.partner_id', '=', partnerId);
}

async function assertPartner(deps: Deps, partnerId: string) {
  const partner = await deps.db
    .selectFrom('judicial_partners')
    .select('id')
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) throw notFound('The partner');
}

/** A partner's keys, the newest first: never the key nor its hash. */
export async function listPartnerKeys(deps: Deps, partnerId: string): Promise<PartnerKeyList> {
  await assertPartner(deps, partnerId);
  const rows = await keysOf(deps, partnerId).orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').execute();
  return { items: rows.map(keyView) };
}

/** A new key for an active partner: the answer is the only place the whole key is ever shown. */
export async function createPartnerKey(
  deps: Deps,
  actor: Actor,
  partnerId: string,
  body: PartnerKeyBody,
  requestId: string | null = null,
): Promise<PartnerKeyCreated> {
  const now = deps.now();
  const { key, prefix } = newKey();
  const row = await deps.db.transaction().execute(async (trx) => {
    const partner = await trx
      .selectFrom('judicial_partners')
      .select(['id', 'active'])
      .where('id', '=', partnerId)
      .forUpdate()
      .executeTakeFirst();
    if (!partner) throw notFound('The partner');
    if (!partner.active)
      throw conflict('judicial_partner_key.partner_inactive', 'This partner is no longer active: it gets no new key.');
    const inserted = await trx
      .insertInto('judicial_partner_keys')
      .values({
        partner_id: partnerId,
        label: body.label,
        prefix,
        key_hash: keyHash(key),
        created_by: actor.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'judicial_partner_key.created',
      targetType: 'judicial_partner',
      targetId: partnerId,
      // The prefix names the key; the key itself is never written anywhere but the answer.
      after: { keyId: inserted.id, label: body.label, prefix },
      requestId,
      at: now,
    });
    return inserted;
  });
  return { ...keyView({ ...row, created_by_name: actor.displayName }), key };
}

/** Revokes a key: from now on it opens nothing. A key already revoked is a 409. */
export async function revokePartnerKey(
  deps: Deps,
  actor: Actor,
  partnerId: string,
  keyId: string,
  requestId: string | null = null,
): Promise<PartnerKeyView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const key = await trx
      .selectFrom('judicial_partner_keys')
      .select(['id', 'label', 'prefix', 'revoked_at'])
      .where('id', '=', keyId)
      .where('partner_id', '=', partnerId)
      .forUpdate()
      .executeTakeFirst();
    if (!key) throw notFound('The key');
    if (key.revoked_at) throw conflict('judicial_partner_key.revoked', 'This key is already revoked.');
    await trx
      .updateTable('judicial_partner_keys')
      .set({ revoked_at: now, revoked_by: actor.userId })
      .where('id', '=', keyId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'judicial_partner_key.revoked',
      targetType: 'judicial_partner',
      targetId: partnerId,
      after: { keyId, label: key.label, prefix: key.prefix },
      requestId,
      at: now,
    });
  });
  return keyView(await keysOf(deps, partnerId).where('k.id', '=', keyId).executeTakeFirstOrThrow());
}

/** The partner calling with a key, as the partner API's routes know it. */
export interface PartnerCaller {
  partnerId: string;
  keyId: string;
}

const unauthorized = (code: string, message: string) => new AppError(code, 401, message);

/**
 * The partner a presented `Authorization: Bearer <key>` header belongs to, or a 401 with a stable code: no key, a key
 * Accord does not know, a revoked key, a partner no longer active. Marks the key used.
 */
export async function partnerOfKey(deps: Deps, header: string | undefined): Promise<PartnerCaller> {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  if (!presented)
    throw unauthorized('partner_api.key_required', 'Send your partner key as "Authorization: Bearer acp_…".');
  const known = PARTNER_KEY_PATTERN.test(presented)
    ? await deps.db
        .selectFrom('judicial_partner_keys as k')
        .innerJoin('judicial_partners as p', 'p.id', 'k.partner_id')
        .select(['k.id', 'k.partner_id', 'k.revoked_at', 'p.active'])
        .where('k.key_hash', '=', keyHash(presented))
        .executeTakeFirst()
    : undefined;
  if (!known) throw unauthorized('partner_api.key_invalid', 'This key is not a partner key of this agency.');
  if (known.revoked_at)
    throw unauthorized('partner_api.key_revoked', 'This key was revoked: ask the agency for a new one.');
  if (!known.active)
    throw unauthorized('partner_api.partner_inactive', 'The agency no longer works with this partner.');
  await deps.db
    .updateTable('judicial_partner_keys')
    .set({ last_used_at: deps.now() })
    .where('id', '=', known.id)
    .execute();
  return { partnerId: known.partner_id, keyId: known.id };
}
