import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ROLES } from '../../../../src/identity/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { listCreditors, type CreditorSummary } from '../portfolio/api.js';
import { changeUser, getUser, listTeams, resetPassword, type TeamView, type UserDetail } from './api.js';
import { can, type Role } from './permissions.js';
import { useMe } from './SessionProvider.js';

/**
 * One account, as an administrator manages it: its team, its role (a raise waits for a second person), its password
 * (reset, never chosen by the administrator) and whether it may sign in. Every change is audited by the server.
 */
export function UserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  const user = useApiData((signal) => getUser(id, signal), `${id}:${generation}`);
  const teams = useApiData((signal) => listTeams(signal), 'teams');
  const creditors = useApiData(
    (signal): Promise<{ items: CreditorSummary[] }> =>
      can(me.role, 'creditors.read') ? listCreditors(signal) : Promise.resolve({ items: [] }),
    'creditors',
  );
  usePageTitle(user.status === 'ready' ? user.data.displayName : t('users.title'));
  const reload = () => setGeneration((n) => n + 1);
  const teamItems = teams.status === 'ready' ? teams.data.items : [];
  const creditorItems = creditors.status === 'ready' ? creditors.data.items : [];
  return (
    <>
      <p className="back-link">
        <Link to="/users">
          <span aria-hidden="true">← </span>
          {t('administration.user.back')}
        </Link>
      </p>
      <AsyncContent data={user} onRetry={user.reload}>
        {(found) => (
          <>
            <h1>
              {found.displayName} <span className="heading-sub">{t(`roles.${found.role}`)}</span>
            </h1>
            <AccountFacts user={found} teams={teamItems} />
            {can(me.role, 'users.manage') && found.id !== me.id ? (
              <div className="admin-grid">
                <TeamForm user={found} teams={teamItems} onSaved={reload} />
                <RoleForm user={found} creditors={creditorItems} onSaved={reload} />
                <PasswordReset user={found} onDone={reload} />
                <AccessToggle user={found} onDone={reload} />
              </div>
            ) : null}
          </>
        )}
      </AsyncContent>
    </>
  );
}

function AccountFacts({ user, teams }: { user: UserDetail; teams: TeamView[] }) {
  const { t } = useTranslation();
  const team = teams.find((item) => item.id === user.teamId);
  return (
    <section className="card" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('administration.user.facts')}</h2>
      <Facts
        items={[
          { label: t('administration.user.email'), value: user.email },
          {
            label: t('administration.user.team'),
            value: team ? `${team.name}${team.poleName ? ` (${team.poleName})` : ''}` : t('administration.user.noTeam'),
          },
          {
            label: t('administration.user.status'),
            value: user.active ? t('administration.user.active') : t('administration.user.inactive'),
          },
        ]}
      />
      {user.pendingAccess ? (
        <p className="warning-text">{t('users.pendingAccess', { role: t(`roles.${user.pendingAccess.role}`) })}</p>
      ) : null}
      {user.passwordResetPending ? (
        <p className="warning-text">{t('administration.user.passwordResetPending')}</p>
      ) : null}
      {user.passwordChangeRequired ? <p className="hint">{t('administration.user.passwordChangeRequired')}</p> : null}
    </section>
  );
}

function TeamForm({ user, teams, onSaved }: { user: UserDetail; teams: TeamView[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState(user.teamId ?? '');
  const submit = useSubmit();
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(async () => {
      await changeUser(user.id, { teamId: teamId || null });
      onSaved();
      return (t) => t('administration.user.teamSaved', { name: user.displayName });
    });
  }
  return (
    <section className="card" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('administration.user.teamHeading')}</h2>
      <form className="stacked-form" onSubmit={save}>
        <Field id="user-team" label={t('administration.user.team')}>
          {(control) => (
            <select {...control} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
              <option value="">{t('administration.user.noTeam')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.poleName ? `${team.name} — ${team.poleName}` : team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {t('administration.user.teamSave')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={submit} />
    </section>
  );
}

function RoleForm({
  user,
  creditors,
  onSaved,
}: {
  user: UserDetail;
  creditors: CreditorSummary[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [creditorId, setCreditorId] = useState(user.creditorId ?? '');
  const submit = useSubmit();
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(async () => {
      const changed = await changeUser(user.id, {
        role,
        creditorId: role === 'creditor_user' ? creditorId || null : null,
      });
      onSaved();
      return (t) =>
        changed.pendingAccess
          ? t('administration.user.roleWaiting')
          : t('administration.user.roleSaved', { name: user.displayName });
    });
  }
  return (
    <section className="card" aria-labelledby="role-heading">
      <h2 id="role-heading">{t('administration.user.roleHeading')}</h2>
      <p className="hint">{t('administration.user.roleHint')}</p>
      <form className="stacked-form" onSubmit={save}>
        <Field id="user-role" label={t('users.role')}>
          {(control) => (
            <select {...control} value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`roles.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === 'creditor_user' ? (
          <Field id="user-creditor" label={t('administration.user.creditor')}>
            {(control) => (
              <select {...control} required value={creditorId} onChange={(event) => setCreditorId(event.target.value)}>
                <option value="" />
                {creditors.map((creditor) => (
                  <option key={creditor.id} value={creditor.id}>
                    {creditor.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {t('administration.user.roleSave')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={submit} />
    </section>
  );
}

function PasswordReset({ user, onDone }: { user: UserDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('administration.user.passwordHeading')}</h2>
      <p className="hint">{t('administration.user.passwordHint')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={submit.busy}
          aria-label={t('administration.user.passwordResetLabel', { name: user.displayName })}
          onClick={() =>
            void submit.run(async () => {
              await resetPassword(user.id);
              onDone();
              return (t) => t('administration.user.passwordResetDone', { name: user.displayName });
            })
          }
        >
          {t('administration.user.passwordReset')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </section>
  );
}

function AccessToggle({ user, onDone }: { user: UserDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <section className="card" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('administration.user.accessHeading')}</h2>
      <p className="hint">{t('administration.user.deactivateHint')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={submit.busy}
          onClick={() =>
            void submit.run(async () => {
              await changeUser(user.id, { active: !user.active });
              onDone();
              return (t) => t(user.active ? 'users.deactivated' : 'users.activated', { name: user.displayName });
            })
          }
        >
          {user.active ? t('users.deactivate') : t('users.activate')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </section>
  );
}
