import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import type { FilingBody, ProcedureView, StepBody } from './contract.js';
import { checkNextStep, FIRST_STATE, type ProcedureState } from './core/procedure.js';
import { loadProcedure, type StateContext } from './procedure-facts.js';
import { procedureView } from './read-procedure.js';
import { applyState } from './state-effects.js';

/**
 * Records that a debtor lodged an over-indebtedness file (told by the debtor or by the Banque de France), in one
 * transaction: the procedure covers every open case of the debtor at every creditor (the procedure covers all debts),
 * each case enters the over-indebtedness stage (the stage it had kept for the way back), the filing's hold is placed
 * and the filing is audited.
 */
export async function recordFiling(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  body: FilingBody,
  requestId: string | null = null,
): Promise<ProcedureView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  if (body.filedOn > today)
    throw invalid('overindebtedness.step_in_future', 'The filing is dated after today: record it once it happened.');
  const id = await deps.db.transaction().execute(async (trx) => {
    const debtor = await trx
      .selectFrom('debtors')
      .select('id')
      .where('id', '=', debtorId)
      .forUpdate()
      .executeTakeFirst();
    if (!debtor) throw notFound('The debtor');
    const live = await trx
      .selectFrom('overindebtedness_procedures')
      .select('id')
      .where('debtor_id', '=', debtorId)
      .where('state', 'not in', ['closed', 'erased'])
      .executeTakeFirst();
    if (live)
      throw conflict(
        'overindebtedness.already_filed',
        'This debtor already has a procedure under way: record its next step.',
        {
          procedureId: live.id,
        },
      );
    const cases = await casesToCover(trx, debtorId);
    const state = FIRST_STATE[body.country];
    const row = await trx
      .insertInto('overindebtedness_procedures')
      .values({
        debtor_id: debtorId,
        country: body.country,
        state,
        state_on: body.filedOn,
        filed_on: body.filedOn,
        file_reference: body.fileReference,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertStep(
      trx,
      row.id,
      { state, on: body.filedOn, documentRef: body.documentRef, note: body.note },
      actor,
      now,
    );
    await trx
      .insertInto('overindebtedness_cases')
      .values(
        cases.map((c) => ({ procedure_id: row.id, case_id: c.id, creditor_id: c.creditor_id, stage_before: c.stage })),
      )
      .execute();
    const loaded = await loadProcedure(trx, row.id);
    await applyState({ trx, deps, actor, now, today, requestId }, loaded, {
      schedules: [],
      documentRef: body.documentRef,
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'overindebtedness.filed',
      targetType: 'overindebtedness_procedure',
      targetId: row.id,
      after: {
        debtorId,
        country: body.country,
        filedOn: body.filedOn,
        fileReference: body.fileReference,
        caseIds: cases.map((c) => c.id),
        creditorIds: [...new Set(cases.map((c) => c.creditor_id))],
      },
      requestId,
      at: now,
    });
    return row.id;
  });
  return procedureView(deps, actor, id);
}

/** Every open case of the debtor, at every creditor, but one whose debtor is reported dead (locked). */
async function casesToCover(trx: StateContext['trx'], debtorId: string) {
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'creditor_id', 'stage'])
    .where('debtor_id', '=', debtorId)
    .where('status', '<>', 'closed')
    .where('stage', '<>', 'deceased')
    .orderBy('id')
    .forUpdate()
    .execute();
  if (cases.length === 0)
    throw conflict(
      'overindebtedness.no_open_case',
      'The debtor has no open case: there is nothing for the procedure to cover.',
    );
  return cases;
}

async function insertStep(
  trx: StateContext['trx'],
  procedureId: string,
  step: { state: ProcedureState; on: string; documentRef: string | null; note: string },
  actor: Actor,
  now: Date,
) {
  await trx
    .insertInto('overindebtedness_steps')
    .values({
      procedure_id: procedureId,
      state: step.state,
      on_date: step.on,
      document_ref: step.documentRef,
      note: step.note,
      recorded_by: actor.userId,
      recorded_at: now,
    })
    .execute();
}

/**
 * Records the procedure's next step (a letter or decision of the commission, the judge or the OCC) with its day and
 * document, in one transaction under the procedure's lock: refused unless the current state leads to it, dated
 * between the last step and today; then what the state does (state-effects.ts) and the audit entry.
 */
export async function recordStep(
  deps: Deps,
  actor: Actor,
  procedureId: string,
  body: StepBody,
  requestId: string | null = null,
): Promise<ProcedureView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  await deps.db.transaction().execute(async (trx) => {
    const before = await loadProcedure(trx, procedureId, true);
    const refusal = checkNextStep(before.facts, { state: body.state, on: body.on }, today);
    if (refusal)
      throw conflict(
        refusal,
        `The procedure is ${before.row.state} since ${before.row.state_on}: it cannot go to ${body.state} on ${body.on}.`,
        {
          state: before.row.state,
          stateOn: before.row.state_on,
        },
      );
    if ((body.state === 'plan_applies' || body.state === 'plan_approved') && body.schedules.length === 0)
      throw invalid(
        'overindebtedness.schedule_missing',
        'The plan or measures apply: give the schedule of each case from the decision.',
      );
    await insertStep(trx, procedureId, body, actor, now);
    await trx
      .updateTable('overindebtedness_procedures')
      .set({ state: body.state, state_on: body.on, updated_at: now })
      .where('id', '=', procedureId)
      .execute();
    const loaded = await loadProcedure(trx, procedureId);
    await applyState({ trx, deps, actor, now, today, requestId }, loaded, body);
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'overindebtedness.step_recorded',
      targetType: 'overindebtedness_procedure',
      targetId: procedureId,
      before: { state: before.row.state, stateOn: before.row.state_on },
      after: { state: body.state, on: body.on, documentRef: body.documentRef, schedules: body.schedules.length },
      requestId,
      at: now,
    });
  });
  return procedureView(deps, actor, procedureId);
}

/** Records the document of the current step (the letter came after the step was recorded), audited. */
export async function recordStepDocument(
  deps: Deps,
  actor: Actor,
  procedureId: string,
  documentRef: string,
  requestId: string | null = null,
): Promise<ProcedureView> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await loadProcedure(trx, procedureId, true);
    const last = await trx
      .selectFrom('overindebtedness_steps')
      .select(['id', 'document_ref', 'state'])
      .where('procedure_id', '=', procedureId)
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (last.document_ref !== null)
      throw conflict('overindebtedness.document_recorded', 'The current step already has its document.');
    await trx
      .updateTable('overindebtedness_steps')
      .set({ document_ref: documentRef })
      .where('id', '=', last.id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'overindebtedness.document_recorded',
      targetType: 'overindebtedness_procedure',
      targetId: procedureId,
      after: { state: last.state, documentRef },
      requestId,
      at: now,
    });
  });
  return procedureView(deps, actor, procedureId);
}
