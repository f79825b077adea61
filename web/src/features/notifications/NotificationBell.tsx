import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { listNotifications, notificationHref, type NotificationView } from './api.js';

/** How often the bell asks again while the page stays open (it also asks after each navigation). */
const REFRESH_MS = 60_000;

/** The bell in the header: how much is waiting for the reader, and a list linking to each item. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const data = useLiveData((signal) => listNotifications(signal), 'notifications', i18n.language);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { reload } = data;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // A page visited may have done what was waiting (a plan approved): ask again, and close the list.
  useEffect(() => {
    reload();
    setOpen(false);
  }, [location.pathname, reload]);

  const total = data.status === 'ready' ? data.data.total : 0;
  const items = data.status === 'ready' ? data.data.items : [];
  return (
    <div
      className="notification-bell"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button ghost bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('notifications.button', { count: total })}
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {total > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {total > 99 ? '99+' : total}
          </span>
        ) : null}
      </button>
      <div id={panelId} className="bell-panel" hidden={!open}>
        <h2 className="bell-heading">{t('notifications.heading')}</h2>
        {items.length === 0 ? (
          <p>{data.status === 'error' ? t('notifications.unavailable') : t('notifications.none')}</p>
        ) : (
          <ul className="bell-list">
            {items.map((item) => (
              <NotificationLine key={`${item.kind}-${item.id}`} item={item} />
            ))}
          </ul>
        )}
        {total > items.length ? (
          <p className="hint">{t('notifications.more', { count: total - items.length })}</p>
        ) : null}
      </div>
    </div>
  );
}

function NotificationLine({ item }: { item: NotificationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const what =
    item.kind === 'task_due'
      ? t(`notifications.tasks.${item.taskKind ?? 'other'}`, { defaultValue: t('notifications.tasks.other') })
      : t(`notifications.kinds.${item.kind}`);
  const certification = item.kind === 'certification_expiring' || item.kind === 'certification_stale';
  const about = item.caseReference
    ? t('notifications.onCase', { reference: item.caseReference })
    : certification
      ? t(`training.certificationNames.${item.subject}`)
      : (item.subject ?? '');
  return (
    <li>
      <Link to={notificationHref(item)}>
        <span className="bell-what">{what}</span>
        {about ? (
          <>
            <span className="visually-hidden">, </span>
            <span className="bell-about">{about}</span>
          </>
        ) : null}
      </Link>
      <span className="bell-when">
        {t(
          item.kind === 'callback_due' || item.kind === 'task_due'
            ? 'notifications.dueSince'
            : certification
              ? 'notifications.endsOn'
              : 'notifications.since',
          {
            when: format.dateTime(item.at),
          },
        )}
      </span>
    </li>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}
