import type { Kysely, Transaction } from 'kysely';
import { creditorScope } from '../identity/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import { assertSpecialistCertified } from '../training/training-facts.js';
import type { ProcedureView, QueueItem } from './contract.js';
import {
  allowedActs,
  deadlinesOf,
  NEXT_STATES,
  nextActionOf,
  statesOf,
  type ProcedureState,
} from './core/procedure.js';
import { loadDeadlineRules } from '../platform/db/deadline-rules.js';
import type { ProcedureDeadline } from './core/deadline-rules.js';
import { procedureDetails, type ProcedureRow } from './procedure-facts.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The procedure as the reader may see it: staff see every covered case, the documents and notes; a creditor user sees
 * its own cases only, the states and their days, never another creditor's cases, the file number, documents or
 * notes (404 when the procedure covers none of its cases).
 */
export async function procedureView(deps: Deps, actor: Actor, procedureId: string): Promise<ProcedureView> {
  const row = (await deps.db
    .selectFrom('overindebtedness_procedures')
    .select(['id', 'debtor_id', 'country', 'state', 'state_on', 'filed_on', 'file_reference', 'hold_id'])
    .where('id', '=', procedureId)
    .executeTakeFirst()) as ProcedureRow | undefined;
  if (!row) throw notFound('The procedure');
  return viewOf(deps.db, actor, row, agencyToday(deps.now(), deps.config));
}

/** The procedure covering a case (the latest), or null; a case outside the reader's scope is a 404. */
export async function caseProcedure(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ procedure: ProcedureView | null }> {
  const scope = creditorScope(actor);
  const kase = await deps.db
    .selectFrom('cases')
    .select(['id', 'debtor_id', 'creditor_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!kase || (scope !== null && kase.creditor_id !== scope)) throw notFound('The case');
  const covering = await deps.db
    .selectFrom('overindebtedness_cases as oc')
    .innerJoin('overindebtedness_procedures as p', 'p.id', 'oc.procedure_id')
    .select('p.id')
    .where('oc.case_id', '=', caseId)
    .orderBy('p.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!covering) return { procedure: null };
  return { procedure: await procedureView(deps, actor, covering.id) };
}

async function nameOf(db: Db, debtorId: string): Promise<string> {
  const row = await db
    .selectFrom('debtors')
    .select(['kind', 'first_name', 'last_name', 'company_name'])
    .where('id', '=', debtorId)
    .executeTakeFirstOrThrow();
  return debtorName(row);
}

async function viewOf(db: Db, actor: Actor, row: ProcedureRow, today: string): Promise<ProcedureView> {
  const scope = creditorScope(actor);
  const { facts, calendar } = await procedureDetails(db, row);
  const debtor = await nameOf(db, row.debtor_id);
  const cases = await db
    .selectFrom('overindebtedness_cases as oc')
    .innerJoin('cases as c', 'c.id', 'oc.case_id')
    .innerJoin('creditors as cr', 'cr.id', 'oc.creditor_id')
    .select(['c.id', 'c.reference', 'c.stage', 'c.balance_cents', 'cr.name', 'oc.plan_id', 'oc.statement_task_id'])
    .where('oc.procedure_id', '=', row.id)
    .$if(scope !== null, (q) => q.where('oc.creditor_id', '=', scope!))
    .orderBy('c.reference')
    .execute();
  if (scope !== null && cases.length === 0) throw notFound('The procedure');
  const steps = await db
    .selectFrom('overindebtedness_steps')
    .select(['state', 'on_date', 'document_ref', 'note', 'recorded_at'])
    .where('procedure_id', '=', row.id)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  const staff = scope === null;
  return {
    id: row.id,
    debtorId: row.debtor_id,
    debtorName: debtor,
    country: row.country,
    state: row.state,
    stateOn: row.state_on,
    filedOn: row.filed_on,
    fileReference: staff ? row.file_reference : null,
    steps: steps.map((s) => ({
      state: s.state as ProcedureState,
      on: s.on_date,
      documentRef: staff ? s.document_ref : null,
      note: staff ? s.note : null,
      recordedAt: s.recorded_at.toISOString(),
    })),
    deadlines: deadlinesOf(facts, calendar),
    nextAction: nextActionOf(facts, today, calendar),
    nextStates: NEXT_STATES[row.state].filter((s) => statesOf(row.country).includes(s)),
    allowedActs: [...allowedActs(row.state)],
    cases: cases.map((c) => ({
      caseId: c.id,
      caseReference: c.reference,
      creditorName: c.name,
      stage: c.stage,
      balanceCents: Number(c.balance_cents),
      planId: staff ? c.plan_id : null,
      statementTaskId: staff ? c.statement_task_id : null,
    })),
  };
}

/**
 * The over-indebtedness team's queue: every procedure under way with an action due (a deadline to meet, a document
 * missing, a decision to record), ordered by the action's date (overdue ones are due today), then by debtor.
 */
export async function procedureQueue(deps: Deps, actor: Actor | null, limit = 200): Promise<{ items: QueueItem[] }> {
  // A specialist takes cases from this queue only while certified (training/); a team leader reading it supervises.
  if (actor) await assertSpecialistCertified(deps, actor, 'overindebtedness');
  const today = agencyToday(deps.now(), deps.config);
  const rows = (await deps.db
    .selectFrom('overindebtedness_procedures')
    .select(['id', 'debtor_id', 'country', 'state', 'state_on', 'filed_on', 'file_reference', 'hold_id'])
    .where('state', 'not in', ['closed', 'erased'])
    .orderBy('state_on')
    .limit(2000)
    .execute()) as ProcedureRow[];
  const rules = await loadDeadlineRules<ProcedureDeadline>(deps.db, 'overindebtedness');
  const items: QueueItem[] = [];
  for (const row of rows) {
    const { facts, calendar } = await procedureDetails(deps.db, row, rules);
    const next = nextActionOf(facts, today, calendar);
    if (!next) continue;
    const people = await deps.db
      .selectFrom('overindebtedness_cases as oc')
      .innerJoin('creditors as cr', 'cr.id', 'oc.creditor_id')
      .select(['oc.case_id', 'cr.name'])
      .where('oc.procedure_id', '=', row.id)
      .orderBy('cr.name')
      .execute();
    const debtor = await nameOf(deps.db, row.debtor_id);
    items.push({
      procedureId: row.id,
      debtorId: row.debtor_id,
      debtorName: debtor,
      creditors: [...new Set(people.map((p) => p.name))],
      caseIds: people.map((p) => p.case_id),
      state: row.state,
      nextAction: next,
    });
  }
  items.sort((a, b) =>
    a.nextAction.dueOn !== b.nextAction.dueOn
      ? a.nextAction.dueOn < b.nextAction.dueOn
        ? -1
        : 1
      : a.debtorName.localeCompare(b.debtorName),
  );
  return { items: items.slice(0, limit) };
}
