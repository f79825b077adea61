import type { Selectable, Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { IsoDate } from '../platform/calendar/dates.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { invalid, notFound } from '../platform/errors.js';
import type { MediatorList, MediatorRow, mediatorBody } from './contract.js';
import type { z } from 'zod';

type Body = z.output<typeof mediatorBody>;
type Row = Selectable<DB['mediators']> & { creditor_name: string | null };

/** The scope a row serves: its country and its creditor or sector (a country's default has neither). */
const scopeOf = (row: Pick<Row, 'country' | 'creditor_id' | 'sector'>) =>
  `${row.country}|${row.creditor_id ?? ''}|${row.sector ?? ''}`;

/**
 * Every mediator row (a few dozen), each scope's newest first, with the one in force today marked: the latest of its
 * scope on or before today, the one `mediatorFor` names in a refusal.
 */
export async function listMediators(deps: Deps): Promise<MediatorList> {
  const today = agencyToday(deps.now(), deps.config);
  const rows = await deps.db
    .selectFrom('mediators as m')
    .leftJoin('creditors as c', 'c.id', 'm.creditor_id')
    .selectAll('m')
    .select('c.name as creditor_name')
    .orderBy('m.country')
    .orderBy('c.name')
    .orderBy('m.sector')
    .orderBy('m.valid_from', 'desc')
    .execute();
  const inForce = new Map<string, string>();
  for (const row of rows) {
    const scope = scopeOf(row);
    if (row.valid_from <= today && !inForce.has(scope)) inForce.set(scope, row.id);
  }
  return { items: rows.map((row) => view(row, today, inForce.get(scopeOf(row)) === row.id)), today };
}

function view(row: Row, today: IsoDate, inForce: boolean): MediatorRow {
  return {
    id: row.id,
    country: row.country,
    creditorId: row.creditor_id,
    creditorName: row.creditor_name,
    sector: row.sector,
    name: row.name,
    address: row.address,
    website: row.website,
    email: row.email,
    validFrom: row.valid_from,
    inForce,
    upcoming: row.valid_from > today,
  };
}

/**
 * Adds a mediator's details from a day (today or later: what a refusal named before stays as it was), or corrects the
 * row of the same scope and day; audited with the row before and after, in one transaction.
 */
export async function saveMediator(deps: Deps, actor: Actor, body: Body, requestId: string): Promise<MediatorRow> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  if (body.validFrom < today) {
    throw invalid('mediators.past_date', 'A mediator is changed from today or a later day: the past stays as it was.');
  }
  // Two first saves of one scope and day at once: the later meets the unique index, and is saved again as a correction.
  const id = await writeMediator(deps, actor, body, requestId, now).catch((error: unknown) => {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    return writeMediator(deps, actor, body, requestId, now);
  });
  const row = (await listMediators(deps)).items.find((item) => item.id === id);
  return row!;
}

const UNIQUE_VIOLATION = '23505';

/** The row of the same scope and day corrected, or a new one added, audited with the row before: one transaction. */
function writeMediator(deps: Deps, actor: Actor, body: Body, requestId: string, now: Date): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    if (body.creditorId) await creditorExists(trx, body.creditorId);
    const before = await sameScopeAndDay(trx, body);
    const values = {
      name: body.name,
      address: body.address,
      website: body.website,
      email: body.email,
      updated_by: actor.userId,
      updated_at: now,
    };
    const saved = before
      ? await trx
          .updateTable('mediators')
          .set(values)
          .where('id', '=', before.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('mediators')
          .values({
            ...values,
            country: body.country,
            creditor_id: body.creditorId,
            sector: body.sector,
            valid_from: body.validFrom,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: before ? 'mediator.corrected' : 'mediator.added',
      targetType: 'mediator',
      targetId: saved.id,
      creditorId: body.creditorId,
      before: before
        ? { name: before.name, address: before.address, website: before.website, email: before.email }
        : null,
      after: body,
      requestId,
      at: now,
    });
    return saved.id;
  });
}

async function creditorExists(trx: Transaction<DB>, creditorId: string) {
  const found = await trx.selectFrom('creditors').select('id').where('id', '=', creditorId).executeTakeFirst();
  if (!found) throw notFound('The creditor');
}

/** The row of the same scope and day, locked: saving it again corrects it. */
function sameScopeAndDay(trx: Transaction<DB>, body: Body) {
  return trx
    .selectFrom('mediators')
    .selectAll()
    .where('country', '=', body.country)
    .where('valid_from', '=', body.validFrom)
    .where((eb) => (body.creditorId ? eb('creditor_id', '=', body.creditorId) : eb('creditor_id', 'is', null)))
    .where((eb) => (body.sector ? eb('sector', '=', body.sector) : eb('sector', 'is', null)))
    .forUpdate()
    .executeTakeFirst();
}
