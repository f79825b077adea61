import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import type { RecordText } from '../cases/core/record-texts.js';
import { chooseLetterAddress, type AddressSource } from '../debtors/core/letter-address.js';
import { normalisePhone } from '../intake/core/contacts.js';
import { parsePostalCode, timeZoneFor } from '../intake/core/places.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid } from '../platform/errors.js';
import type { ContactDetails } from './contract.js';
import { maskedPhone } from './core/access.js';
import { openTask } from '../workspace/tasks.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import type { PortalVisitor } from './portal-sessions.js';

/**
 * The person's contact details on their own space (docs/portal.md): the address their letters go to and the phones
 * known, and a new address or phone they give. Nothing is overwritten: what they give is a new fact beside the others
 * with the debtor as its source (the earlier ones stay, as the history), unverified until an agent verifies it the
 * usual way; the agents read it on the timeline of each open file.
 */
export async function portalContactDetails(deps: Deps, visitor: PortalVisitor): Promise<ContactDetails> {
  const addresses = await deps.db
    .selectFrom('debtor_addresses')
    .selectAll()
    .where('debtor_id', '=', visitor.debtorId)
    .execute();
  const chosen = chooseLetterAddress(
    addresses.map((a) => ({
      id: a.id,
      source: a.source as AddressSource,
      isPrimary: a.is_primary,
      createdAtMs: a.created_at.getTime(),
      verifiedAtMs: a.verified_at?.getTime() ?? null,
      undeliverableAtMs: a.undeliverable_at?.getTime() ?? null,
    })),
  );
  const address = chosen ? addresses.find((a) => a.id === chosen.id)! : null;
  const phones = await deps.db
    .selectFrom('debtor_contact_points')
    .select(['value', 'verified_at', 'source'])
    .where('debtor_id', '=', visitor.debtorId)
    .where('channel', '=', 'phone')
    .where('wrong_number_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
  return {
    address: address && {
      lines: [address.line1, address.line2].filter((line): line is string => !!line),
      postalCode: address.postal_code,
      city: address.city,
      country: address.country,
      givenByYou: address.source === 'debtor',
    },
    phones: phones.map((p) => ({
      masked: maskedPhone(p.value),
      verified: p.verified_at !== null,
      givenByYou: p.source === 'debtor',
    })),
  };
}

/** A new postal address the person gives: kept beside the earlier ones, on the timeline of each open file. */
export async function givePortalAddress(
  deps: Deps,
  visitor: PortalVisitor,
  input: { line1: string; line2: string; postalCode: string; city: string; country: 'FR' | 'IT' },
  requestId: string,
): Promise<ContactDetails> {
  const postal = parsePostalCode(input.postalCode, input.country);
  if (!postal.ok) throw invalid('portal.postcode_invalid', `Check the postcode: ${postal.message}.`);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('debtor_addresses')
      .values({
        debtor_id: visitor.debtorId,
        line1: input.line1,
        line2: input.line2 === '' ? null : input.line2,
        postal_code: postal.postalCode,
        city: input.city,
        country: input.country,
        subdivision: postal.subdivision,
        time_zone: timeZoneFor(input.country, postal.subdivision),
        source: 'debtor',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const text = recordText('portal_address_given', { postalCode: postal.postalCode, city: input.city });
    await onOpenCases(trx, visitor.debtorId, now, text, { addressId: row.id });
    await openContactCheck(trx, deps, visitor.debtorId, now, { addressId: row.id });
    // The trail names the act and the new fact's id, never the address itself.
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.address_given',
      targetType: 'debtor',
      targetId: visitor.debtorId,
      after: { addressId: row.id, country: input.country, source: 'debtor' },
      requestId,
      at: now,
    });
  });
  return portalContactDetails(deps, visitor);
}

/** A phone number the person gives, in E.164: unverified until verified the usual way. */
export async function givePortalPhone(
  deps: Deps,
  visitor: PortalVisitor,
  input: { number: string; usage: 'mobile' | 'home' | 'work' },
  requestId: string,
): Promise<ContactDetails> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const home = await trx
      .selectFrom('debtor_addresses')
      .select('country')
      .where('debtor_id', '=', visitor.debtorId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const phone = normalisePhone(input.number, home?.country ?? 'FR');
    if (!phone.ok) throw invalid('portal.phone_invalid', `Check the number: ${phone.message}.`);
    const row = await trx
      .insertInto('debtor_contact_points')
      .values({
        debtor_id: visitor.debtorId,
        channel: 'phone',
        value: phone.e164,
        usage: input.usage,
        source: 'debtor',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['debtor_id', 'channel', 'value']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('portal.phone_known', 'We already have this number.');
    await onOpenCases(trx, visitor.debtorId, now, recordText('portal_phone_given', {}), { contactPointId: row.id });
    await openContactCheck(trx, deps, visitor.debtorId, now, { contactPointId: row.id });
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.phone_given',
      targetType: 'debtor',
      targetId: visitor.debtorId,
      after: { contactPointId: row.id, usage: input.usage, source: 'debtor', verified: false },
      requestId,
      at: now,
    });
  });
  return portalContactDetails(deps, visitor);
}

/**
 * One task for an agent to verify what the person gave, on their open file with the most left to pay (the one most
 * likely to be worked soon), for that file's team; none when every file is closed (the timeline keeps the fact).
 */
async function openContactCheck(
  trx: Transaction<DB>,
  deps: Deps,
  debtorId: string,
  now: Date,
  source: { addressId: string } | { contactPointId: string },
): Promise<void> {
  const target = await trx
    .selectFrom('cases')
    .select(['id', 'assigned_team_id'])
    .where('debtor_id', '=', debtorId)
    .where('status', '<>', 'closed')
    .orderBy('balance_cents', 'desc')
    .orderBy('reference')
    .limit(1)
    .executeTakeFirst();
  if (!target) return;
  await openTask(
    trx,
    { caseId: target.id, debtorId, kind: 'contact_check', dueAt: now, teamId: target.assigned_team_id, source },
    null,
    now,
    deps.config,
  );
}

/** The line on the timeline of each of the person's open files, for the agents who work them. */
async function onOpenCases(
  trx: Transaction<DB>,
  debtorId: string,
  now: Date,
  summary: RecordText,
  data: Record<string, unknown>,
) {
  const cases = await trx
    .selectFrom('cases')
    .select('id')
    .where('debtor_id', '=', debtorId)
    .where('status', '<>', 'closed')
    .execute();
  for (const open of cases)
    await appendCaseEvent(trx, {
      caseId: open.id,
      debtorId,
      at: now,
      kind: 'note',
      channel: null,
      summary,
      actorUserId: null,
      data: { via: 'portal', ...data },
    });
}
