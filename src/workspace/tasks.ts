import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB, TaskKind } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, notFound } from '../platform/errors.js';
import { caseInScope } from '../cases/scope.js';
import { TASK_TITLES } from './core/texts.js';
import { localDateOf } from '../platform/calendar/index.js';

export interface NewTask {
  caseId: string;
  debtorId: string;
  kind: TaskKind;
  dueAt: Date;
  teamId: string | null;
  source: Record<string, unknown>;
  note?: string | null;
}

/** Opens a follow-up inside the caller's transaction, with its line on the case timeline. */
export async function openTask(
  trx: Transaction<DB>,
  task: NewTask,
  actorUserId: string | null,
  now: Date,
  agency: { AGENCY_TZ: string },
): Promise<string> {
  const row = await trx
    .insertInto('case_tasks')
    .values({
      case_id: task.caseId,
      debtor_id: task.debtorId,
      kind: task.kind,
      due_at: task.dueAt,
      team_id: task.teamId,
      source: JSON.stringify(task.source),
      note: task.note ?? null,
      created_by: actorUserId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendCaseEvent(trx, {
    caseId: task.caseId,
    debtorId: task.debtorId,
    at: now,
    kind: 'task',
    summary: recordText('task_created', {
      title: TASK_TITLES[task.kind],
      dueOn: localDateOf(task.dueAt, agency.AGENCY_TZ),
    }),
    actorUserId,
    data: { taskId: row.id, kind: task.kind, ...task.source },
  });
  return row.id;
}

/** Marks a follow-up done, with an optional note. */
export async function completeTask(
  deps: Deps,
  actor: Actor,
  taskId: string,
  note: string | undefined,
  requestId: string | null = null,
) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom('case_tasks').selectAll().where('id', '=', taskId).forUpdate().executeTakeFirst();
    if (!task) throw notFound('The task');
    const caseRow = await caseInScope(trx, actor, task.case_id);
    if (task.status !== 'open') throw conflict('task.not_open', 'This follow-up is already done or cancelled.');
    await trx
      .updateTable('case_tasks')
      .set({ status: 'done', done_at: now, done_by: actor.userId, note: note?.trim() ? note.trim() : task.note })
      .where('id', '=', taskId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'task.done',
      targetType: 'case_task',
      targetId: taskId,
      creditorId: caseRow.creditor_id,
      before: { status: 'open' },
      after: { status: 'done', kind: task.kind, caseId: task.case_id },
      requestId,
      at: now,
    });
    return task.case_id;
  });
}
