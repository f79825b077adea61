import { appendAudit } from '../../audit/append.js';
import { appendCaseEvent, recordText } from '../../cases/append-case-event.js';
import { caseInScope } from '../../cases/scope.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import { startOfLocalDay } from '../../platform/calendar/index.js';
import { agencyToday } from '../../platform/calendar/today.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { invalid } from '../../platform/errors.js';
import { openTask } from '../../workspace/tasks.js';
import type { ReturnedMail, ReturnedMailResult } from './contract.js';

/**
 * A letter came back undelivered (NPAI, "n'habite pas à l'adresse indiquée"), in one transaction under the debtor's
 * lock: the address it went to (the letter's, recorded by its print run, or the one named) marked undeliverable from
 * the day it came back, so the letter-address rule never writes there again; the run's letter marked returned; a
 * trace task opened for the case's team; a line on the timeline; the act audited. An address already marked changes
 * nothing (a second return of the same address, or of another letter to it): `already_marked`.
 */
export async function recordReturnedMail(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: ReturnedMail,
  requestId: string | null,
): Promise<ReturnedMailResult> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseInScope(trx, actor, caseId);
    await trx.selectFrom('debtors').select('id').where('id', '=', found.debtor_id).forUpdate().execute();
    const { letter, addressId, address } = await resolveReturn(trx, found.debtor_id, caseId, body, {
      today: agencyToday(now, deps.config),
    });
    if (address.undeliverable_at) return { caseId, addressId, outcome: 'already_marked', taskId: null };
    await trx
      .updateTable('debtor_addresses')
      .set({ undeliverable_at: startOfLocalDay(body.returnedOn, deps.config.AGENCY_TZ) })
      .where('id', '=', addressId)
      .execute();
    if (letter)
      await trx
        .updateTable('print_run_letters')
        .set({ returned_on: body.returnedOn, return_reason: body.reason ?? null })
        .where('print_run_id', '=', letter.print_run_id)
        .where('sequence', '=', letter.sequence)
        .execute();
    const source = { addressId, letterReference: body.letterReference ?? null, returnedOn: body.returnedOn };
    const assigned = await trx
      .selectFrom('cases')
      .select('assigned_team_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const taskId = await openTask(
      trx,
      {
        caseId,
        debtorId: found.debtor_id,
        kind: 'trace_contact',
        dueAt: now,
        teamId: assigned.assigned_team_id,
        source,
      },
      actor.userId,
      now,
      deps.config,
    );
    await appendCaseEvent(trx, {
      caseId,
      debtorId: found.debtor_id,
      at: now,
      kind: 'letter',
      summary: recordText('mail_returned', { reference: body.letterReference ?? '—', returnedOn: body.returnedOn }),
      actorUserId: actor.userId,
      data: { ...source, taskId },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'debtor_address.mail_returned',
      targetType: 'debtor_address',
      targetId: addressId,
      creditorId: found.creditor_id,
      before: { undeliverable: false },
      after: { ...source, caseId, undeliverable: true, reason: body.reason ?? null, taskId },
      requestId,
      at: now,
    });
    return { caseId, addressId, outcome: 'marked', taskId };
  });
}

/** The letter named (of a print run, on this case) and the debtor's address it went to; 422 when they do not fit. */
async function resolveReturn(
  trx: Transaction<DB>,
  debtorId: string,
  caseId: string,
  body: ReturnedMail,
  { today }: { today: string },
) {
  const letter = body.letterReference
    ? await trx
        .selectFrom('print_run_letters as l')
        .innerJoin('print_runs as r', 'r.id', 'l.print_run_id')
        .select(['l.print_run_id', 'l.sequence', 'l.address_id', 'r.run_date'])
        .where('l.letter_reference', '=', body.letterReference)
        .where('l.case_id', '=', caseId)
        // The line that printed it: a letter carried out of an abandoned run has its old line superseded.
        .where('l.superseded_by_run_id', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (body.letterReference && !letter)
    throw invalid(
      'communications.returned_letter_unknown',
      'No letter of a print run bears this reference on this case: name the address it went to instead.',
    );
  const addressId = letter?.address_id ?? body.addressId!;
  if (letter && body.addressId && body.addressId !== letter.address_id)
    throw invalid('communications.returned_address_unknown', 'This letter went to another address than the one named.');
  const address = await trx
    .selectFrom('debtor_addresses')
    .select(['id', 'undeliverable_at'])
    .where('id', '=', addressId)
    .where('debtor_id', '=', debtorId)
    .executeTakeFirst();
  if (!address)
    throw invalid('communications.returned_address_unknown', 'This address is not one of the debtor’s addresses.');
  if (body.returnedOn > today || (letter && body.returnedOn < letter.run_date))
    throw invalid(
      'communications.returned_day_invalid',
      `A letter comes back after it went out (${letter?.run_date ?? 'its day'}) and no later than today (${today}).`,
    );
  return { letter, addressId, address };
}
