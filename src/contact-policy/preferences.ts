import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { appendAudit, type AuditWriter } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { assertDebtorInScope } from '../cases/scope.js';
import type { Channel, DayKey } from './core/policy-document.js';
import { DAY_MS } from '../platform/calendar/index.js';

/**
 * The debtor's own wishes about contact: preferred channels and hours (they narrow the policy), "stop" per
 * channel, and callbacks they asked for. Each change is the debtor's word recorded by a person, audited.
 */

export interface PreferencesInput {
  channels: Channel[] | null;
  windows: { days: DayKey[]; from: string; to: string }[] | null;
}

export async function setPreferences(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  input: PreferencesInput,
  requestId: string | null = null,
) {
  const now = deps.now();
  assertPreferenceWindows(input);
  return deps.db.transaction().execute(async (trx) => {
    await assertDebtorInScope(trx, actor, debtorId, null);
    const before = await writePreferencesIn(trx, now, debtorId, input, { userId: actor.userId, via: 'agent' });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact.preferences_set',
      targetType: 'debtor',
      targetId: debtorId,
      before,
      after: input,
      requestId,
      at: now,
    });
    return input;
  });
}

/** Hours that end before they start are refused (an agent's or the debtor's own). */
export function assertPreferenceWindows(input: PreferencesInput): void {
  for (const window of input.windows ?? []) {
    if (window.from >= window.to)
      throw invalid('contact.preference_window_empty', `The hours ${window.from}–${window.to} end before they start.`);
  }
}

/** Who recorded the debtor's word: a person of the agency, or the debtor on the portal (no user). */
export interface RecordedBy {
  userId: string | null;
  via: 'agent' | 'portal';
}

/** Writes the debtor's preferences in the caller's transaction; answers what they were before (null: none). */
export async function writePreferencesIn(
  trx: Transaction<DB>,
  now: Date,
  debtorId: string,
  input: PreferencesInput,
  by: RecordedBy,
) {
  const before = await trx
    .selectFrom('contact_preferences')
    .select(['channels', 'windows'])
    .where('debtor_id', '=', debtorId)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    channels: input.channels === null ? null : JSON.stringify(input.channels),
    windows: input.windows === null ? null : JSON.stringify(input.windows),
    updated_by: by.userId,
    updated_at: now,
    via: by.via,
  };
  await trx
    .insertInto('contact_preferences')
    .values({ debtor_id: debtorId, ...values })
    .onConflict((oc) => oc.column('debtor_id').doUpdateSet(values))
    .execute();
  return before ?? null;
}

export async function optOut(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  channel: Channel,
  requestId: string | null = null,
) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await assertDebtorInScope(trx, actor, debtorId, null);
    await trx.selectFrom('debtors').select('id').where('id', '=', debtorId).forUpdate().execute();
    const active = await trx
      .selectFrom('contact_opt_outs')
      .select('opted_out_at')
      .where('debtor_id', '=', debtorId)
      .where('channel', '=', channel)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (active) return { channel, optedOutAt: active.opted_out_at.toISOString() };
    await trx
      .insertInto('contact_opt_outs')
      .values({ debtor_id: debtorId, channel, opted_out_at: now, recorded_by: actor.userId })
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact.opted_out',
      targetType: 'debtor',
      targetId: debtorId,
      after: { channel, at: now.toISOString() },
      requestId,
      at: now,
    });
    return { channel, optedOutAt: now.toISOString() };
  });
}

export async function withdrawOptOut(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  channel: Channel,
  requestId: string | null = null,
) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await assertDebtorInScope(trx, actor, debtorId, null);
    const updated = await trx
      .updateTable('contact_opt_outs')
      .set({ withdrawn_at: now, withdrawn_by: actor.userId })
      .where('debtor_id', '=', debtorId)
      .where('channel', '=', channel)
      .where('withdrawn_at', 'is', null)
      .returning('id')
      .execute();
    if (updated.length === 0) throw notFound(`An opt-out from ${channel}`);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact.opt_out_withdrawn',
      targetType: 'debtor',
      targetId: debtorId,
      after: { channel },
      requestId,
      at: now,
    });
  });
}

