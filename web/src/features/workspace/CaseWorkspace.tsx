import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseDetail } from '../portfolio/api.js';
import { getCaseWorkspace, renewLease, type CaseWorkspace } from './api.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { useServerNow } from '../contact-policy/case-contact/shared.js';
import { useFormat } from '../../i18n/format.js';
import { withAmounts } from '../../i18n/amounts.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { CallGuide, focusOutcome } from './call-guide/CallGuide.js';
import { NextCaseButton, SHORTCUT, useNextCase, type NextCaseAction } from './NextCase.js';
import { PromisesSection } from './PromisesSection.js';
import { QueueEntryFacts } from './QueueEntryFacts.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { TasksTable } from './TasksTable.js';
import { useLiveData } from '../../api/useLiveData.js';
import { useShortcuts, type ShortcutKey } from './useShortcuts.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';

/** The lease lasts 15 minutes on the server: renewed well before it runs out. */
const LEASE_RENEWAL_MS = 5 * 60_000;

/** The workspace facts of one case, loaded once for the parts of the case page that show them. */
export interface CaseWorkspaceState {
  data: ReturnType<typeof useLiveData<CaseWorkspace>>;
  next: NextCaseAction;
  /** Reloads the facts after an act, and says what the act did. */
  changed: (message?: Saying) => void;
  message: Saying | null;
  /** Grows with every reload: the contact panel follows it to show the call just recorded. */
  version: number;
}

/**
 * Loads the case's workspace facts (standing, queue entry, promises, tasks, the call script) for a reader who may
 * see contacts; null for the others, who see none of the workspace parts. After an act both these facts and the
 * case itself (`reloadCase`: its timeline, its contact points) are reloaded in place.
 */
export function useCaseWorkspace(caseId: string, enabled: boolean, reloadCase: () => void): CaseWorkspaceState | null {
  const { i18n } = useTranslation();
  // The standing panel, the script and the reasons come in the reader's language: a new language reloads them.
  const data = useLiveData<CaseWorkspace>(
    (signal) => (enabled ? getCaseWorkspace(caseId, signal) : new Promise<CaseWorkspace>(() => undefined)),
    `${caseId}\u0000${enabled}`,
    i18n.language,
  );
  const next = useNextCase();
  const [message, setMessage] = useState<Saying | null>(null);
  const me = useMe();
  // While the agent has the case open, its lease is kept (15 minutes at a time) so no colleague takes it mid-call.
  const heldByMe = data.status === 'ready' && data.data.queue?.lease?.userId === me.id;
  useEffect(() => {
    if (!heldByMe) return undefined;
    const timer = window.setInterval(() => void renewLease(caseId).catch(() => undefined), LEASE_RENEWAL_MS);
    return () => window.clearInterval(timer);
  }, [caseId, heldByMe]);
  const changed = (text?: Saying) => {
    setMessage(() => text ?? null);
    data.reload();
    reloadCase();
  };
  return enabled ? { data, next, changed, message, version: data.version } : null;
}

/**
 * The top of a case for the person working it: the debtor's local time beside the identity, the keyboard
 * shortcuts, where the file stands in plain words, and its place in the queue.
 */
export function CaseWorkspaceTop({ workspace, detail }: { workspace: CaseWorkspaceState; detail: CaseDetail }) {
  const me = useMe();
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  const mayWork = can(me.role, 'queues.work');
  const mayRecord = can(me.role, 'contacts.record') && detail.status === 'open';
  const mayBudget = can(me.role, 'affordability.compute');
  const keys: ShortcutKey[] = [
    ...(mayWork ? (['n'] as const) : []),
    ...(mayRecord ? (['o'] as const) : []),
    ...(mayBudget ? (['b'] as const) : []),
    '?',
  ];
  useShortcuts({
    n: mayWork ? () => workspace.next.take() : undefined,
    o: mayRecord ? focusOutcome : undefined,
    b: mayBudget ? () => void navigate(`/cases/${detail.id}/budget`) : undefined,
    '?': () => setHelpOpen(true),
  });
  return (
    <>
      <div className="case-tools">
        {workspace.data.status === 'ready' ? <DebtorLocalTime local={workspace.data.data.debtorLocalTime} /> : null}
        <ShortcutsHelp
          keys={keys}
          open={helpOpen}
          onOpen={() => setHelpOpen(true)}
          onClose={() => setHelpOpen(false)}
        />
      </div>
      {/* A shortcut's "next case" that finds nothing (or fails) says so here, at the top. */}
      {workspace.next.from === SHORTCUT && (workspace.next.empty || workspace.next.error) ? (
        <NextCaseNotice workspace={workspace} />
      ) : null}
      <AsyncContent data={workspace.data} onRetry={workspace.data.reload}>
        {(found) => (
          <>
            <StandingSection standing={found.standing} />
            <QueueSection entry={found.queue} timeZone={found.debtorLocalTime.timeZone} />
          </>
        )}
      </AsyncContent>
    </>
  );
}

