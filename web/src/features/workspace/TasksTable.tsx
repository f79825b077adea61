import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import { completeTask, type Task } from './api.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { type Saying } from '../../i18n/saying.js';

/**
 * Follow-up tasks (a broken promise, a dispute to review…), each with its due date and, for those who may record
 * contacts, a button to mark it done. `showCase` adds the case each belongs to (the workspace lists every case's).
 */
export function TasksTable({
  tasks,
  caption,
  showCase,
  mayComplete,
  onDone,
  onStale,
}: {
  tasks: readonly Task[];
  caption: string;
  showCase: boolean;
  mayComplete: boolean;
  onDone: (message: Saying) => void;
  /** Called when the server says the list is out of date (a colleague did the task): reload it. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const marking = useSubmit();
  const [taskId, setTaskId] = useState<string | null>(null);

  async function done(task: Task) {
    setTaskId(task.id);
    await marking.run(async () => {
      try {
        await completeTask(task.id);
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) onStale();
        throw caught;
      }
      onDone((t) => t('workspace.tasks.doneMessage', { title: task.title }));
    });
  }

  return (
    <>
      <TableScroll label={caption}>
        <table className="tasks-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.tasks.task')}</th>
              {showCase ? <th scope="col">{t('workspace.tasks.case')}</th> : null}
              <th scope="col">{t('workspace.tasks.due')}</th>
              <th scope="col">{t('workspace.tasks.team')}</th>
              <th scope="col">{t('workspace.tasks.status')}</th>
              {mayComplete ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} className={task.status === 'open' ? undefined : 'row-muted'} data-task-kind={task.kind}>
                <th scope="row" className="plain">
                  {task.title}
                  {task.note ? <span className="small-block muted">{task.note}</span> : null}
                </th>
                {showCase ? (
                  <td className="nowrap">
                    <Link to={`/cases/${task.caseId}`}>{task.caseReference}</Link>
                  </td>
                ) : null}
                <td>{format.dateTime(task.dueAt)}</td>
                <td>{task.team?.name ?? t('common.none')}</td>
                <td>
                  {labelOf(t, 'workspace.tasks.statuses', task.status)}
                  {task.doneAt ? <span className="small-block muted">{format.dateTime(task.doneAt)}</span> : null}
                </td>
                {mayComplete ? (
                  <td>
                    {task.status === 'open' ? (
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={marking.busy}
                        aria-label={t('workspace.tasks.markDoneLabel', {
                          title: task.title,
                          reference: task.caseReference,
                        })}
                        onClick={() => void done(task)}
                      >
                        {marking.busy && taskId === task.id
                          ? t('workspace.tasks.marking')
                          : t('workspace.tasks.markDone')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {marking.error ? <ProblemMessage error={marking.error} /> : null}
    </>
  );
}
