import { appendAudit } from '../audit/append.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { DAY_MS, localDateTimeOf, weekdayOf } from '../platform/calendar/index.js';
import { assertPreferenceWindows, bookCallbackIn, writePreferencesIn } from '../contact-policy/preferences.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import type { DifficultyKind } from './contract.js';
import { agencyOpenAt } from './core/agency-hours.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import type { PortalVisitor } from './portal-sessions.js';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/**
 * What the person does on the portal about their own file (docs/portal.md). Each act is the debtor's word, recorded
 * with the portal as its source, on the case's timeline in neutral words, and audited, in one transaction.
 */

/** The case, the person's own and still open, locked for the act; 404 otherwise, like a case that does not exist. */
async function ownOpenCase(trx: Transaction<DB>, visitor: PortalVisitor, caseId: string) {
  const row = await trx
    .selectFrom('cases')
    .select(['id', 'debtor_id', 'status', 'creditor_id'])
    .where('id', '=', caseId)
    .where('debtor_id', '=', visitor.debtorId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('case');
  if (row.status === 'closed')
    throw conflict('portal.case_closed', 'This file is closed: nothing more can be asked on it. Call us if needed.');
  return row;
}

/**
 * A difficulty the person declares (job loss, illness, bereavement, separation…) with their consent to its use: a
 * signal for a person of the care unit, who decides what to adapt. Never a record by itself, never a pause decided by
 * the system (GDPR art. 22); what they wrote is kept apart, read under need-to-know.
 */
export async function declareDifficulty(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: { kind: DifficultyKind; note?: string | undefined },
  requestId: string,
) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const found = await ownOpenCase(trx, visitor, caseId);
    await trx
      .insertInto('vulnerability_signals')
      .values({
        debtor_id: found.debtor_id,
        case_id: found.id,
        kind: 'debtor_declaration',
        reasons: JSON.stringify({ on: now.toISOString().slice(0, 10), via: 'portal' }),
        detected_at: now,
      })
      .onConflict((oc) => oc.columns(['debtor_id', 'kind']).where('status', '=', 'open').doNothing())
      .execute();
    const signal = await trx
      .selectFrom('vulnerability_signals')
      .select('id')
      .where('debtor_id', '=', found.debtor_id)
      .where('kind', '=', 'debtor_declaration')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const declaration = await trx
      .insertInto('portal_declarations')
      .values({
        debtor_id: found.debtor_id,
        case_id: found.id,
        kind: input.kind,
        note: input.note ?? null,
        consent_at: now,
        declared_at: now,
        signal_id: signal.id,
      })
      .returning(['id', 'declared_at'])
      .executeTakeFirstOrThrow();
    await appendCaseEvent(trx, {
      caseId: found.id,
      debtorId: found.debtor_id,
      at: now,
      kind: 'care',
      channel: null,
      summary: recordText('portal_difficulty_declared', {}),
      actorUserId: null,
      data: { via: 'portal' },
    });
    // The kind and the words stay in their table: the trail names the act, not the difficulty.
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.difficulty_declared',
      targetType: 'debtor',
      targetId: found.debtor_id,
      creditorId: found.creditor_id,
      after: { caseId: found.id, declarationId: declaration.id, signalId: signal.id, consent: true },
      requestId,
      at: now,
    });
    return { id: declaration.id, declaredAt: declaration.declared_at.toISOString() };
  });
}

/** A callback the person asks for: a moment to come, within 60 days, when the agency answers (`AGENCY_HOURS`). */
export async function requestPortalCallback(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  at: Date,
  requestId: string,
) {
  const now = deps.now();
  if (at.getTime() <= now.getTime() + 15 * 60_000)
    throw invalid('portal.callback_too_soon', 'Choose a moment at least a quarter of an hour from now.');
  if (at.getTime() > now.getTime() + 60 * DAY_MS)
    throw invalid('portal.callback_too_far', 'Choose a moment within the next 60 days.');
  const local = localDateTimeOf(at, deps.config.AGENCY_TZ);
  if (!agencyOpenAt(deps.config.AGENCY_HOURS, weekdayOf(local.date), local.time))
    throw invalid('portal.callback_closed', 'We are closed at that time: choose a moment within our opening hours.');
  return deps.db.transaction().execute(async (trx) => {
    const found = await ownOpenCase(trx, visitor, caseId);
    const pending = await trx
      .selectFrom('contact_callbacks')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('debtor_id', '=', found.debtor_id)
      .where('status', '=', 'pending')
      .where('callback_at', '>', now)
      .executeTakeFirstOrThrow();
    if (Number(pending.count) >= 3)
      throw conflict('portal.callbacks_pending', 'You already have callbacks booked: we will call you then.');
    const row = await bookCallbackIn(
      trx,
      now,
      { debtorId: found.debtor_id, caseId: found.id, at },
      { userId: null, via: 'portal' },
    );
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.callback_requested',
      targetType: 'debtor',
      targetId: found.debtor_id,
      creditorId: found.creditor_id,
      after: { caseId: found.id, at: at.toISOString() },
      requestId,
      at: now,
    });
    return { id: row.id, at: row.callback_at.toISOString() };
  });
}

export interface PortalPreferences {
  channels: ('phone' | 'sms' | 'email' | 'letter')[] | null;
  windows: { days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[]; from: string; to: string }[] | null;
}

export async function portalPreferences(deps: Deps, visitor: PortalVisitor): Promise<PortalPreferences> {
  const row = await deps.db
    .selectFrom('contact_preferences')
    .select(['channels', 'windows'])
    .where('debtor_id', '=', visitor.debtorId)
    .executeTakeFirst();
  return {
    channels: (row?.channels as PortalPreferences['channels'] | undefined) ?? null,
    windows: (row?.windows as PortalPreferences['windows'] | undefined) ?? null,
  };
}

/**
 * How the person wants to be contacted: channels and hours. They narrow the contact policy (never widen it: the
 * policy's own hours and caps still hold); a letter always remains possible for what the law requires in writing.
 */
export async function setPortalPreferences(
  deps: Deps,
  visitor: PortalVisitor,
  input: PortalPreferences,
  requestId: string,
): Promise<PortalPreferences> {
  const now = deps.now();
  assertPreferenceWindows(input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await writePreferencesIn(trx, now, visitor.debtorId, input, { userId: null, via: 'portal' });
    const cases = await trx
      .selectFrom('cases')
      .select('id')
      .where('debtor_id', '=', visitor.debtorId)
      .where('status', '<>', 'closed')
      .execute();
    for (const open of cases)
      await appendCaseEvent(trx, {
        caseId: open.id,
        debtorId: visitor.debtorId,
        at: now,
        kind: 'preferences',
        channel: null,
        summary: recordText('portal_preferences_set', {}),
        actorUserId: null,
        data: { via: 'portal' },
      });
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.preferences_set',
      targetType: 'debtor',
      targetId: visitor.debtorId,
      before,
      after: input,
      requestId,
      at: now,
    });
    return input;
  });
}
