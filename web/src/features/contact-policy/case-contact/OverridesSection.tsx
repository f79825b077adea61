import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../../src/contact-policy/contract.js';
import { grantOverride, type Channel } from './api.js';
import { TableScroll } from '../../../ui/TableScroll.js';
import { useFormat } from '../../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../../i18n/labels.js';
import { can } from '../../identity/permissions.js';
import { useMe } from '../../identity/SessionProvider.js';
import type { ContactPartProps } from './ContactPanel.js';
import { CodeSelect } from '../../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../../ui/useSubmit.js';

/** The server's rule: an override is explained in writing, in at least this many characters. */
export const OVERRIDE_REASON_MIN = 10;

/** Overrides granted on the debtor, and, for compliance officers and managers, granting one for a refused channel. */
export function OverridesSection(props: ContactPartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { contact } = props;
  return (
    <section className="card" aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">{t('contact.overrides.heading')}</h2>
      {contact.overrides.length === 0 ? (
        <p>{t('contact.overrides.empty')}</p>
      ) : (
        <TableScroll label={t('contact.overrides.caption')}>
          <table>
            <caption className="visually-hidden">{t('contact.overrides.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contact.overrides.grantedAt')}</th>
                <th scope="col">{t('contact.overrides.channel')}</th>
                <th scope="col">{t('contact.overrides.reason')}</th>
                <th scope="col">{t('contact.overrides.grantedBy')}</th>
                <th scope="col">{t('contact.overrides.state')}</th>
              </tr>
            </thead>
            <tbody>
              {contact.overrides.map((override) => (
                <tr key={override.id}>
                  <th scope="row" className="plain">
                    {format.dateTimeIn(override.grantedAt)}
                  </th>
                  <td>{labelOf(t, 'values.channels', override.channel)}</td>
                  <td lang={RECORD_TEXT_LANG}>{override.reason}</td>
                  <td>{override.grantedBy}</td>
                  <td>
                    {override.usedAt
                      ? t('contact.overrides.used', { at: format.dateTimeIn(override.usedAt) })
                      : new Date(override.validUntil).getTime() > new Date(contact.now).getTime()
                        ? t('contact.overrides.open', { until: format.dateTimeIn(override.validUntil) })
                        : t('contact.overrides.expired')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {can(me.role, 'contacts.override') ? <GrantOverrideForm {...props} /> : null}
    </section>
  );
}

function GrantOverrideForm({ caseId, contact, reload }: ContactPartProps) {
  const { t } = useTranslation();
  const refused = CHANNELS.filter((channel) => !contact.permissions[channel].allowed);
  const [channel, setChannel] = useState<Channel | ''>('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const submit = useSubmit();
  const chosen = channel !== '' && refused.includes(channel) ? channel : (refused[0] ?? '');
  const tooShort = reason.trim().length < OVERRIDE_REASON_MIN;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (tooShort || chosen === '') return;
    const granted = await submit.run(async () => {
      const override = await grantOverride({ caseId, channel: chosen, reason: reason.trim() });
      return (t) => t('contact.overrides.granted', { channel: labelOf(t, 'values.channels', override.channel) });
    });
    if (granted) {
      setReason('');
      setChecked(false);
    }
    reload();
  }

  const showError = checked && tooShort;
  return (
    <>
      <h3 id="grant-override-heading">{t('contact.overrides.grantHeading')}</h3>
      {refused.length === 0 ? (
        <p>{t('contact.overrides.nothingRefused')}</p>
      ) : (
        <form
          className="grid-form"
          aria-labelledby="grant-override-heading"
          onSubmit={(event) => void send(event)}
          noValidate
        >
          <CodeSelect
            id="override-channel"
            label={t('contact.overrides.channel')}
            group="values.channels"
            values={refused}
            value={chosen as Channel}
            onChange={setChannel}
          />
          <div className="field wide">
            <label htmlFor="override-reason">{t('contact.overrides.reason')}</label>
            <textarea
              id="override-reason"
              rows={2}
              required
              minLength={OVERRIDE_REASON_MIN}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={showError}
              aria-describedby={showError ? 'override-reason-error override-reason-hint' : 'override-reason-hint'}
            />
            <p id="override-reason-hint" className="hint">
              {t('contact.overrides.reasonHint', { min: OVERRIDE_REASON_MIN })}
            </p>
            {showError ? (
              <p id="override-reason-error" className="field-error" role="alert">
                {t('contact.overrides.reasonTooShort', { min: OVERRIDE_REASON_MIN })}
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={submit.busy}>
              {t('contact.overrides.grant')}
            </button>
          </div>
        </form>
      )}
      <SubmitFeedback submit={submit} />
    </>
  );
}
