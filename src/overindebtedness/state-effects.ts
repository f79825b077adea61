import type { Transaction } from 'kysely';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { changeCase } from '../cases/change-case.js';
import { liftHoldIn, placeHoldIn } from '../contact-policy/holds/manage-holds.js';
import { openClaims } from '../payments/record-payment.js';
import { cancelLivePlansIn, importCommissionPlanIn } from '../plans/commission-plan.js';
import { TERMINAL_STATUSES } from '../plans/core/index.js';
import { DAY_MS, instantAt } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import { invalid } from '../platform/errors.js';
import { openTask } from '../workspace/tasks.js';
import { caseEffectOf, deadlinesOf, holdKindOf, isStayed, stayEndsOn, type ProcedureState } from './core/procedure.js';
import { STATE_NAMES } from './core/texts.js';
import { eraseCaseIn } from './erase-claims.js';
import type { LoadedProcedure, StateContext } from './procedure-facts.js';
import type { StepBody } from './contract.js';

/**
 * What a state recorded does, in the step's transaction: the contact policy's hold the state calls for (placed,
 * replaced or lifted: the contact policy and the direct debits stop by construction), the covered cases' stages
 * (entering, the commission's plan imported, leaving, erased), the task of the statement of liabilities and a line
 * on each covered case's timeline. `loaded` already holds the new step.
 */
export async function applyState(
  c: StateContext,
  loaded: LoadedProcedure,
  body: Pick<StepBody, 'schedules'> & { documentRef: string | null },
): Promise<void> {
  const state = loaded.row.state;
  await followHold(c, loaded, state);
  const open = await openCoveredCases(c.trx, loaded);
  const procedureId = loaded.row.id;
  const effect = caseEffectOf(state);
  if (effect === 'in_procedure') {
    for (const caseId of open)
      await changeCase(c.trx, { caseId, change: { reason: 'overindebtedness_entered', procedureId }, ...who(c) });
    // The stay stops every amicable plan: the debtor may not pay earlier debts (L722-5).
    if (isStayed(state)) await cancelLivePlansIn(c.trx, c.actor, open, stayReason(loaded), c.now, c.requestId);
  }
  if (effect === 'plan_applies') await importSchedules(c, loaded, open, body);
  if (effect === 'leave') {
    for (const caseId of open) {
      const live = await c.trx
        .selectFrom('plans')
        .select('id')
        .where('case_id', '=', caseId)
        .where('status', 'not in', [...TERMINAL_STATUSES])
        .executeTakeFirst();
      const outcome = state === 'inadmissible' ? 'inadmissible' : 'ended';
      await changeCase(c.trx, {
        caseId,
        change: { reason: 'overindebtedness_left', procedureId, outcome, planLive: live !== undefined },
        ...who(c),
      });
    }
  }
  if (state === 'liabilities_stated') await openStatementTasks(c, loaded, open);
  await stepLines(c, loaded, open);
  if (effect === 'erase') for (const caseId of open) await eraseCaseIn(c, loaded, caseId);
}

function who(c: StateContext) {
  return { actorUserId: c.actor.userId, now: c.now, today: c.today };
}

function stayReason(loaded: LoadedProcedure): string {
  return `Surendettement ${loaded.row.file_reference} : dossier recevable, suspension (C. conso L722-2, L722-5)`;
}

/** The covered cases still open, locked (in the order of their ids). */
async function openCoveredCases(trx: Transaction<DB>, loaded: LoadedProcedure): Promise<string[]> {
  const ids = loaded.cases.map((c) => c.case_id);
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('cases')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '<>', 'closed')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** The hold of the state: kept when it is the same kind, else the old one lifted and the new one placed. */
async function followHold(c: StateContext, loaded: LoadedProcedure, state: ProcedureState): Promise<void> {
  const kind = holdKindOf(state);
  const current = loaded.row.hold_id
    ? await c.trx
        .selectFrom('holds')
        .select(['id', 'kind', 'status'])
        .where('id', '=', loaded.row.hold_id)
        .executeTakeFirst()
    : undefined;
  if (current && current.kind === kind) return;
  if (current?.status === 'active')
    await liftHoldIn(c.trx, c.now, c.actor, current.id, `Surendettement : ${STATE_NAMES[state].fr}`, c.requestId);
  let holdId: string | null = null;
  if (kind) {
    const hold = await placeHoldIn(
      c.trx,
      c.now,
      c.actor,
      loaded.row.debtor_id,
      {
        kind,
        reason: `Surendettement ${loaded.row.file_reference} : ${STATE_NAMES[state].fr}`,
        ...holdDates(c, loaded, kind),
      },
      c.requestId,
    );
    holdId = hold.id;
  }
  await c.trx
    .updateTable('overindebtedness_procedures')
    .set({ hold_id: holdId })
    .where('id', '=', loaded.row.id)
    .execute();
  loaded.row.hold_id = holdId;
}

