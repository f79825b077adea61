import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { assertCreditorInScope } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { CreditorDetail, CreditorSummary } from './contract.js';

export async function listCreditors(deps: Deps, actor: Actor): Promise<CreditorSummary[]> {
  const scope = creditorScope(actor);
  let query = deps.db.selectFrom('creditors').selectAll();
  if (scope) query = query.where('id', '=', scope);
  const rows = await query.orderBy('name').execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    sector: row.sector,
    country: row.country,
    active: row.active,
  }));
}

export async function getCreditor(deps: Deps, actor: Actor, creditorId: string): Promise<CreditorDetail> {
  assertCreditorInScope(actor, creditorId);
  const row = await deps.db.selectFrom('creditors').selectAll().where('id', '=', creditorId).executeTakeFirst();
  if (!row) throw notFound('The creditor');
  const mandates = await deps.db
    .selectFrom('mandates')
    .selectAll()
    .where('creditor_id', '=', creditorId)
    .orderBy('starts_on')
    .execute();
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    legalName: row.legal_name,
    registrationNumber: row.registration_number,
    sector: row.sector,
    country: row.country,
    address: { line1: row.address_line1, line2: row.address_line2, postalCode: row.postal_code, city: row.city },
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    active: row.active,
    mandates: mandates.map((m) => ({
      id: m.id,
      code: m.code,
      kind: m.kind,
      commissionRateBp: m.commission_rate_bp,
      maxDiscountBp: m.max_discount_bp,
      maxPlanMonths: m.max_plan_months,
      settlementsAllowed: m.settlements_allowed,
      remittanceFrequency: m.remittance_frequency,
      remittanceMaxDays: m.remittance_max_days,
      paymentGraceDays: m.payment_grace_days,
      startsOn: m.starts_on,
      endsOn: m.ends_on,
    })),
  };
}
