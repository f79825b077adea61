import { appendAudit } from '../../audit/append.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import type { OrganisationBody, OrganisationView } from './contract.js';
import { organisationView, type OrganisationRow } from './organisation-view.js';

const values = (body: OrganisationBody) => ({
  country: body.country,
  name: body.name,
  helps_with: body.helpsWith,
  coverage: body.coverage,
  area: body.area,
  phone: body.phone,
  email: body.email,
  website: body.website,
  address: body.address,
  description: body.description,
  active: body.active,
});

/** What the audit trail keeps of an organisation: its whole row as the API writes it, without the bookkeeping. */
const audited = (row: OrganisationRow) => {
  const { id: _id, updatedAt: _updatedAt, ...rest } = organisationView(row);
  return rest;
};

/** Adds an organisation to the directory, audited with what it holds: one transaction. */
export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  body: OrganisationBody,
  requestId: string | null,
): Promise<OrganisationView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('care_organisations')
      .values({ ...values(body), created_at: now, updated_at: now, updated_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care_organisation.created',
      targetType: 'care_organisation',
      targetId: row.id,
      after: audited(row),
      requestId,
      at: now,
    });
    return organisationView(row);
  });
}

/**
 * Changes an organisation (every field, its activity too: an organisation that stops helping is made inactive, never
 * deleted, since referrals name it), audited with the row before and after: one transaction.
 */
export async function updateOrganisation(
  deps: Deps,
  actor: Actor,
  id: string,
  body: OrganisationBody,
  requestId: string | null,
): Promise<OrganisationView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('care_organisations')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('The organisation');
    const row = await trx
      .updateTable('care_organisations')
      .set({ ...values(body), updated_at: now, updated_by: actor.userId })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'care_organisation.updated',
      targetType: 'care_organisation',
      targetId: id,
      before: audited(before),
      after: audited(row),
      requestId,
      at: now,
    });
    return organisationView(row);
  });
}
