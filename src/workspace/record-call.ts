import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import type { Transaction } from 'kysely';
import { euros } from '../affordability/core/text.js';
import type { Message } from '../platform/message.js';
import { deferredAudit, type AuditWriter } from '../audit/append.js';
import { debtorLocation } from '../contact-policy/load-facts.js';
import { recordContactIn } from '../contact-policy/record-contact.js';
import { requestCallbackIn } from '../contact-policy/preferences.js';
import { placeHoldIn } from '../contact-policy/holds/manage-holds.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import { planCall, type PlannedAction } from './core/call-plan.js';
import { dateWords, momentWords, TASK_TITLES } from './core/texts.js';
import { assertNotLeasedByOther } from './next-case.js';
import { createPromiseIn } from './promises.js';
import { queueEntryViews } from './queue-view.js';
import { refreshDebtors } from './refresh-queue.js';
import type { CallBody, CallResult } from './contract.js';
import { caseInScope } from '../cases/scope.js';
import { openTask } from './tasks.js';

/** Problems that are a clash with the case's state rather than a mistake in the request. */
const CONFLICTS = new Set(['promise.already_open']);

export interface CallActionView {
  kind:
    | 'promise_created'
    | 'callback_booked'
    | 'hold_placed'
    | 'task_created'
    | 'queue_moved'
    | 'contact_point_flagged'
    | 'queue_refreshed';
  message: string;
  id: string | null;
}

/**
 * Records a call of the guided conversation: the contact (through the contact policy, which may refuse it), the
 * checklist, and everything the outcome leads to — a promise, a callback, a hold, a follow-up, a move to the care
 * team, a wrong number set aside — in one transaction. The agent's lease is given back and the case's queue entry
 * is refreshed before the answer.
 */
export async function recordCall(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: CallBody,
  requestId: string | null = null,
): Promise<CallResult> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    // Every audited change in the agency waits for the audit trail's head: this transaction appends its entries last.
    const audit = deferredAudit();
    const caseRow = await caseInScope(trx, actor, caseId);
    if (caseRow.status === 'closed')
      throw conflict('call.case_closed', `Case ${caseRow.reference} is closed: there is nothing left to call about.`);
    await assertNotLeasedByOther(trx, actor, caseId, now);
    const [location, openPromise, phones] = await Promise.all([
      debtorLocation(trx, caseRow.debtor_id),
      trx
        .selectFrom('promises')
        .select('id')
        .where('case_id', '=', caseId)
        .where('status', '=', 'open')
        .executeTakeFirst(),
      trx
        .selectFrom('debtor_contact_points')
        .select('id')
        .where('debtor_id', '=', caseRow.debtor_id)
        .where('channel', '=', 'phone')
        .execute(),
    ]);
    const plan = planCall(
      {
        outcome: body.outcome,
        result: body.result,
        checklist: body.checklist,
        contactPointId: body.contactPointId,
        promise: body.promise,
        callbackAt: body.callbackAt ? Date.parse(body.callbackAt) : undefined,
        reason: body.reason,
      },
      {
        now: now.getTime(),
        timeZone: location.timeZone,
        balanceCents: Number(caseRow.balance_cents),
        hasOpenPromise: openPromise !== undefined,
        phonePoints: phones.map((row) => row.id),
      },
    );
    if (!plan.ok) {
      throw CONFLICTS.has(plan.problem.code)
        ? conflict(plan.problem.code, plan.problem.message)
        : invalid(plan.problem.code, plan.problem.message);
    }
    const { contact } = await recordContactIn(
      trx,
      now,
      actor,
      {
        debtorId: caseRow.debtor_id,
        caseId,
        channel: 'phone',
        direction: 'outbound',
        outcome: body.outcome,
        note: body.note,
        at: body.startedAt ? clampStart(new Date(body.startedAt), now) : now,
      },
      requestId,
      audit.write,
    );
    await trx
      .insertInto('call_records')
      .values({
        contact_id: contact.id,
        case_id: caseId,
        checklist: JSON.stringify(plan.checklist),
        result: plan.result,
        contact_point_id: body.contactPointId ?? null,
        started_at: body.startedAt ? new Date(body.startedAt) : null,
        recorded_by: actor.userId,
        recorded_at: now,
      })
      .execute();

    const actions: { kind: CallActionView['kind']; message: Message; id: string | null }[] = [];
    for (const action of plan.actions)
      actions.push(
        await carryOut(
          trx,
          actor,
          action,
          {
            caseId,
            debtorId: caseRow.debtor_id,
            currency: caseRow.currency,
            contactId: contact.id,
            timeZone: location.timeZone,
            agencyZone: deps.config.AGENCY_TZ,
          },
          now,
          requestId,
          audit.write,
        ),
      );

    await trx
      .updateTable('case_queue')
      .set({ leased_by: null, lease_until: null, leased_at: null })
      .where('case_id', '=', caseId)
      .where('leased_by', '=', actor.userId)
      .execute();
    await refreshDebtors(trx, [caseRow.debtor_id], now);
    // Refreshed just now: the marks the call's own writes left need no second pass.
    await trx.deleteFrom('queue_dirty').where('debtor_id', '=', caseRow.debtor_id).execute();
    const [queue] = await queueEntryViews(trx, [caseId], { actor, now });
    actions.push({
      kind: 'queue_refreshed',
      id: null,
      message: queue?.callableFrom
        ? nextCallMessage(momentWords(location.timeZone, Date.parse(queue.callableFrom)))
        : {
            fr: 'Plus d’appel prévu tant que rien ne change sur le dossier.',
            en: 'No call planned until something changes on the case.',
            it: 'Nessuna chiamata prevista finché nulla cambia nella pratica.',
          },
    });
    await audit.write({
      actor: auditActor(actor),
      action: 'call.recorded',
      targetType: 'contact',
      targetId: contact.id,
      creditorId: caseRow.creditor_id,
      after: {
        caseId,
        outcome: body.outcome,
        result: plan.result,
        checklist: plan.checklist,
        actions: actions.map((action) => ({ kind: action.kind, id: action.id })),
      },
      requestId,
      at: now,
    });
    await audit.flush(trx);
    return {
      contactId: contact.id,
      outcome: body.outcome,
      result: plan.result,
      checklist: plan.checklist,
      actions: actions.map((action) => ({ kind: action.kind, id: action.id, message: action.message[actor.locale] })),
      queue: queue ?? null,
    };
  });
}

