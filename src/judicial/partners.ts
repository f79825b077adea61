import type { Selectable } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { PartnerBody, PartnerList, PartnerListQuery, PartnerView } from './contract.js';

/**
 * The judicial partners a handoff file is sent to: commissaires de justice and the creditors' lawyers, with the
 * channel they receive files by and the cour d'appel area they work in. An agency's address book, not personal data
 * of debtors; every change audited. A partner is deactivated, never deleted: sent files keep naming it.
 */

export function partnerView(row: Selectable<DB['judicial_partners']>): PartnerView {
  return {
    id: row.id,
    firmName: row.firm_name,
    kind: row.kind,
    contactName: row.contact_name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    channel: row.channel,
    area: row.area,
    active: row.active,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listPartners(deps: Deps, query: PartnerListQuery): Promise<PartnerList> {
  let select = deps.db.selectFrom('judicial_partners').selectAll();
  if (query.active === 'true') select = select.where('active', '=', true);
  const rows = await select.orderBy('active', 'desc').orderBy('firm_name').orderBy('id').limit(500).execute();
  return { items: rows.map(partnerView) };
}

const columns = (body: PartnerBody) => ({
  firm_name: body.firmName,
  kind: body.kind,
  contact_name: body.contactName,
  email: body.email,
  phone: body.phone,
  address: body.address,
  channel: body.channel,
  area: body.area,
  active: body.active,
});

export async function createPartner(
  deps: Deps,
  actor: Actor,
  body: PartnerBody,
  requestId: string | null = null,
): Promise<PartnerView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('judicial_partners')
      .values({
        ...columns(body),
        created_at: now,
        created_by: actor.userId,
        updated_at: now,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'judicial_partner.created',
      targetType: 'judicial_partner',
      targetId: row.id,
      after: { firmName: body.firmName, kind: body.kind, channel: body.channel, area: body.area, active: body.active },
      requestId,
      at: now,
    });
    return partnerView(row);
  });
}

export async function updatePartner(
  deps: Deps,
  actor: Actor,
  partnerId: string,
  body: PartnerBody,
  requestId: string | null = null,
): Promise<PartnerView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('judicial_partners')
      .selectAll()
      .where('id', '=', partnerId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('The partner');
    const row = await trx
      .updateTable('judicial_partners')
      .set({ ...columns(body), updated_at: now, updated_by: actor.userId })
      .where('id', '=', partnerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changed = Object.entries(columns(body))
      .filter(([key, value]) => before[key as keyof typeof before] !== value)
      .map(([key]) => key);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: before.active && !body.active ? 'judicial_partner.deactivated' : 'judicial_partner.updated',
      targetType: 'judicial_partner',
      targetId: partnerId,
      before: { firmName: before.firm_name, active: before.active },
      after: { firmName: body.firmName, active: body.active, changed },
      requestId,
      at: now,
    });
    return partnerView(row);
  });
}
