import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_OUTCOMES, ROOT_CAUSES } from '../../../../src/complaints/contract.js';
import type { ComplaintOutcome, RootCause } from '../../../../src/complaints/contract.js';
import { acknowledgeComplaint, answerComplaint, closeComplaint, type ComplaintView } from './api.js';
import { CodeSelect } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import type { Saying } from '../../i18n/saying.js';

/**
 * What a handler does next with a complaint: acknowledge it, answer it (outcome, root cause, measures), close it.
 * Each act may take the complaint out of the list shown (the answer form leaves once sent, an answered complaint
 * leaves the open ones): its confirmation goes to `onDone`, for the list's section to keep on screen. A problem stays
 * here, beside the act that met it.
 */
export function ComplaintActions({ complaint, onDone }: { complaint: ComplaintView; onDone: (said: Saying) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [answering, setAnswering] = useState(false);
  const reference = complaint.reference;
  const run = async (action: () => Promise<unknown>, done: Saying) => {
    if (await submit.run(async () => void (await action()))) onDone(done);
  };
  const open = complaint.status === 'received' || complaint.status === 'acknowledged';
  return (
    <div className="row-actions">
      {complaint.status === 'received' ? (
        <button
          type="button"
          className="button secondary small"
          aria-label={t('complaints.acknowledge', { reference })}
          disabled={submit.busy}
          onClick={() =>
            void run(
              () => acknowledgeComplaint(complaint.id),
              (t) => t('complaints.acknowledged', { reference }),
            )
          }
        >
          {t('complaints.acknowledgeShort')}
        </button>
      ) : null}
      {open && !answering ? (
        <button
          type="button"
          className="button secondary small"
          aria-label={t('complaints.answer.open', { reference })}
          onClick={() => setAnswering(true)}
        >
          {t('complaints.answer.openShort')}
        </button>
      ) : null}
      {complaint.status === 'answered' ? (
        <button
          type="button"
          className="button secondary small"
          aria-label={t('complaints.close', { reference })}
          disabled={submit.busy}
          onClick={() =>
            void run(
              () => closeComplaint(complaint.id),
              (t) => t('complaints.closed', { reference }),
            )
          }
        >
          {t('complaints.closeShort')}
        </button>
      ) : null}
      {open && answering ? <AnswerForm complaint={complaint} onDone={onDone} /> : null}
      <SubmitFeedback submit={{ done: null, error: submit.error }} />
    </div>
  );
}

function AnswerForm({ complaint, onDone }: { complaint: ComplaintView; onDone: (said: Saying) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [outcome, setOutcome] = useState<ComplaintOutcome>('upheld');
  const [rootCause, setRootCause] = useState<RootCause>('process');
  const [answer, setAnswer] = useState('');
  const [measures, setMeasures] = useState('');
  const id = `answer-${complaint.id}`;
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await answerComplaint(complaint.id, { outcome, answer, rootCause, ...(measures ? { measures } : {}) });
    });
    if (ok) onDone((t) => t('complaints.answer.done', { reference: complaint.reference }));
  }
  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="wide">
        {t('complaints.answer.heading', { reference: complaint.reference })}
      </h3>
      <CodeSelect
        id={`${id}-outcome`}
        label={t('complaints.answer.outcome')}
        group="complaints.outcomes"
        values={COMPLAINT_OUTCOMES}
        value={outcome}
        onChange={setOutcome}
      />
      <CodeSelect
        id={`${id}-cause`}
        label={t('complaints.answer.rootCause')}
        group="complaints.rootCauses"
        values={ROOT_CAUSES}
        value={rootCause}
        onChange={setRootCause}
      />
      <div className="field wide">
        <label htmlFor={`${id}-text`}>{t('complaints.answer.text')}</label>
        <textarea
          id={`${id}-text`}
          required
          rows={3}
          maxLength={8000}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
        />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-measures`}>{t('complaints.answer.measures')}</label>
        <input
          id={`${id}-measures`}
          type="text"
          maxLength={4000}
          value={measures}
          onChange={(event) => setMeasures(event.target.value)}
        />
      </div>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('complaints.answer.submit')}
        </button>
        <SubmitFeedback submit={{ done: null, error: submit.error }} />
      </div>
    </form>
  );
}
