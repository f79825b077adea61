import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format.js';
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
        <div className="field">
          <label htmlFor="portal-callback-day">{t('portal.callback.day')}</label>
          <input
            id="portal-callback-day"
            type="date"
            required
            value={day}
            onChange={(event) => setDay(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="portal-callback-time">{t('portal.callback.time')}</label>
          <input
            id="portal-callback-time"
            type="time"
            step={900}
            required
            aria-describedby="portal-callback-time-hint"
            value={time}
            onChange={(event) => setTime(event.target.value)}
          />
          <p id="portal-callback-time-hint" className="hint">
            {t('portal.callback.zone', { zone: me.agency.timeZone })}
          </p>
        </div>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.callback.send')}
        </button>
      </form>
    </div>
  );
}