function nextCallMessage(when: Message): Message {
  return {
    fr: `Prochain appel possible : ${when.fr}.`,
    en: `Next call possible: ${when.en}.`,
    it: `Prossima chiamata possibile: ${when.it}.`,
  };
}

/** A call is recorded when it ends; its start may be given, up to two hours before. */
function clampStart(start: Date, now: Date): Date {
  if (start.getTime() > now.getTime()) return now;
  return start.getTime() < now.getTime() - 2 * 3_600_000 ? new Date(now.getTime() - 2 * 3_600_000) : start;
}

interface CallCase {
  caseId: string;
  debtorId: string;
  currency: string;
  contactId: string;
  timeZone: string;
  agencyZone: string;
}

async function carryOut(
  trx: Transaction<DB>,
  actor: Actor,
  action: PlannedAction,
  call: CallCase,
  now: Date,
  requestId: string | null,
  audit: AuditWriter,
) {
  switch (action.kind) {
    case 'promise': {
      const id = await createPromiseIn(
        trx,
        {
          caseId: call.caseId,
          debtorId: call.debtorId,
          amountCents: action.amountCents,
          dueOn: action.dueOn,
          contactId: call.contactId,
          currency: call.currency,
        },
        actor.userId,
        now,
      );
      const amount = euros(action.amountCents);
      const due = dateWords(action.dueOn);
      return {
        kind: 'promise_created' as const,
        id,
        message: {
          fr: `Promesse enregistrée : ${amount.fr} au plus tard le ${due.fr}.`,
          en: `Promise recorded: ${amount.en} by ${due.en}.`,
          it: `Promessa registrata: ${amount.it} entro il ${due.it}.`,
        },
      };
    }
    case 'callback': {
      const callback = await requestCallbackIn(
        trx,
        now,
        actor,
        call.debtorId,
        { caseId: call.caseId, at: new Date(action.at) },
        requestId,
        audit,
      );
      const when = momentWords(call.timeZone, action.at);
      return {
        kind: 'callback_booked' as const,
        id: callback.id,
        message: {
          fr: `Rappel prévu ${when.fr}, à l’heure choisie par le débiteur.`,
          en: `Callback booked for ${when.en}, the time the debtor chose.`,
          it: `Richiamata fissata per ${when.it}, all’ora scelta dal debitore.`,
        },
      };
    }
    case 'hold': {
      const hold = await placeHoldIn(
        trx,
        now,
        actor,
        call.debtorId,
        {
          kind: action.holdKind,
          reason: action.reason,
          caseId: call.caseId,
          reviewAt: action.reviewAt === null ? undefined : new Date(action.reviewAt),
        },
        requestId,
        audit,
      );
      return action.holdKind === 'dispute'
        ? {
            kind: 'hold_placed' as const,
            id: hold.id,
            message: {
              fr: 'Contestation : recouvrement suspendu jusqu’à la confirmation du créancier.',
              en: 'Dispute: collection paused until the creditor confirms.',
              it: 'Contestazione: recupero sospeso fino alla conferma del creditore.',
            },
          }
        : {
            kind: 'hold_placed' as const,
            id: hold.id,
            message: {
              fr: 'Fragilité : pause de 30 jours, revue par une personne.',
              en: 'Vulnerability: 30-day pause, reviewed by a person.',
              it: 'Fragilità: pausa di 30 giorni, riesame da parte di una persona.',
            },
          };
    }
    case 'task': {
      const teamId = action.team === 'care' ? await careTeam(trx) : await currentTeam(trx, call.caseId);
      const id = await openTask(
        trx,
        {
          caseId: call.caseId,
          debtorId: call.debtorId,
          kind: action.taskKind,
          dueAt: new Date(action.dueAt),
          teamId,
          source: { contactId: call.contactId },
        },
        actor.userId,
        now,
        { AGENCY_TZ: call.agencyZone },
      );
      const title = TASK_TITLES[action.taskKind];
      return {
        kind: 'task_created' as const,
        id,
        message: {
          fr: `Suivi créé : ${title.fr}.`,
          en: `Follow-up created: ${title.en}.`,
          it: `Seguito creato: ${title.it}.`,
        },
      };
    }
    case 'move_team': {
      const teamId = await careTeam(trx);
      if (teamId === null)
        throw new AppError(
          'workspace.no_care_team',
          409,
          'No care team exists to take over this case: an administrator must create one.',
        );
      await trx
        .updateTable('cases')
        .set({ assigned_team_id: teamId, assigned_user_id: null, updated_at: now })
        .where('id', '=', call.caseId)
        .execute();
      await trx
        .updateTable('case_queue')
        .set({ team_id: teamId, team_pinned: true, assigned_user_id: null })
        .where('case_id', '=', call.caseId)
        .execute();
      await appendCaseEvent(trx, {
        caseId: call.caseId,
        debtorId: call.debtorId,
        at: now,
        kind: 'assignment',
        summary: recordText('assigned_care_team', {}),
        actorUserId: actor.userId,
        data: { teamId },
      });
      return {
        kind: 'queue_moved' as const,
        id: teamId,
        message: {
          fr: 'Dossier confié à l’équipe d’accompagnement.',
          en: 'Case handed to the care team.',
          it: 'Pratica affidata al team di accompagnamento.',
        },
      };
    }
    case 'flag_wrong_number': {
      await trx
        .updateTable('debtor_contact_points')
        .set({ wrong_number_at: now })
        .where('id', '=', action.contactPointId)
        .where('debtor_id', '=', call.debtorId)
        .execute();
      return {
        kind: 'contact_point_flagged' as const,
        id: action.contactPointId,
        message: {
          fr: 'Numéro marqué erroné : il ne sera plus composé.',
          en: 'Number marked wrong: it will not be dialled again.',
          it: 'Numero segnato come errato: non sarà più composto.',
        },
      };
    }
  }
}

async function careTeam(trx: Transaction<DB>): Promise<string | null> {
  const row = await trx
    .selectFrom('teams')
    .select('id')
    .where('kind', '=', 'care')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

async function currentTeam(trx: Transaction<DB>, caseId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('cases')
    .leftJoin('case_queue', 'case_queue.case_id', 'cases.id')
    .select(['case_queue.team_id', 'cases.assigned_team_id'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.team_id ?? row.assigned_team_id;
}
