import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalApi } from './api.js';
import { PortalDone } from './PortalDone.js';
import { usePortalMe } from './PortalSession.js';

/** Asking to be called back: a day and a time within the agency's opening hours, which the page states. */
export function PortalCallbackPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('portal.callback.title'));
  const me = usePortalMe();
  const format = useFormat();
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const sending = useSubmit();
  const [booked, setBooked] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await sending.run(async () => {
      const made = await portalApi.callback(caseId, { day, time });
      setBooked(made.at);
    });
  }

  if (booked)
    return (
      <PortalDone
        caseId={caseId}
        heading={t('portal.callback.booked')}
        text={t('portal.callback.bookedAt', { at: format.dateTimeIn(booked, me.agency.timeZone) })}
      />
    );
  return (
    <div className="portal-card">
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
      <h1>{t('portal.callback.heading')}</h1>
      <p>{t('portal.callback.intro', { hours: me.agency.hours })}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <Field id="portal-callback-day" label={t('portal.callback.day')}>
          {(control) => (
            <input {...control} type="date" required value={day} onChange={(event) => setDay(event.target.value)} />
          )}
        </Field>
        <Field
          id="portal-callback-time"
          label={t('portal.callback.time')}
          hint={t('portal.callback.zone', { zone: me.agency.timeZone })}
        >
          {(control) => (
            <input
              {...control}
              type="time"
              step={900}
              required
              value={time}
              onChange={(event) => setTime(event.target.value)}
            />
          )}
        </Field>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.callback.send')}
        </button>
      </form>
    </div>
  );
}
