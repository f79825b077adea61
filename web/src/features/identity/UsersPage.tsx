import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeUser, listUsers } from './api.js';
import { listCreditors } from '../portfolio/api.js';
import type { CreditorSummary } from '../portfolio/api.js';
import type { User, UserChange } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Pager } from '../../ui/Pager.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { TableScroll } from '../../ui/TableScroll.js';
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
  // One more than a page tells whether a next page exists (the API has no hasMore for users).
  const users = useApiData((signal) => listUsers({ limit: PAGE_SIZE + 1, offset }, signal), `${offset}:${generation}`);
  const creditors = useApiData(
    (signal): Promise<{ items: CreditorSummary[] }> =>
      can(me.role, 'creditors.read') ? listCreditors(signal) : Promise.resolve({ items: [] }),
    'creditors',
  );
  const creditorList = creditors.status === 'ready' ? creditors.data.items : [];
  usePageTitle(t('users.title'));

  return (
    <>
      <h1>{t('users.heading')}</h1>
      <AccessRequests mayDecide={can(me.role, 'users.approve_access')} generation={generation} onDecided={() => setGeneration((n) => n + 1)} />
      <AsyncContent data={users} onRetry={users.reload}>
        {(page) => (
          <UserTable
            users={page.items.slice(0, PAGE_SIZE)}
            hasMore={page.items.length > PAGE_SIZE}
            offset={offset}
            onPage={setOffset}
            creditors={creditorList}
            mayManage={mayManage}
            selfId={me.id}
          />
        )}
      </AsyncContent>
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

interface UserTableProps {
  users: User[];
  hasMore: boolean;
  offset: number;
  onPage: (offset: number) => void;
  creditors: CreditorSummary[];
  mayManage: boolean;
  selfId: string;
}

function UserTable({ users, hasMore, offset, onPage, creditors, mayManage, selfId }: UserTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // Rows changed on this page are kept here, so an action updates its row without reloading the list.
  const [changed, setChanged] = useState<Record<string, User>>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const now = new Date();
  const creditorName = (id: string) => creditors.find((c) => c.id === id)?.name ?? id;

  async function apply(user: User, change: UserChange, done: string) {
    setBusyId(user.id);
    setError(null);
    setMessage('');
    try {
      const updated = await changeUser(user.id, change);
      setChanged((rows) => ({ ...rows, [updated.id]: updated }));
      setMessage(t(done, { name: updated.displayName }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(null);
    }
  }

  const range = { from: format.count(offset + 1), to: format.count(offset + users.length) };
  return (
    <>
      <p className="result-count">{users.length === 0 ? t('users.none') : t('users.range', range)}</p>
      <div role="status" className="status-area">
        {message ? <p className="success">{message}</p> : null}
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      {users.length > 0 ? (
        <TableScroll label={t('users.caption')}>
          <table>
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.active')}</th>
                <th scope="col">{t('users.locked')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
                {mayManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {users.map((listed) => {
                const user = changed[listed.id] ?? listed;
                const locked = isLocked(user, now);
                return (
                  <tr key={user.id} className={user.active ? undefined : 'row-muted'}>
                    <th scope="row">
                      {user.displayName}
                      <span className="muted small-block plain">{user.email}</span>
                    </th>
                    <td>
                      {t(`roles.${user.role}`)}
                      {user.creditorId ? (
                        <span className="muted small-block">{t('users.creditorOf', { name: creditorName(user.creditorId) })}</span>
                      ) : null}
                      {user.pendingAccess ? (
                        <strong className="warning-text small-block">{t('users.pendingAccess', { role: t(`roles.${user.pendingAccess.role}`) })}</strong>
                      ) : null}
                    </td>
                    <td>
                      <YesNo value={user.active} />
                    </td>
                    <td>
                      {locked && user.lockedUntil ? (
                        <strong className="warning-text">{t('users.lockedUntil', { date: format.dateTime(user.lockedUntil) })}</strong>
                      ) : (
                        t('common.no')
                      )}
                    </td>
                    <td>{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.never')}</td>
                    {mayManage ? (
                      <td>
                        {user.id === selfId ? null : (
                          <UserActions
                            user={user}
                            locked={locked}
                            busy={busyId === user.id}
                            onChange={(change, done) => void apply(user, change, done)}
                          />
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <Pager label={t('users.pagination')} offset={offset} pageSize={PAGE_SIZE} hasMore={hasMore} onPage={onPage} />
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