/**
 * The hold's dates: the stay ends at its date (admissibility + 2 years, L722-3; the policy's longest hold, 730 days,
 * bounds it too); the filing's hold is reviewed when the decision is expected; the commission's plan every year.
 */
function holdDates(c: StateContext, loaded: LoadedProcedure, kind: string): { endsAt?: Date; reviewAt?: Date } {
  const later = (date: string | null, days: number) => {
    const at = date ? instantAt(date, c.deps.config.AGENCY_TZ, '23:59') : null;
    const floor = new Date(c.now.getTime() + DAY_MS);
    const ceiling = new Date(c.now.getTime() + days * DAY_MS);
    return at && at > floor ? (at < ceiling ? at : ceiling) : ceiling;
  };
  if (kind === 'overindebtedness_admissible') return { endsAt: later(stayEndsOn(loaded.facts, loaded.calendar), 730) };
  if (kind === 'overindebtedness_filed') {
    const expected = deadlinesOf(loaded.facts, loaded.calendar).find((d) => d.deadline === 'decision_expected');
    return { reviewAt: later(expected?.dueOn ?? null, 120) };
  }
  return { reviewAt: new Date(c.now.getTime() + 365 * DAY_MS) };
}

/** The commission's schedules become the cases' plans; every covered case stays in the procedure, its plan followed. */
async function importSchedules(
  c: StateContext,
  loaded: LoadedProcedure,
  open: readonly string[],
  body: Pick<StepBody, 'schedules'> & { documentRef: string | null },
): Promise<void> {
  for (const schedule of body.schedules) {
    if (!open.includes(schedule.caseId))
      throw invalid(
        'overindebtedness.schedule_case',
        'A schedule names a case the procedure does not cover (or a closed one).',
        {
          caseId: schedule.caseId,
        },
      );
  }
  for (const caseId of open) {
    const schedule = body.schedules.find((s) => s.caseId === caseId);
    let planId: string | null = null;
    if (schedule) {
      planId = await importCommissionPlanIn(c.trx, c.actor, {
        caseId,
        decisionRef: body.documentRef ?? loaded.row.file_reference,
        instalments: schedule.instalments,
        at: c.now,
        requestId: c.requestId,
      });
      await c.trx
        .updateTable('overindebtedness_cases')
        .set({ plan_id: planId })
        .where('procedure_id', '=', loaded.row.id)
        .where('case_id', '=', caseId)
        .execute();
    }
    const first = schedule ? [...schedule.instalments].map((i) => i.dueOn).sort()[0] : undefined;
    await changeCase(c.trx, {
      caseId,
      change: {
        reason: 'overindebtedness_measures_apply',
        procedureId: loaded.row.id,
        planId,
        followOn: first ?? c.today,
      },
      ...who(c),
    });
  }
}

/** The statement of liabilities: a task on each case, due with the 30 days to prove the claim, its statement ready. */
async function openStatementTasks(c: StateContext, loaded: LoadedProcedure, open: readonly string[]): Promise<void> {
  const proof = deadlinesOf(loaded.facts, loaded.calendar).find((d) => d.deadline === 'liabilities_proof');
  const dueOn = proof?.dueOn ?? c.today;
  for (const caseId of open) {
    const claims = await openClaims(c.trx, caseId);
    const statement = claims.map((claim) => ({
      claimId: claim.id,
      reference: claim.reference,
      defaultOn: claim.default_on,
      ...claim.outstanding,
      totalCents: claim.outstanding.principal + claim.outstanding.interest + claim.outstanding.fees,
    }));
    const taskId = await openTask(
      c.trx,
      {
        caseId,
        debtorId: loaded.row.debtor_id,
        kind: 'liabilities_statement',
        dueAt: instantAt(dueOn, c.deps.config.AGENCY_TZ, '12:00'),
        teamId: null,
        source: { procedureId: loaded.row.id, deadline: 'liabilities_proof', dueOn, statement },
      },
      c.actor.userId,
      c.now,
      c.deps.config,
    );
    await c.trx
      .updateTable('overindebtedness_cases')
      .set({ statement_task_id: taskId })
      .where('procedure_id', '=', loaded.row.id)
      .where('case_id', '=', caseId)
      .execute();
  }
}

/** A line on each covered case's timeline: the state, its day and its first deadline. */
async function stepLines(c: StateContext, loaded: LoadedProcedure, open: readonly string[]): Promise<void> {
  const step = loaded.facts.steps.at(-1)!;
  const first = deadlinesOf(loaded.facts, loaded.calendar)[0];
  const summary = first
    ? recordText('overindebtedness_step_due', { state: STATE_NAMES[step.state], on: step.on, dueOn: first.dueOn })
    : recordText('overindebtedness_step', { state: STATE_NAMES[step.state], on: step.on });
  for (const caseId of open) {
    await appendCaseEvent(c.trx, {
      caseId,
      debtorId: loaded.row.debtor_id,
      at: c.now,
      kind: 'note',
      summary,
      actorUserId: c.actor.userId,
      data: { procedureId: loaded.row.id, state: step.state, on: step.on },
    });
  }
}
