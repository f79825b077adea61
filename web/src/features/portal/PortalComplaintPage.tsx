import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalApi, type ComplaintFiled, type ComplaintSubject } from './api.js';
import { PortalDone } from './PortalDone.js';

const SUBJECTS: ComplaintSubject[] = [
  'contact_frequency',
  'amount',
  'hardship_not_heard',
  'agent_conduct',
  'data',
  'fraud',
  'other',
];

/**
 * A complaint, in the person's words: what it is about and what happened. It is registered at once with the days by
 * which the agency must acknowledge and answer it, which the page then says.
 */
export function PortalComplaintPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('portal.complaint.title'));
  const format = useFormat();
  const [subject, setSubject] = useState<ComplaintSubject | ''>('');
  const [summary, setSummary] = useState('');
  const sending = useSubmit();
  const [filed, setFiled] = useState<ComplaintFiled | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!subject) return;
    await sending.run(async () => {
      setFiled(await portalApi.complain(caseId, { subject, summary }));
    });
  }

  if (filed)
    return (
      <PortalDone
        caseId={caseId}
        heading={t('portal.complaint.filed', { reference: filed.reference })}
        text={t('portal.complaint.deadlines', {
          acknowledge: format.date(filed.acknowledgeBy),
          answer: format.date(filed.answerBy),
        })}
      />
    );
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.complaint.heading')}</h1>
      <p>{t('portal.complaint.intro')}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('portal.complaint.about')}</legend>
          {SUBJECTS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="subject"
                value={value}
                required
                checked={subject === value}
                onChange={() => setSubject(value)}
              />{' '}
              {t(`portal.complaint.subjects.${value}`)}
            </label>
          ))}
        </fieldset>
        <Field
          id="portal-complaint-summary"
          label={t('portal.complaint.summary')}
          hint={t('portal.complaint.summaryHint')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={6}
              minLength={10}
              maxLength={4000}
              required
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          )}
        </Field>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.complaint.send')}
        </button>
      </form>
    </div>
  );
}
