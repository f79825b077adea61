import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCase, listTeamQueues, NOTE_MIN_LENGTH, type QueueEntry, type TeamQueue } from './api.js';
import { useApiData } from '../../../api/useApiData.js';
import { AsyncContent } from '../../../ui/AsyncContent.js';
import { ProblemMessage } from '../../../ui/ProblemMessage.js';
import { useSubmit } from '../../../ui/useSubmit.js';
import { Field } from '../../../ui/fields.js';
import { NoteField } from './NoteField.js';
import { QueueEntryFacts } from '../QueueEntryFacts.js';

/**
 * On the case page, for team leaders and managers: put the case in another team's queue, or give it to one agent
 * of that team, with the reason. The teams and their agents come from the team queues (the caller's view of them).
 */
export function AssignmentForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<QueueEntry | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  return (
    <section className="card assignment" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">{t('supervision.assignment.heading')}</h2>
      <p className="muted">{t('supervision.assignment.intro')}</p>
      {open ? (
        <AssignmentFields
          caseId={caseId}
          onAssigned={setResult}
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => openButton.current?.focus());
          }}
        />
      ) : (
        <p>
          <button ref={openButton} type="button" className="button secondary" onClick={() => setOpen(true)}>
            {t('supervision.assignment.open')}
          </button>
        </p>
      )}
      <div role="status" className="status-area">
        {result ? <p className="success">{t('supervision.assignment.done')}</p> : null}
      </div>
      {result ? <AssignmentResult entry={result} /> : null}
    </section>
  );
}

function AssignmentFields({
  caseId,
  onAssigned,
  onClose,
}: {
  caseId: string;
  onAssigned: (entry: QueueEntry) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const teams = useApiData((signal) => listTeamQueues(signal), 'team-queues');
  return (
    <AsyncContent data={teams} onRetry={teams.reload}>
      {(found) =>
        found.items.length === 0 ? (
          <>
            <p>{t('supervision.assignment.noTeams')}</p>
            <button type="button" className="button secondary" onClick={onClose}>
              {t('supervision.assignment.cancel')}
            </button>
          </>
        ) : (
          <Fields caseId={caseId} teams={found.items} onAssigned={onAssigned} onClose={onClose} />
        )
      }
    </AsyncContent>
  );
}

function Fields({
  caseId,
  teams,
  onAssigned,
  onClose,
}: {
  caseId: string;
  teams: TeamQueue[];
  onAssigned: (entry: QueueEntry) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState('');
  const [userId, setUserId] = useState('');
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const sending = useSubmit();
  const saving = sending.busy;
  const agents = teams.find((queue) => queue.team.id === teamId)?.agents ?? [];
  const teamValid = teamId !== '';
  const noteValid = note.trim().length >= NOTE_MIN_LENGTH;

  async function submit() {
    setAttempted(true);
    sending.reset();
    if (!teamValid || !noteValid) return;
    await sending.run(async () => {
      const entry = await assignCase(caseId, { teamId, userId: userId === '' ? null : userId, note: note.trim() });
      setNote('');
      setAttempted(false);
      onAssigned(entry);
    });
  }

  return (
    <form
      className="grid-form"
      noValidate
      aria-labelledby="assignment-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TeamField
        teams={teams}
        value={teamId}
        missing={attempted && !teamValid}
        onChange={(id) => {
          setTeamId(id);
          setUserId('');
        }}
      />
      <Field
        id="assignment-agent"
        label={t('supervision.assignment.agent')}
        hint={t('supervision.assignment.agentHint')}
      >
        {(control) => (
          <select {...control} value={userId} disabled={!teamValid} onChange={(event) => setUserId(event.target.value)}>
            <option value="">{t('supervision.assignment.anyAgent')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField
        id="assignment-note"
        label={t('supervision.assignment.note')}
        hint={t('supervision.assignment.noteHint')}
        error={attempted && !noteValid ? t('supervision.assignment.noteTooShort') : null}
        value={note}
        onChange={setNote}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? t('supervision.assignment.submitting') : t('supervision.assignment.submit')}
        </button>
        <button type="button" className="button secondary" disabled={saving} onClick={onClose}>
          {t('supervision.assignment.cancel')}
        </button>
      </div>
      {sending.error ? (
        <div className="wide-error">
          <ProblemMessage error={sending.error} title={t('supervision.assignment.failed')} />
        </div>
      ) : null}
    </form>
  );
}

/** The team to assign the case to, required; focused as the form opens. */
function TeamField({
  teams,
  value,
  missing,
  onChange,
}: {
  teams: TeamQueue[];
  value: string;
  missing: boolean;
  onChange: (teamId: string) => void;
}) {
  const { t } = useTranslation();
  const teamSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    teamSelect.current?.focus();
  }, []);
  return (
    <Field
      id="assignment-team"
      label={t('supervision.assignment.team')}
      error={missing ? t('supervision.assignment.teamRequired') : null}
    >
      {(control) => (
        <select ref={teamSelect} {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('supervision.assignment.chooseTeam')}</option>
          {teams.map((queue) => (
            <option key={queue.team.id} value={queue.team.id}>
              {queue.team.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Where the case now stands in the queues, as the server answered (the same facts as on the agent's case view). */
function AssignmentResult({ entry }: { entry: QueueEntry }) {
  const { t } = useTranslation();
  return (
    <div className="assignment-result">
      <h3>{t('supervision.assignment.result')}</h3>
      <QueueEntryFacts entry={entry} />
    </div>
  );
}