export async function requestCallback(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  input: { caseId: string; at: Date },
  requestId: string | null = null,
) {
  const now = deps.now();
  if (input.at.getTime() <= now.getTime())
    throw invalid('contact.callback_in_past', 'A callback is for a moment to come: choose a later time.');
  if (input.at.getTime() > now.getTime() + 60 * DAY_MS) {
    throw invalid(
      'contact.callback_too_far',
      'A callback may be set up to 60 days ahead; for later, agree on a new contact then.',
    );
  }
  return deps.db.transaction().execute((trx) => requestCallbackIn(trx, now, actor, debtorId, input, requestId));
}

/** Books a callback inside the caller's transaction (the guided conversation books it with its call). */
export async function requestCallbackIn(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  debtorId: string,
  input: { caseId: string; at: Date },
  requestId: string | null = null,
  audit: AuditWriter = (record) => appendAudit(trx, record),
) {
  await assertDebtorInScope(trx, actor, debtorId, input.caseId);
  const caseRow = await trx
    .selectFrom('cases')
    .select(['id', 'status'])
    .where('id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  if (caseRow.status === 'closed')
    throw conflict('contact.case_closed', 'This case is closed: no callback can be set on it.');
  const row = await bookCallbackIn(
    trx,
    now,
    { debtorId, caseId: input.caseId, at: input.at },
    {
      userId: actor.userId,
      via: 'agent',
    },
  );
  await audit({
    actor: auditActor(actor),
    action: 'contact.callback_requested',
    targetType: 'debtor',
    targetId: debtorId,
    after: { caseId: input.caseId, at: input.at.toISOString() },
    requestId,
    at: now,
  });
  return { id: row.id, at: row.callback_at.toISOString(), status: row.status };
}

/**
 * Books a callback the debtor asked for and writes its timeline line, in the caller's transaction (the caller has
 * checked the case is open and whose it is).
 */
export async function bookCallbackIn(
  trx: Transaction<DB>,
  now: Date,
  callback: { debtorId: string; caseId: string; at: Date },
  by: RecordedBy,
) {
  const row = await trx
    .insertInto('contact_callbacks')
    .values({
      debtor_id: callback.debtorId,
      case_id: callback.caseId,
      callback_at: callback.at,
      requested_at: now,
      recorded_by: by.userId,
      via: by.via,
    })
    .returning(['id', 'callback_at', 'status'])
    .executeTakeFirstOrThrow();
  await appendCaseEvent(trx, {
    caseId: callback.caseId,
    debtorId: callback.debtorId,
    at: now,
    kind: 'preferences',
    channel: 'phone',
    summary: recordText(by.via === 'portal' ? 'portal_callback_requested' : 'callback_requested', {
      at: callback.at.toISOString(),
    }),
    actorUserId: by.userId,
    data: { callbackId: row.id, at: callback.at.toISOString(), ...(by.via === 'portal' ? { via: 'portal' } : {}) },
  });
  return row;
}

export async function cancelCallback(deps: Deps, actor: Actor, callbackId: string, requestId: string | null = null) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const callback = await trx
      .selectFrom('contact_callbacks')
      .selectAll()
      .where('id', '=', callbackId)
      .forUpdate()
      .executeTakeFirst();
    if (!callback) throw notFound('The callback');
    await assertDebtorInScope(trx, actor, callback.debtor_id, callback.case_id);
    if (callback.status !== 'pending')
      throw conflict('contact.callback_not_pending', `This callback is already ${callback.status}.`);
    await trx.updateTable('contact_callbacks').set({ status: 'cancelled' }).where('id', '=', callbackId).execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact.callback_cancelled',
      targetType: 'debtor',
      targetId: callback.debtor_id,
      after: { callbackId, at: callback.callback_at.toISOString() },
      requestId,
      at: now,
    });
    return { id: callbackId, at: callback.callback_at.toISOString(), status: 'cancelled' };
  });
}
