import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getWorkspace, releaseCase, type WorkspaceSummary } from './api.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { NextCaseButton, useNextCase } from './NextCase.js';
import { QueueEntryFacts } from './QueueEntryFacts.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { TasksTable } from './TasksTable.js';
import { useLiveData } from '../../api/useLiveData.js';
import { useShortcuts } from './useShortcuts.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';

/** The server stops counting waiting cases here (COUNT_CAP in src/workspace/next-case.ts): more reads "1,000 or more". */
const COUNT_CAP = 1_000;

/**
 * The agent's home for the day: the "next case" button (N), the case being worked, what waits in the queues,
 * today's figures and the follow-up tasks still open.
 */
export function WorkspacePage() {
  const { t, i18n } = useTranslation();
  // Task titles and queue reasons come in the reader's language: a new language reloads them.
  const summary = useLiveData(getWorkspace, 'workspace', i18n.language);
  const next = useNextCase();
  const [helpOpen, setHelpOpen] = useState(false);
  const [done, setDone] = useState<Saying | null>(null);
  usePageTitle(t('workspace.title'));
  // N answers beside the page's one button.
  useShortcuts({ n: () => next.take('next-case'), '?': () => setHelpOpen(true) });
  // A "next case" that found nothing moved the candidates the policy refused to later: the counts are read again.
  const { reload } = summary;
  useEffect(() => {
    if (next.empty) reload();
  }, [next.empty, reload]);

  const changed = (message: Saying) => {
    setDone(() => message);
    summary.reload();
  };

  return (
    <>
      <div className="page-heading">
        <h1>{t('workspace.heading')}</h1>
        <ShortcutsHelp
          keys={['n', '?']}
          open={helpOpen}
          onOpen={() => setHelpOpen(true)}
          onClose={() => setHelpOpen(false)}
        />
      </div>
      <p className="muted">{t('workspace.intro')}</p>
      <div role="status" className="status-area">
        <SuccessMessage saying={done} />
      </div>
      <AsyncContent data={summary} onRetry={summary.reload}>
        {(data) => <WorkspaceView summary={data} next={next} onChange={changed} onStale={summary.reload} />}
      </AsyncContent>
    </>
  );
}

function WorkspaceView({
  summary,
  next,
  onChange,
  onStale,
}: {
  summary: WorkspaceSummary;
  next: ReturnType<typeof useNextCase>;
  onChange: (message: Saying) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const waiting = summary.waiting;
  const nothingNow = waiting.callableNow === 0;
  const waitingCount = (count: number) =>
    count >= COUNT_CAP ? t('workspace.waiting.atLeast', { number: format.count(COUNT_CAP) }) : format.count(count);
  return (
    <>
      <section className="card next-case-card" aria-labelledby="next-heading">
        <h2 id="next-heading">{t('workspace.next.heading')}</h2>
        {summary.teams.length > 0 ? (
          <p>
            {t('workspace.teams', {
              count: summary.teams.length,
              teams: summary.teams.map((team) => team.name).join(', '),
            })}
          </p>
        ) : (
          <p className="warning-text">{t('workspace.noTeam')}</p>
        )}
        <NextCaseButton next={next} />
        <dl className="figures queue-figures">
          <div className="figure">
            <dt>{t('workspace.waiting.callableNow')}</dt>
            <dd data-testid="callable-now">{waitingCount(waiting.callableNow)}</dd>
          </div>
          <div className="figure figure-quiet">
            <dt>{t('workspace.waiting.later')}</dt>
            <dd data-testid="callable-later">{waitingCount(waiting.later)}</dd>
          </div>
        </dl>
        {/* Said once: the answer to a press of the button, when there is one, says it already. */}
        {nothingNow && !next.empty ? (
          <p className="info">
            {waiting.later > 0
              ? t('workspace.waiting.nothingNowLater', {
                  count: waiting.later,
                  formatted: format.count(waiting.later),
                })
              : t('workspace.waiting.nothingAtAll')}
          </p>
        ) : null}
      </section>

      <CurrentCase current={summary.current} onChange={onChange} />

      <section className="card" aria-labelledby="today-heading">
        <h2 id="today-heading">{t('workspace.today.heading')}</h2>
        <dl className="figures">
          <div className="figure">
            <dt>{t('workspace.today.calls')}</dt>
            <dd data-testid="today-calls">{format.count(summary.today.calls)}</dd>
          </div>
          <div className="figure">
            <dt>{t('workspace.today.conversations')}</dt>
            <dd data-testid="today-conversations">{format.count(summary.today.conversations)}</dd>
          </div>
          <div className="figure">
            <dt>{t('workspace.today.promises')}</dt>
            <dd data-testid="today-promises">{format.count(summary.today.promises)}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="open-tasks-heading">
        <h2 id="open-tasks-heading">{t('workspace.tasks.openHeading')}</h2>
        {summary.openTasks.length === 0 ? (
          <p>{t('workspace.tasks.noneOpen')}</p>
        ) : (
          <TasksTable
            tasks={summary.openTasks}
            caption={t('workspace.tasks.openCaption')}
            showCase
            mayComplete={can(me.role, 'contacts.record')}
            onDone={onChange}
            onStale={onStale}
          />
        )}
      </section>
    </>
  );
}

function CurrentCase({
  current,
  onChange,
}: {
  current: WorkspaceSummary['current'];
  onChange: (message: Saying) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const releasing = useSubmit();

  async function release(caseId: string, reference: string) {
    await releasing.run(async () => {
      await releaseCase(caseId);
      onChange((t) => t('workspace.current.released', { reference }));
    });
  }

  return (
    <section className="card" aria-labelledby="current-heading">
      <h2 id="current-heading">{t('workspace.current.heading')}</h2>
      {current ? (
        <>
          <p className="current-case">
            <Link to={`/cases/${current.caseId}`} className="current-case-link">
              {t('workspace.current.link', { reference: current.reference, name: current.debtorName })}
            </Link>
            <span className="muted">
              {' · '}
              {current.creditorName} · {format.money(current.balanceCents, current.currency)}
            </span>
          </p>
          <QueueEntryFacts entry={current} />
          <p>
            <button
              type="button"
              className="button secondary"
              disabled={releasing.busy}
              onClick={() => void release(current.caseId, current.reference)}
            >
              {t('workspace.current.release')}
            </button>
          </p>
          <p className="hint">{t('workspace.current.releaseHint')}</p>
          {releasing.error ? <ProblemMessage error={releasing.error} /> : null}
        </>
      ) : (
        <p>{t('workspace.current.none')}</p>
      )}
    </section>
  );
}
