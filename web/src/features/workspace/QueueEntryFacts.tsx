import { useTranslation } from 'react-i18next';
import type { QueueEntry } from './api.js';
import { Facts } from '../../ui/Facts.js';
import { withAmounts } from '../../i18n/amounts.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';

/**
 * A case's place in the queues: the team and the strategy's segment (champion or challenger), the tier and the
 * priority that order it, the reasons in words, when the contact policy next allows a call, and who holds it now.
 */
export function QueueEntryFacts({
  entry,
  timeZone,
}: {
  entry: QueueEntry;
  /** The debtor's zone, where known: the next call on the debtor's clock. */ timeZone?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const callable = entry.callableFrom
    ? timeZone
      ? `${format.dateTimeIn(entry.callableFrom, timeZone)} (${timeZone})`
      : format.dateTimeIn(entry.callableFrom)
    : entry.channels.includes('phone')
      ? t('workspace.queue.callableByActOnly')
      : t('workspace.queue.noCallPlanned');
  return (
    <>
      <Facts
        items={[
          { label: t('workspace.queue.team'), value: entry.team?.name ?? t('common.none') },
          {
            label: t('workspace.queue.segment'),
            value: (
              <>
                {entry.segment.name}{' '}
                <span className={`badge arm-${entry.arm}`}>{labelOf(t, 'workspace.queue.arms', entry.arm)}</span>
              </>
            ),
          },
          {
            label: t('workspace.queue.tier'),
            value: (
              <span className={`badge tier-${entry.tier}`}>{labelOf(t, 'workspace.queue.tiers', entry.tier)}</span>
            ),
          },
          { label: t('workspace.queue.priority'), value: format.count(entry.priority) },
          {
            label: t('workspace.queue.channels'),
            value:
              entry.channels.length > 0
                ? entry.channels.map((channel) => labelOf(t, 'values.channels', channel)).join(', ')
                : t('common.none'),
          },
          { label: t('workspace.queue.callableFrom'), value: callable },
          {
            label: t('workspace.queue.lease'),
            value: entry.lease
              ? t('workspace.queue.leaseValue', {
                  name: entry.lease.userName,
                  until: format.dateTimeIn(entry.lease.until),
                })
              : t('workspace.queue.notLeased'),
          },
          ...(entry.assignedUser ? [{ label: t('workspace.queue.assignedTo'), value: entry.assignedUser.name }] : []),
          ...(entry.paused
            ? [
                {
                  label: t('workspace.queue.paused'),
                  value: <strong className="warning-text">{t('workspace.queue.pausedValue')}</strong>,
                },
              ]
            : []),
        ]}
      />
      {entry.reasons.length > 0 ? (
        <>
          <p className="queue-reasons-title">{t('workspace.queue.reasons')}</p>
          <ul className="plain-list queue-reasons">
            {entry.reasons.map((reason, index) => (
              <li key={index}>{withAmounts(format, reason)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
