import type { Transaction } from 'kysely';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { amountParam } from '../platform/message.js';
import type { Message } from '../platform/message.js';
import type { AuditWriter } from '../audit/append.js';
import { requestCallbackIn } from '../contact-policy/preferences.js';
import { placeHoldIn } from '../contact-policy/holds/manage-holds.js';
import type { Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { PlannedAction } from './core/call-plan.js';
import { dateWords, momentWords, TASK_TITLES } from './core/texts.js';
import { createPromiseIn } from './promises.js';
import { openTask } from './tasks.js';

/** What a recorded call set in motion, with a message for the agent and the id of what it made. */
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

export interface CarriedOut {
  kind: CallActionView['kind'];
  message: Message;
  id: string | null;
}

export interface CallCase {
  caseId: string;
  debtorId: string;
  currency: string;
  contactId: string;
  timeZone: string;
  agencyZone: string;
}

/** The acts of one planned action, in the call's transaction. */
interface Act {
  trx: Transaction<DB>;
  actor: Actor;
  call: CallCase;
  now: Date;
  requestId: string | null;
  audit: AuditWriter;
}

/** Carries out one action a call's outcome leads to. */
export async function carryOut(
  trx: Transaction<DB>,
  actor: Actor,
  action: PlannedAction,
  call: CallCase,
  now: Date,
  requestId: string | null,
  audit: AuditWriter,
): Promise<CarriedOut> {
  const act: Act = { trx, actor, call, now, requestId, audit };
  switch (action.kind) {
    case 'promise':
      return makePromise(act, action);
    case 'callback':
      return bookCallback(act, action);
    case 'hold':
      return placeHold(act, action);
    case 'task':
      return createTask(act, action);
    case 'move_team':
      return moveToCareTeam(act);
    case 'flag_wrong_number':
      return flagWrongNumber(act, action);
  }
}

type ActionOf<K extends PlannedAction['kind']> = Extract<PlannedAction, { kind: K }>;

async function makePromise({ trx, actor, call, now }: Act, action: ActionOf<'promise'>): Promise<CarriedOut> {
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
  const amount = amountParam(action.amountCents);
  const due = dateWords(action.dueOn);
  return {
    kind: 'promise_created',
    id,
    message: {
      fr: `Promesse enregistrée : ${amount} au plus tard le ${due.fr}.`,
      en: `Promise recorded: ${amount} by ${due.en}.`,
      it: `Promessa registrata: ${amount} entro il ${due.it}.`,
    },
  };
}

async function bookCallback(
  { trx, actor, call, now, requestId, audit }: Act,
  action: ActionOf<'callback'>,
): Promise<CarriedOut> {
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
    kind: 'callback_booked',
    id: callback.id,
    message: {
      fr: `Rappel prévu ${when.fr}, à l’heure choisie par le débiteur.`,
      en: `Callback booked for ${when.en}, the time the debtor chose.`,
      it: `Richiamata fissata per ${when.it}, all’ora scelta dal debitore.`,
    },
  };
}

async function placeHold(
  { trx, actor, call, now, requestId, audit }: Act,
  action: ActionOf<'hold'>,
): Promise<CarriedOut> {
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
        kind: 'hold_placed',
        id: hold.id,
        message: {
          fr: 'Contestation : recouvrement suspendu jusqu’à la confirmation du créancier.',
          en: 'Dispute: collection paused until the creditor confirms.',
          it: 'Contestazione: recupero sospeso fino alla conferma del creditore.',
        },
      }
    : {
        kind: 'hold_placed',
        id: hold.id,
        message: {
          fr: 'Fragilité : pause de 30 jours, revue par une personne.',
          en: 'Vulnerability: 30-day pause, reviewed by a person.',
          it: 'Fragilità: pausa di 30 giorni, riesame da parte di una persona.',
        },
      };
}

async function createTask({ trx, actor, call, now }: Act, action: ActionOf<'task'>): Promise<CarriedOut> {
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
    kind: 'task_created',
    id,
    message: {
      fr: `Suivi créé : ${title.fr}.`,
      en: `Follow-up created: ${title.en}.`,
      it: `Seguito creato: ${title.it}.`,
    },
  };
}

async function moveToCareTeam({ trx, actor, call, now }: Act): Promise<CarriedOut> {
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
    kind: 'queue_moved',
    id: teamId,
    message: {
      fr: 'Dossier confié à l’équipe d’accompagnement.',
      en: 'Case handed to the care team.',
      it: 'Pratica affidata al team di accompagnamento.',
    },
  };
}

async function flagWrongNumber({ trx, call, now }: Act, action: ActionOf<'flag_wrong_number'>): Promise<CarriedOut> {
  await trx
    .updateTable('debtor_contact_points')
    .set({ wrong_number_at: now })
    .where('id', '=', action.contactPointId)
    .where('debtor_id', '=', call.debtorId)
    .execute();
  return {
    kind: 'contact_point_flagged',
    id: action.contactPointId,
    message: {
      fr: 'Numéro marqué erroné : il ne sera plus composé.',
      en: 'Number marked wrong: it will not be dialled again.',
      it: 'Numero segnato come errato: non sarà più composto.',
    },
  };
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
