import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCase, listTeamQueues, NOTE_MIN_LENGTH, type QueueEntry, type TeamQueue } from './api.js';
import { useApiData } from '../../../api/useApiData.js';
import { AsyncContent } from '../../../ui/AsyncContent.js';
import { ProblemMessage } from '../../../ui/ProblemMessage.js';
import { useSubmit } from '../../../ui/useSubmit.js';
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
  const teamSelect = useRef<HTMLSelectElement>(null);
  const agents = teams.find((queue) => queue.team.id === teamId)?.agents ?? [];
  const teamValid = teamId !== '';
  const noteValid = note.trim().length >= NOTE_MIN_LENGTH;

  useEffect(() => {
    teamSelect.current?.focus();
  }, []);

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
      <div className="field">
        <label htmlFor="assignment-team">{t('supervision.assignment.team')}</label>
        <select
          ref={teamSelect}
          id="assignment-team"
          value={teamId}
          aria-invalid={attempted && !teamValid ? true : undefined}
          aria-describedby={attempted && !teamValid ? 'assignment-team-error' : undefined}
          onChange={(event) => {
            setTeamId(event.target.value);
            setUserId('');
          }}
        >
          <option value="">{t('supervision.assignment.chooseTeam')}</option>
          {teams.map((queue) => (
            <option key={queue.team.id} value={queue.team.id}>
              {queue.team.name}
            </option>
          ))}
        </select>
        {attempted && !teamValid ? (
          <p id="assignment-team-error" className="field-error">
            {t('supervision.assignment.teamRequired')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="assignment-agent">{t('supervision.assignment.agent')}</label>
        <select
          id="assignment-agent"
          value={userId}
          disabled={!teamValid}
          aria-describedby="assignment-agent-hint"
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">{t('supervision.assignment.anyAgent')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
        <p id="assignment-agent-hint" className="hint">
          {t('supervision.assignment.agentHint')}
        </p>
      </div>
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
