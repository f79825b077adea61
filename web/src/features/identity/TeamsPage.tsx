import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TEAM_KINDS } from '../../../../src/identity/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Field } from '../../ui/fields.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import {
  createPole,
  createTeam,
  listTeams,
  renamePole,
  updateTeam,
  type PoleView,
  type TeamKind,
  type TeamList,
  type TeamView,
} from './api.js';
import { can } from './permissions.js';
import { useMe } from './SessionProvider.js';

/** Teams and poles: create a team, rename it, attach it to a pole; create and rename poles. */
export function TeamsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayManage = can(me.role, 'users.manage');
  const [generation, setGeneration] = useState(0);
  const teams = useApiData((signal) => listTeams(signal), String(generation));
  const reload = () => setGeneration((n) => n + 1);
  usePageTitle(t('administration.teams.title'));
  return (
    <>
      <p className="back-link">
        <Link to="/users">
          <span aria-hidden="true">← </span>
          {t('administration.user.back')}
        </Link>
      </p>
      <h1>{t('administration.teams.title')}</h1>
      <p className="muted">{t('administration.teams.intro')}</p>
      <AsyncContent data={teams} onRetry={teams.reload}>
        {(list) => (
          <>
            <TeamTable list={list} mayManage={mayManage} onSaved={reload} />
            <div className="admin-grid">
              <PoleList poles={list.poles} mayManage={mayManage} onSaved={reload} />
              {mayManage ? <CreateTeam poles={list.poles} onSaved={reload} /> : null}
            </div>
          </>
        )}
      </AsyncContent>
    </>
  );
}

function PoleSelect(props: {
  id: string;
  label?: string;
  poles: PoleView[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      id={props.id}
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">{t('administration.teams.noPole')}</option>
      {props.poles.map((pole) => (
        <option key={pole.id} value={pole.id}>
          {pole.name}
        </option>
      ))}
    </select>
  );
}

function TeamTable({ list, mayManage, onSaved }: { list: TeamList; mayManage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <section className="card" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t('administration.teams.caption')}</h2>
      <SubmitFeedback submit={submit} />
      <TableScroll label={t('administration.teams.caption')}>
        <table className="admin-table">
          <caption className="visually-hidden">{t('administration.teams.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('administration.teams.name')}</th>
              <th scope="col">{t('administration.teams.kind')}</th>
              <th scope="col">{t('administration.teams.pole')}</th>
              <th scope="col" className="number">
                {t('administration.teams.members')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((team) => (
              <TeamRow
                key={team.id}
                team={team}
                poles={list.poles}
                mayManage={mayManage}
                submit={submit}
                onSaved={onSaved}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function TeamRow(props: {
  team: TeamView;
  poles: PoleView[];
  mayManage: boolean;
  submit: ReturnType<typeof useSubmit>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { team } = props;
  const [name, setName] = useState(team.name);
  const [poleId, setPoleId] = useState(team.poleId ?? '');
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void props.submit.run(async () => {
      const saved = await updateTeam(team.id, { name: name.trim(), poleId: poleId || null });
      props.onSaved();
      return (t) => t('administration.teams.saved', { name: saved.name });
    });
  }
  if (!props.mayManage) {
    return (
      <tr>
        <th scope="row">{team.name}</th>
        <td>{t(`administration.teams.kinds.${team.kind}`)}</td>
        <td>{team.poleName ?? t('administration.teams.noPole')}</td>
        <td className="number">{team.members}</td>
      </tr>
    );
  }
  const formId = `team-${team.id}`;
  return (
    <tr>
      <th scope="row">
        <form id={formId} className="inline-form" onSubmit={save}>
          <input
            aria-label={t('administration.teams.rename', { name: team.name })}
            value={name}
            required
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
          />
          <button
            type="submit"
            className="button secondary small"
            disabled={props.submit.busy}
            aria-label={t('administration.teams.saveLabel', { name: team.name })}
          >
            {t('administration.teams.save')}
          </button>
        </form>
      </th>
      <td>{t(`administration.teams.kinds.${team.kind}`)}</td>
      <td>
        <PoleSelect
          id={`${formId}-pole`}
          label={t('administration.teams.poleOf', { name: team.name })}
          poles={props.poles}
          value={poleId}
          onChange={setPoleId}
        />
      </td>
      <td className="number">{team.members}</td>
    </tr>
  );
}

function PoleList({ poles, mayManage, onSaved }: { poles: PoleView[]; mayManage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [name, setName] = useState('');
  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(async () => {
      const saved = await createPole(name.trim());
      setName('');
      onSaved();
      return (t) => t('administration.teams.poleSaved', { name: saved.name });
    });
  }
  return (
    <section className="card" aria-labelledby="poles-heading">
      <h2 id="poles-heading">{t('administration.teams.poles')}</h2>
      <ul className="plain-list">
        {poles.map((pole) => (
          <PoleItem key={pole.id} pole={pole} mayManage={mayManage} submit={submit} onSaved={onSaved} />
        ))}
      </ul>
      {mayManage ? (
        <form className="stacked-form" onSubmit={create}>
          <Field id="new-pole" label={t('administration.teams.newPole')}>
            {(control) => (
              <input
                {...control}
                required
                maxLength={100}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" disabled={submit.busy}>
              {t('administration.teams.createPoleSubmit')}
            </button>
          </div>
        </form>
      ) : null}
      <SubmitFeedback submit={submit} />
    </section>
  );
}

function PoleItem(props: {
  pole: PoleView;
  mayManage: boolean;
  submit: ReturnType<typeof useSubmit>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.pole.name);
  const count = t('administration.teams.poleTeams', { count: props.pole.teams });
  if (!props.mayManage) {
    return (
      <li>
        {props.pole.name} <span className="muted">({count})</span>
      </li>
    );
  }
  return (
    <li>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void props.submit.run(async () => {
            const saved = await renamePole(props.pole.id, name.trim());
            props.onSaved();
            return (t) => t('administration.teams.poleSaved', { name: saved.name });
          });
        }}
      >
        <input
          aria-label={t('administration.teams.renamePole', { name: props.pole.name })}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button secondary small" disabled={props.submit.busy}>
          {t('administration.teams.save')}
        </button>
        <span className="muted">{count}</span>
      </form>
    </li>
  );
}

function CreateTeam({ poles, onSaved }: { poles: PoleView[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TeamKind>('amicable');
  const [poleId, setPoleId] = useState('');
  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(async () => {
      const saved = await createTeam({ name: name.trim(), kind, poleId: poleId || null });
      setName('');
      onSaved();
      return (t) => t('administration.teams.created', { name: saved.name });
    });
  }
  return (
    <section className="card" aria-labelledby="create-team-heading">
      <h2 id="create-team-heading">{t('administration.teams.create')}</h2>
      <form className="stacked-form" onSubmit={create}>
        <Field id="new-team" label={t('administration.teams.newName')}>
          {(control) => (
            <input
              {...control}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field id="new-team-kind" label={t('administration.teams.kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.target.value as TeamKind)}>
              {TEAM_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`administration.teams.kinds.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="new-team-pole" label={t('administration.teams.pole')}>
          {(control) => <PoleSelect id={control.id} poles={poles} value={poleId} onChange={setPoleId} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {t('administration.teams.createSubmit')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={submit} />
    </section>
  );
}
