import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, DAY_KEYS } from '../../../../../src/contact-policy/contract.js';
import {
  optOut,
  cancelCallback,
  requestCallback,
  setContactPreferences,
  withdrawOptOut,
  type Channel,
  type DayKey,
  type PreferenceWindow,
} from './api.js';
import { TableScroll } from '../../../ui/TableScroll.js';
import { labelOf } from '../../../i18n/labels.js';
import { can } from '../../identity/permissions.js';
import { useMe } from '../../identity/SessionProvider.js';
import type { ContactPartProps } from './ContactPanel.js';
import { DualTime, localToIso } from './shared.js';
import { SubmitFeedback, useSubmit } from '../../../ui/useSubmit.js';

/** Monday first, as agents read a week. */
const WEEK: readonly DayKey[] = [...DAY_KEYS.slice(1), DAY_KEYS[0]];

/** What the debtor said about being contacted: channels and hours, "stop" per channel, callbacks asked for. */
export function PreferencesPanel(props: ContactPartProps) {
  const { t } = useTranslation();
  const me = useMe();
  const record = can(me.role, 'contacts.record');
  return (
    <section className="card" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{t('contact.preferences.heading')}</h2>
      <p className="hint contact-intro">{t('contact.preferences.intro')}</p>
      <OptOuts {...props} record={record} />
      <Callbacks {...props} record={record} />
      <Preferences {...props} record={record} />
    </section>
  );
}

type PartProps = ContactPartProps & { record: boolean };

