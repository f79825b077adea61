import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_CHANNELS, COMPLAINT_SUBJECTS } from '../../../../src/complaints/contract.js';
import type { ComplaintChannel, ComplaintSubject } from '../../../../src/complaints/contract.js';
import { getCaseComplaints, registerComplaint } from './api.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { CodeSelect } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { ComplaintTable } from './ComplaintTable.js';
import { ComplaintActions } from './ComplaintActions.js';

/**
 * The complaints of a case and, for those who may, the form that registers one. A handler's act (acknowledged,
 * answered, closed) is confirmed here, announced politely: the answer form leaves once sent, its confirmation stays.
 */
export function CaseComplaintsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const complaints = useLiveData((signal) => getCaseComplaints(caseId, signal), caseId);
  const handles = can(me.role, 'complaints.handle');
  const [notice, setNotice] = useState<Saying | null>(null);
  const concluded = (said: Saying) => {
    // Wrapped: a function given to a state setter would be called as an updater.
    setNotice(() => said);
    complaints.reload();
  };
  return (
    <section className="card" aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">{t('complaints.heading')}</h2>
      <div role="status" aria-live="polite" className="status-area">
        <SuccessMessage saying={notice} />
      </div>
      <AsyncContent data={complaints} onRetry={complaints.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('complaints.none')}</p>
          ) : (
            <ComplaintTable
              complaints={found.items}
              showCase={false}
              actions={handles ? (c) => <ComplaintActions complaint={c} onDone={concluded} /> : undefined}
            />
          )
        }
      </AsyncContent>
      {can(me.role, 'complaints.register') ? (
        <RegisterComplaintForm caseId={caseId} onRegistered={complaints.reload} />
      ) : null}
    </section>
  );
}

function RegisterComplaintForm({ caseId, onRegistered }: { caseId: string; onRegistered: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [channel, setChannel] = useState<ComplaintChannel>('phone');
  const [subject, setSubject] = useState<ComplaintSubject>('contact_frequency');
  const [summary, setSummary] = useState('');
  const [receivedOn, setReceivedOn] = useState('');

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      const made = await registerComplaint(caseId, {
        channel,
        subject,
        summary,
        ...(receivedOn ? { receivedOn } : {}),
      });
      return (t, format) =>
        t('complaints.register.done', {
          reference: made.reference,
          acknowledgeBy: format.date(made.acknowledgeBy),
          answerBy: format.date(made.answerBy),
        });
    });
    if (ok) {
      setSummary('');
      onRegistered();
    }
  }

  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby="complaint-register-heading">
      <h3 id="complaint-register-heading" className="wide">
        {t('complaints.register.heading')}
      </h3>
      <CodeSelect
        id="complaint-channel"
        label={t('complaints.register.channel')}
        group="complaints.channels"
        values={COMPLAINT_CHANNELS}
        value={channel}
        onChange={setChannel}
      />
      <CodeSelect
        id="complaint-subject"
        label={t('complaints.register.subject')}
        group="complaints.subjects"
        values={COMPLAINT_SUBJECTS}
        value={subject}
        onChange={setSubject}
      />
      <div className="field">
        <label htmlFor="complaint-received">{t('complaints.register.receivedOn')}</label>
        <input
          id="complaint-received"
          type="date"
          value={receivedOn}
          onChange={(event) => setReceivedOn(event.target.value)}
        />
      </div>
      <div className="field wide">
        <label htmlFor="complaint-summary">{t('complaints.register.summary')}</label>
        <textarea
          id="complaint-summary"
          required
          maxLength={4000}
          rows={3}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
        />
      </div>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {submit.busy ? t('complaints.register.sending') : t('complaints.register.submit')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}
