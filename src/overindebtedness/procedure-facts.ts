import type { Kysely, Transaction } from 'kysely';
import { debtorLocation } from '../contact-policy/load-facts.js';
import type { BusinessPlace } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { Deps } from '../platform/deps.js';
import type { Actor } from '../identity/actor.js';
import { loadDeadlineRules } from '../platform/db/deadline-rules.js';
import type { DeadlineRule, ProcedureDeadline } from './core/deadline-rules.js';
import type { ProcedureCalendar, ProcedureCountry, ProcedureFacts, ProcedureState } from './core/procedure.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What a step's effects need: its transaction, who records it, when, and the agency's date. */
export interface StateContext {
  trx: Transaction<DB>;
  deps: Deps;
  actor: Actor;
  now: Date;
  today: string;
  requestId: string | null;
}

export interface ProcedureRow {
  id: string;
  debtor_id: string;
  country: ProcedureCountry;
  state: ProcedureState;
  state_on: string;
  filed_on: string;
  file_reference: string;
  hold_id: string | null;
}

export interface CoveredCase {
  case_id: string;
  creditor_id: string;
  stage_before: string;
  plan_id: string | null;
  statement_task_id: string | null;
}

export interface LoadedProcedure {
  row: ProcedureRow;
  facts: ProcedureFacts;
  cases: CoveredCase[];
  calendar: ProcedureCalendar;
}

const COLUMNS = ['id', 'debtor_id', 'country', 'state', 'state_on', 'filed_on', 'file_reference', 'hold_id'] as const;

/**
 * A procedure with its steps and covered cases; with `lock`, the debtor's row and then the procedure's are locked
 * for the rest of the transaction (the debtor first: a filing locks it too, so two writers never wait on each other).
 */
export async function loadProcedure(db: Db, procedureId: string, lock = false): Promise<LoadedProcedure> {
  const owner = await db
    .selectFrom('overindebtedness_procedures')
    .select('debtor_id')
    .where('id', '=', procedureId)
    .executeTakeFirst();
  if (!owner) throw notFound('The procedure');
  let query = db.selectFrom('overindebtedness_procedures').select(COLUMNS).where('id', '=', procedureId);
  if (lock) {
    await db.selectFrom('debtors').select('id').where('id', '=', owner.debtor_id).forUpdate().execute();
    query = query.forUpdate();
  }
  const row = (await query.executeTakeFirstOrThrow()) as ProcedureRow;
  return { row, ...(await procedureDetails(db, row)) };
}

/** The live or latest procedure of a debtor, if any. */
export async function latestProcedureOf(db: Db, debtorId: string): Promise<ProcedureRow | null> {
  const row = await db
    .selectFrom('overindebtedness_procedures')
    .select(COLUMNS)
    .where('debtor_id', '=', debtorId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row as ProcedureRow | undefined) ?? null;
}

/**
 * A procedure's steps, covered cases and the calendar its deadlines count on: the debtor's place and the deadline
 * rules (reference data, read once by a caller going through many procedures).
 */
export async function procedureDetails(
  db: Db,
  row: ProcedureRow,
  rules?: readonly DeadlineRule[],
): Promise<{ facts: ProcedureFacts; cases: CoveredCase[]; calendar: ProcedureCalendar }> {
  const steps = await db
    .selectFrom('overindebtedness_steps')
    .select(['state', 'on_date', 'document_ref'])
    .where('procedure_id', '=', row.id)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  const cases = await db
    .selectFrom('overindebtedness_cases')
    .select(['case_id', 'creditor_id', 'stage_before', 'plan_id', 'statement_task_id'])
    .where('procedure_id', '=', row.id)
    .orderBy('case_id')
    .execute();
  const location = await debtorLocation(db, row.debtor_id);
  const place: BusinessPlace = {
    country: row.country,
    region: location.country === row.country ? location.region : null,
  };
  return {
    facts: {
      country: row.country,
      steps: steps.map((s) => ({ state: s.state as ProcedureState, on: s.on_date, documentRef: s.document_ref })),
    },
    cases,
    calendar: { place, rules: rules ?? (await loadDeadlineRules<ProcedureDeadline>(db, 'overindebtedness')) },
  };
}