function OptOuts({ contact, reload, record }: PartProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const since = new Map(contact.optOuts.map((item) => [item.channel as Channel, item.optedOutAt]));

  function toggle(channel: Channel) {
    const name = (say: TFunction) => labelOf(say, 'values.channels', channel);
    void submit
      .run(async () => {
        if (since.has(channel)) {
          await withdrawOptOut(contact.debtorId, channel);
          return (t) => t('contact.optOuts.withdrawn', { channel: name(t) });
        }
        await optOut(contact.debtorId, channel);
        return (t) => t('contact.optOuts.recorded', { channel: name(t) });
      })
      .then(reload);
  }

  return (
    <>
      <h3>{t('contact.optOuts.heading')}</h3>
      <p className="hint">{t('contact.optOuts.hint')}</p>
      <TableScroll label={t('contact.optOuts.caption')}>
        <table>
          <caption className="visually-hidden">{t('contact.optOuts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contact.record.channel')}</th>
              <th scope="col">{t('contact.optOuts.state')}</th>
              {record ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {CHANNELS.map((channel) => {
              const at = since.get(channel);
              const name = labelOf(t, 'values.channels', channel);
              return (
                <tr key={channel} className={at ? 'row-warning' : undefined}>
                  <th scope="row">{name}</th>
                  <td>{at ? <DualTime iso={at} timeZone={contact.location.timeZone} /> : t('contact.optOuts.none')}</td>
                  {record ? (
                    <td>
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={submit.busy}
                        onClick={() => toggle(channel)}
                      >
                        {at
                          ? t('contact.optOuts.withdraw', { channel: name })
                          : t('contact.optOuts.record', { channel: name })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <SubmitFeedback submit={submit} />
    </>
  );
}

function Callbacks({ caseId, contact, reload, record }: PartProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const submit = useSubmit();
  const zone = contact.location.timeZone;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = localToIso(zone, date, time);
    if (!at) return;
    if (
      await submit.run(
        async () => (await requestCallback(contact.debtorId, { caseId, at }), (t) => t('contact.callbacks.recorded')),
      )
    ) {
      setDate('');
      setTime('');
      reload();
    }
  }

  async function cancel(callbackId: string) {
    if (await submit.run(async () => (await cancelCallback(callbackId), (t) => t('contact.callbacks.cancelled'))))
      reload();
  }

  return (
    <>
      <h3 id="callbacks-heading">{t('contact.callbacks.heading')}</h3>
      {contact.callbacks.length === 0 ? (
        <p>{t('contact.callbacks.empty')}</p>
      ) : (
        <ul className="plain-list">
          {contact.callbacks.map((callback) => (
            <li key={callback.id}>
              <DualTime iso={callback.at} timeZone={zone} /> —{' '}
              {t(`contact.callbacks.statuses.${callback.status}`, { defaultValue: callback.status })}
              {record && callback.status === 'pending' ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={submit.busy}
                    onClick={() => void cancel(callback.id)}
                  >
                    {t('contact.callbacks.cancel')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {record ? (
        <form className="grid-form" aria-labelledby="callbacks-heading" onSubmit={(event) => void send(event)}>
          <div className="field">
            <label htmlFor="callback-date">{t('contact.callbacks.date')}</label>
            <input
              id="callback-date"
              type="date"
              required
              value={date}
              onChange={(event) => setDate(event.target.value)}
              aria-describedby="callback-zone"
            />
          </div>
          <div className="field">
            <label htmlFor="callback-time">{t('contact.callbacks.time')}</label>
            <input
              id="callback-time"
              type="time"
              required
              value={time}
              onChange={(event) => setTime(event.target.value)}
              aria-describedby="callback-zone"
            />
          </div>
          <p id="callback-zone" className="hint wide-hint">
            {t('contact.callbacks.zoneHint', { zone })}
          </p>
          <div className="form-actions">
            <button type="submit" className="button secondary" disabled={submit.busy}>
              {t('contact.callbacks.submit')}
            </button>
          </div>
        </form>
      ) : null}
      <SubmitFeedback submit={submit} />
    </>
  );
}

function Preferences({ contact, reload, record }: PartProps) {
  const { t } = useTranslation();
  const [channels, setChannels] = useState<Channel[]>(contact.preferences.channels ?? []);
  const [windows, setWindows] = useState<PreferenceWindow[]>(
    (contact.preferences.windows as PreferenceWindow[] | null) ?? [],
  );
  const submit = useSubmit();

  const toggleChannel = (channel: Channel, on: boolean) =>
    setChannels((current) =>
      on ? CHANNELS.filter((c) => c === channel || current.includes(c)) : current.filter((c) => c !== channel),
    );
  const changeWindow = (index: number, change: Partial<PreferenceWindow>) =>
    setWindows((current) => current.map((window, i) => (i === index ? { ...window, ...change } : window)));

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit.run(async () => {
      await setContactPreferences(contact.debtorId, {
        channels: channels.length > 0 ? channels : null,
        windows:
          windows.length > 0
            ? windows.map((window) => ({ ...window, days: WEEK.filter((day) => window.days.includes(day)) }))
            : null,
      });
      return (t) => t('contact.preferences.saved');
    });
    if (saved) reload();
  }

  return (
    <>
      <h3 id="preferences-form-heading">{t('contact.preferences.formHeading')}</h3>
      <form className="stacked-form" aria-labelledby="preferences-form-heading" onSubmit={(event) => void send(event)}>
        <fieldset className="choice-group" disabled={!record}>
          <legend>{t('contact.preferences.channels')}</legend>
          <p className="hint">{t('contact.preferences.channelsHint')}</p>
          {CHANNELS.map((channel) => (
            <label key={channel} className="choice">
              <input
                type="checkbox"
                checked={channels.includes(channel)}
                onChange={(event) => toggleChannel(channel, event.target.checked)}
              />{' '}
              {labelOf(t, 'values.channels', channel)}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group" disabled={!record}>
          <legend>{t('contact.preferences.windows')}</legend>
          <p className="hint">{t('contact.preferences.windowsHint', { zone: contact.location.timeZone })}</p>
          {windows.map((window, index) => (
            <WindowFields
              key={index}
              window={window}
              index={index}
              onChange={(change) => changeWindow(index, change)}
              onRemove={() => setWindows((current) => current.filter((_, i) => i !== index))}
            />
          ))}
          <button
            type="button"
            className="button secondary small"
            onClick={() =>
              setWindows((current) => [
                ...current,
                { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '20:00' },
              ])
            }
          >
            {t('contact.preferences.addWindow')}
          </button>
        </fieldset>
        {record ? (
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={submit.busy}>
              {t('contact.preferences.save')}
            </button>
          </div>
        ) : null}
      </form>
      <SubmitFeedback submit={submit} />
    </>
  );
}

/** One window of the week when the debtor prefers to be reached: its days and its hours. */
function WindowFields({
  window,
  index,
  onChange,
  onRemove,
}: {
  window: PreferenceWindow;
  index: number;
  onChange: (change: Partial<PreferenceWindow>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="preference-window">
      <legend>{t('contact.preferences.window', { n: index + 1 })}</legend>
      <div className="choices">
        {WEEK.map((day) => (
          <label key={day} className="choice">
            <input
              type="checkbox"
              checked={window.days.includes(day)}
              onChange={(event) =>
                onChange({
                  days: event.target.checked ? [...window.days, day] : window.days.filter((d) => d !== day),
                })
              }
            />{' '}
            {t(`contact.days.${day}`)}
          </label>
        ))}
      </div>
      <div className="grid-form">
        <div className="field">
          <label htmlFor={`window-${index}-from`}>{t('contact.preferences.from', { n: index + 1 })}</label>
          <input
            id={`window-${index}-from`}
            type="time"
            required
            value={window.from}
            onChange={(event) => onChange({ from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`window-${index}-to`}>{t('contact.preferences.to', { n: index + 1 })}</label>
          <input
            id={`window-${index}-to`}
            type="time"
            required
            value={window.to}
            onChange={(event) => onChange({ to: event.target.value })}
          />
        </div>
      </div>
      <button type="button" className="button ghost small" onClick={onRemove}>
        {t('contact.preferences.removeWindow', { n: index + 1 })}
      </button>
    </fieldset>
  );
}
