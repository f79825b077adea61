import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import type { CaseWorkspace } from '../workspace/api.js';
import type { CaseDetail } from './api.js';

/**
 * The essentials of a case in one band at the top of its page, so the person on the phone sees them without
 * scrolling: what is owed, where the file stands, what comes next, how to reach the debtor and what holds contact.
 * The sections below give the detail of each.
 */
export function CaseKeyFacts({
  detail,
  workspace,
  next,
}: {
  detail: CaseDetail;
  workspace: CaseWorkspace | null;
  /** What comes next when the case is worked elsewhere than the queue (its judicial procedure's next action). */
  next?: string | null | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const holds = detail.holds.filter((hold) => hold.status === 'active');
  return (
    <section className="card key-facts" aria-labelledby="key-facts-heading">
      <h2 id="key-facts-heading" className="visually-hidden">
        {t('caseOverview.heading')}
      </h2>
      <dl className="key-facts-list">
        <div className="key-fact">
          <dt>{t('caseOverview.balance')}</dt>
          <dd>
            <strong className="amount key-balance">{format.money(detail.balanceCents, detail.currency)}</strong>
          </dd>
        </div>
        <div className="key-fact">
          <dt>{t('caseOverview.state')}</dt>
          <dd>
            <span className={`badge stage-${detail.stage}`}>{labelOf(t, 'stages', detail.stage)}</span>{' '}
            {labelOf(t, 'statuses', detail.status)}
          </dd>
        </div>
        {next || workspace ? (
          <div className="key-fact key-fact-wide">
            <dt>{t('caseOverview.next')}</dt>
            <dd data-testid="key-next">{next ?? nextAction(workspace!, t, format)}</dd>
          </div>
        ) : null}
        <div className="key-fact key-fact-wide">
          <dt>{t('caseOverview.reach')}</dt>
          <dd>
            <ReachList contactPoints={detail.debtor.contactPoints} />
          </dd>
        </div>
        <div className="key-fact">
          <dt>{t('caseOverview.holds')}</dt>
          <dd data-testid="key-holds">
            {holds.length === 0 ? (
              t('caseOverview.noHolds')
            ) : (
              <ul className="plain-list">
                {holds.map((hold) => {
                  const kind = labelOf(t, 'values.holdKinds', hold.kind);
                  return (
                    <li key={hold.id} className="warning-text">
                      {hold.endsAt ? t('caseOverview.holdUntil', { kind, date: format.dateTime(hold.endsAt) }) : kind}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];
type Format = ReturnType<typeof useFormat>;

/** The first thing planned on the case: an open task, else a promise awaited, else when the next call may be made. */
function nextAction(workspace: CaseWorkspace, t: Translate, format: Format): string {
  const task = workspace.tasks
    .filter((candidate) => candidate.status === 'open')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (task) return t('caseOverview.taskDue', { title: task.title, date: format.dateTime(task.dueAt) });
  const promise = workspace.promises
    .filter((candidate) => candidate.status === 'open')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  if (promise) {
    return t('caseOverview.promiseDue', {
      amount: format.money(promise.amountCents - promise.paidCents, promise.currency),
      date: format.date(promise.dueOn),
    });
  }
  const callableFrom = workspace.queue?.callableFrom;
  if (callableFrom) {
    // On the debtor's clock, as the queue's facts below say it.
    const zone = workspace.debtorLocalTime.timeZone;
    return t('caseOverview.callFrom', { date: `${format.dateTimeIn(callableFrom, zone)} (${zone})` });
  }
  return t('caseOverview.nothingPlanned');
}

/** The numbers and addresses that may be used: a wrong number or one the debtor opted out of is left out. */
function ReachList({ contactPoints }: { contactPoints: CaseDetail['debtor']['contactPoints'] }) {
  const { t } = useTranslation();
  const usable = contactPoints.filter((point) => !point.wrongNumber && !point.optedOut).slice(0, 3);
  if (usable.length === 0) return <>{t('caseOverview.noContact')}</>;
  return (
    <ul className="plain-list">
      {usable.map((point) => (
        <li key={point.id}>
          {point.channel === 'phone' ? (
            <a href={`tel:${point.value.replace(/[^+\d]/g, '')}`}>{point.value}</a>
          ) : (
            <a href={`mailto:${point.value}`}>{point.value}</a>
          )}{' '}
          <span className="muted">({labelOf(t, 'values.usages', point.usage)})</span>
        </li>
      ))}
    </ul>
  );
}
