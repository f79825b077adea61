import type { Kysely, Selectable, Transaction } from 'kysely';
import { caseInScope } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import type { IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import { conflict } from '../platform/errors.js';
import { loadDeadlineRules } from '../platform/db/deadline-rules.js';
import { latestEscalation } from './decide-review.js';
import { FRANCE, type JudicialCalendar } from './core/procedure-deadlines.js';
import type { DeadlineKind, Outcome, State } from './core/procedure-lists.js';
import { ROUTES, type ProcedureFacts, type Route } from './core/procedure.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ProcedureRow = Selectable<DB['judicial_procedures']>;

export function factsOf(row: ProcedureRow): ProcedureFacts {
  return {
    route: row.route as Route,
    state: row.state as State,
    stateSince: row.state_since,
    titleObtainedOn: row.title_obtained_on,
    titleExpiresOn: row.title_expires_on,
    fileNotBefore: row.file_not_before,
    outcome: row.outcome as Outcome | null,
    servedInPerson: row.served_in_person,
    lateOppositionFrom: row.late_opposition_from,
  };
}

/** The calendar a judicial procedure counts on: France's (its courts sit there) and the deadline rules in force. */
export async function judicialCalendar(db: Db): Promise<JudicialCalendar> {
  return { place: FRANCE, rules: await loadDeadlineRules<DeadlineKind>(db, 'judicial') };
}

export function procedureOf(db: Db, caseId: string) {
  return db.selectFrom('judicial_procedures').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** The case (in the actor's scope) and its procedure, both locked for the transaction; 409 when none is open. */
export async function lockProcedure(trx: Transaction<DB>, actor: Actor, caseId: string) {
  const found = await caseInScope(trx, actor, caseId);
  await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
  const procedure = await trx
    .selectFrom('judicial_procedures')
    .selectAll()
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!procedure) throw conflict('judicial_procedure.no_procedure', 'No judicial procedure is open on this case.');
  return { found, procedure };
}

export interface ReviewChoice {
  reviewId: string;
  route: Route;
  fileNotBefore: IsoDate | null;
}

/** The route chosen at the case's last escalating review and the first day anything may be filed; null without one. */
export async function reviewChoice(db: Db, caseId: string): Promise<ReviewChoice | null> {
  const row = await latestEscalation(db, caseId);
  if (!row?.chosen_route || !(ROUTES as readonly string[]).includes(row.chosen_route)) return null;
  return { reviewId: row.id, route: row.chosen_route as Route, fileNotBefore: row.file_not_before };
}