/** What the N key found (nothing callable, or a problem), with the button to try again. */
function NextCaseNotice({ workspace }: { workspace: CaseWorkspaceState }) {
  return (
    <div className="card next-case-notice">
      <NextCaseButton next={workspace.next} id={SHORTCUT} />
    </div>
  );
}

function DebtorLocalTime({ local }: { local: CaseWorkspace['debtorLocalTime'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useServerNow(local.at);
  return (
    <p className="debtor-local-time">
      {t('workspace.case.localTime')}{' '}
      <strong data-testid="debtor-local-time">{format.timeIn(local.timeZone, now)}</strong>{' '}
      <span className="muted">
        ({t('workspace.case.localTimeZone', { zone: local.timeZone, country: local.country })})
      </span>
    </p>
  );
}

function StandingSection({ standing }: { standing: CaseWorkspace['standing'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  // A fact that is a calendar date is shown the reader's way.
  const valueOf = (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.date(value) : withAmounts(format, value);
  return (
    <section className="card standing" aria-labelledby="standing-heading">
      <h2 id="standing-heading">{t('workspace.standing.heading')}</h2>
      <div className="standing-texts">
        <div className="standing-text">
          <h3>{t('workspace.standing.procedure')}</h3>
          <p data-testid="standing-procedure">{withAmounts(format, standing.procedure)}</p>
        </div>
        <div className="standing-text">
          <h3>{t('workspace.standing.next')}</h3>
          <p data-testid="standing-next">{withAmounts(format, standing.next)}</p>
        </div>
        <div className="standing-text">
          <h3>{t('workspace.standing.ifNoSolution')}</h3>
          <p data-testid="standing-if-no-solution">{withAmounts(format, standing.ifNoSolution)}</p>
        </div>
      </div>
      {standing.facts.length > 0 ? (
        <Facts items={standing.facts.map((fact) => ({ label: fact.label, value: valueOf(fact.value) }))} />
      ) : null}
    </section>
  );
}

function QueueSection({ entry, timeZone }: { entry: CaseWorkspace['queue']; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('workspace.queue.heading')}</h2>
      {entry ? <QueueEntryFacts entry={entry} timeZone={timeZone} /> : <p>{t('workspace.queue.none')}</p>}
    </section>
  );
}

/**
 * The working parts of a case: the guided conversation with its outcome (not at the judicial stage for the judicial
 * specialist, who works the procedure), then the promises to pay and the follow-up tasks. A call recorded reloads them
 * all.
 */
export function CaseWorkspaceWork(props: { workspace: CaseWorkspaceState; detail: CaseDetail; callGuide?: boolean }) {
  const { workspace, detail } = props;
  const { t } = useTranslation();
  const me = useMe();
  const mayRecord = can(me.role, 'contacts.record');
  if (workspace.data.status !== 'ready') return null;
  const found = workspace.data.data;
  return (
    <>
      {mayRecord && detail.status === 'open' && props.callGuide !== false ? (
        <CallGuide
          key={detail.id}
          detail={detail}
          workspace={found}
          next={can(me.role, 'queues.work') ? workspace.next : null}
          onRecorded={() => workspace.changed()}
        />
      ) : null}
      <div role="status" className="status-area">
        <SuccessMessage saying={workspace.message} />
      </div>
      <PromisesSection
        promises={found.promises}
        mayCancel={mayRecord}
        onChange={workspace.changed}
        onStale={workspace.data.reload}
      />
      <section className="card" aria-labelledby="case-tasks-heading">
        <h2 id="case-tasks-heading">{t('workspace.tasks.caseHeading')}</h2>
        {found.tasks.length === 0 ? (
          <p>{t('workspace.tasks.noneOnCase')}</p>
        ) : (
          <TasksTable
            tasks={found.tasks}
            caption={t('workspace.tasks.caseCaption')}
            showCase={false}
            mayComplete={mayRecord}
            onDone={workspace.changed}
            onStale={workspace.data.reload}
          />
        )}
      </section>
    </>
  );
}
