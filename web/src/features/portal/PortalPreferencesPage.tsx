import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalApi, type Preferences } from './api.js';

type Channel = NonNullable<Preferences['channels']>[number];
const CHANNELS: Channel[] = ['phone', 'sms', 'email', 'letter'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * How the person wants to be contacted: which channels, and at what time on weekdays. Their choice narrows what the
 * agency may do (never widens it); a letter stays possible for what must be written.
 */
export function PortalPreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.preferences.title'));
  const data = useApiData((signal) => portalApi.preferences(signal), 'preferences');
  return (
    <AsyncContent data={data} onRetry={data.reload}>
      {(preferences) => <PreferencesForm initial={preferences} />}
    </AsyncContent>
  );
}

function PreferencesForm({ initial }: { initial: Preferences }) {
  const { t } = useTranslation();
  const [channels, setChannels] = useState<Channel[]>(initial.channels ?? CHANNELS);
  const window = initial.windows?.[0];
  const [from, setFrom] = useState(window?.from ?? '');
  const [to, setTo] = useState(window?.to ?? '');
  const sending = useSubmit();
  const [saved, setSaved] = useState(false);

  const toggle = (channel: Channel) =>
    setChannels((current) =>
      current.includes(channel) ? current.filter((c) => c !== channel) : [...current, channel],
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await sending.run(async () => {
      await portalApi.setPreferences({
        channels:
          channels.length === CHANNELS.length ? null : channels.includes('letter') ? channels : [...channels, 'letter'],
        windows: from && to ? [{ days: [...WEEKDAYS], from, to }] : null,
      });
    });
    setSaved(ok);
  }

  return (
    <div className="portal-card">
      <p>
        <Link to="/portal">{t('portal.case.back')}</Link>
      </p>
      <h1>{t('portal.preferences.heading')}</h1>
      <p>{t('portal.preferences.intro')}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('portal.preferences.channels')}</legend>
          {CHANNELS.map((channel) => (
            <label key={channel} className="choice">
              <input
                type="checkbox"
                checked={channel === 'letter' || channels.includes(channel)}
                disabled={channel === 'letter'}
                onChange={() => toggle(channel)}
              />{' '}
              {t(`portal.preferences.channel.${channel}`)}
            </label>
          ))}
          <p className="hint">{t('portal.preferences.letterAlways')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('portal.preferences.hours')}</legend>
          <Field id="portal-pref-from" label={t('portal.preferences.from')}>
            {(control) => (
              <input {...control} type="time" value={from} onChange={(event) => setFrom(event.target.value)} />
            )}
          </Field>
          <Field id="portal-pref-to" label={t('portal.preferences.to')}>
            {(control) => <input {...control} type="time" value={to} onChange={(event) => setTo(event.target.value)} />}
          </Field>
          <p className="hint">{t('portal.preferences.hoursHint')}</p>
        </fieldset>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        {saved ? <p role="status">{t('portal.preferences.saved')}</p> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.preferences.save')}
        </button>
      </form>
    </div>
  );
}
