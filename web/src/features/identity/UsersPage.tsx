import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { changeUser, listUsers } from './api.js';
import { listCreditors } from '../portfolio/api.js';
import type { CreditorSummary } from '../portfolio/api.js';
import type { User, UserChange } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import type { Column } from '../../ui/DataTable.js';
import { PagedTable } from '../../ui/PagedTable.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { YesNo } from '../../ui/YesNo.js';
import { useFormat } from '../../i18n/format.js';
import { can } from './permissions.js';
import { useMe } from './SessionProvider.js';
import { CreateUserForm } from './CreateUserForm.js';
import { AccessRequests } from './AccessRequests.js';

const PAGE_SIZE = 50;

function isLocked(user: User, now: Date): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil) > now;
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayManage = can(me.role, 'users.manage');
  const [offset, setOffset] = useState(0);
  const [generation, setGeneration] = useState(0);
  const key = `${offset}:${generation}`;
  // One more than a page tells whether a next page exists (the API has no hasMore for users).
  const users = useApiData(
    (signal) =>
      listUsers({ limit: PAGE_SIZE + 1, offset }, signal).then(({ items }) => ({
        items: items.slice(0, PAGE_SIZE),
        hasMore: items.length > PAGE_SIZE,
      })),
    key,
  );
  const creditors = useApiData(
    (signal): Promise<{ items: CreditorSummary[] }> =>
      can(me.role, 'creditors.read') ? listCreditors(signal) : Promise.resolve({ items: [] }),
    'creditors',
  );
  const creditorList = creditors.status === 'ready' ? creditors.data.items : [];
  const changes = useUserChanges(key);
  const columns = useUserColumns({ creditors: creditorList, mayManage, selfId: me.id, changes });
  usePageTitle(t('users.title'));

  return (
    <>
      <h1>{t('users.heading')}</h1>
      <p>
        <Link to="/teams">{t('administration.teams.link')}</Link>
      </p>
      <AccessRequests
        mayDecide={can(me.role, 'users.approve_access')}
        generation={generation}
        onDecided={() => setGeneration((n) => n + 1)}
      />
      <PagedTable
        data={users}
        onRetry={users.reload}
        columns={columns}
        rowKey={(user) => user.id}
        rowClassName={(user) => (changes.current(user).active ? undefined : 'row-muted')}
        offset={offset}
        pageSize={PAGE_SIZE}
        onPage={setOffset}
        announceCount={false}
        above={<SubmitFeedback submit={changes.submit} />}
        texts={{
          caption: t('users.caption'),
          pagination: t('users.pagination'),
          none: t('users.none'),
          range: (range) => t('users.range', range),
        }}
      />
      {mayManage ? (
        <CreateUserForm
          creditors={creditorList}
          onCreated={() => {
            setOffset(0);
            setGeneration((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Changes made to users of the page shown: each updates its row in place (no reload of the list) and says so; the
 * rows changed are forgotten when the list loads again (`key`).
 */
function useUserChanges(key: string) {
  const submit = useSubmit();
  const [changed, setChanged] = useState<{ key: string; rows: Record<string, User> }>({ key, rows: {} });
  const [busyId, setBusyId] = useState<string | null>(null);
  const rows = changed.key === key ? changed.rows : {};
  return {
    submit,
    current: (user: User) => rows[user.id] ?? user,
    isBusy: (user: User) => submit.busy && busyId === user.id,
    apply: (user: User, change: UserChange, done: string) => {
      setBusyId(user.id);
      void submit.run(async () => {
        const updated = await changeUser(user.id, change);
        setChanged({ key, rows: { ...rows, [updated.id]: updated } });
        return (t) => t(done, { name: updated.displayName });
      });
    },
  };
}

function useUserColumns({
  creditors,
  mayManage,
  selfId,
  changes,
}: {
  creditors: CreditorSummary[];
  mayManage: boolean;
  selfId: string;
  changes: ReturnType<typeof useUserChanges>;
}): Column<User>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const now = new Date();
  const creditorName = (id: string) => creditors.find((c) => c.id === id)?.name ?? id;
  const user = changes.current;
  return [
    {
      header: t('users.name'),
      rowHeader: true,
      cell: (listed) => (
        <>
          <Link to={`/users/${listed.id}`}>{user(listed).displayName}</Link>
          <span className="muted small-block plain">{user(listed).email}</span>
        </>
      ),
    },
    { header: t('users.role'), cell: (listed) => <RoleCell user={user(listed)} creditorName={creditorName} /> },
    { header: t('users.active'), cell: (listed) => <YesNo value={user(listed).active} /> },
    {
      header: t('users.locked'),
      cell: (listed) => {
        const { lockedUntil } = user(listed);
        return lockedUntil && isLocked(user(listed), now) ? (
          <strong className="warning-text">{t('users.lockedUntil', { date: format.dateTime(lockedUntil) })}</strong>
        ) : (
          t('common.no')
        );
      },
    },
    {
      header: t('users.lastLogin'),
      cell: (listed) => {
        const at = user(listed).lastLoginAt;
        return at ? format.dateTime(at) : t('users.never');
      },
    },
    {
      header: t('common.actions'),
      hidden: !mayManage,
      cell: (listed) =>
        listed.id === selfId ? null : (
          <UserActions
            user={user(listed)}
            locked={isLocked(user(listed), now)}
            busy={changes.isBusy(listed)}
            onChange={(change, done) => changes.apply(user(listed), change, done)}
          />
        ),
    },
  ];
}

function RoleCell({ user, creditorName }: { user: User; creditorName: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`roles.${user.role}`)}
      {user.creditorId ? (
        <span className="muted small-block">{t('users.creditorOf', { name: creditorName(user.creditorId) })}</span>
      ) : null}
      {user.pendingAccess ? (
        <strong className="warning-text small-block">
          {t('users.pendingAccess', { role: t(`roles.${user.pendingAccess.role}`) })}
        </strong>
      ) : null}
    </>
  );
}

/** Deactivate or reactivate a user, and lift a login lockout; each button names the user for screen readers. */
function UserActions({
  user,
  locked,
  busy,
  onChange,
}: {
  user: User;
  locked: boolean;
  busy: boolean;
  onChange: (change: UserChange, doneMessageKey: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row-actions">
      {user.active ? (
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          aria-label={t('users.deactivateLabel', { name: user.displayName })}
          onClick={() => onChange({ active: false }, 'users.deactivated')}
        >
          {t('users.deactivate')}
        </button>
      ) : (
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          aria-label={t('users.activateLabel', { name: user.displayName })}
          onClick={() => onChange({ active: true }, 'users.activated')}
        >
          {t('users.activate')}
        </button>
      )}
      {locked ? (
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          aria-label={t('users.unlockLabel', { name: user.displayName })}
          onClick={() => onChange({ unlock: true }, 'users.unlocked')}
        >
          {t('users.unlock')}
        </button>
      ) : null}
    </div>
  );
}
