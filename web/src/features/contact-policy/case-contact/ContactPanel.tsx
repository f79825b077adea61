import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../../src/contact-policy/contract.js';
import { isAbort } from '../../../api/client.js';
import { getCaseContact, type CaseContact } from './api.js';
import type { ApiData } from '../../../api/useApiData.js';
import { AsyncContent } from '../../../ui/AsyncContent.js';
import { useFormat } from '../../../i18n/format.js';
import { labelOf } from '../../../i18n/labels.js';
import { can } from '../../identity/permissions.js';
import { useMe } from '../../identity/SessionProvider.js';
import { ContactHistory } from './ContactHistory.js';
import { HoldsPanel } from './HoldsPanel.js';
import { OverridesSection } from './OverridesSection.js';
import { PreferencesPanel } from './PreferencesPanel.js';
import { RecordContactForm } from './RecordContactForm.js';
import { DecisionDetails, useServerNow } from './shared.js';

/** What every part of the panel gets: the case's contact facts, and a way to reload them after a change. */
export interface ContactPartProps {
  caseId: string;
  contact: CaseContact;
  reload: () => void;
}

/**
 * The contact section of a case: whether each channel may be used now and why, recording a contact, the history,
 * overrides, holds and the debtor's own wishes. After a change the facts reload in place, keeping what is shown
 * (a confirmation, a refusal) until the new facts arrive.
 */
export function ContactPanel({ caseId }: { caseId: string }) {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<ApiData<CaseContact>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    getCaseContact(caseId, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbort(error))
          setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [caseId, generation]);
  const reload = () => setGeneration((n) => n + 1);

  return (
    <AsyncContent data={state} onRetry={reload}>
      {(contact) => <ContactParts caseId={caseId} contact={contact} reload={reload} />}
    </AsyncContent>
  );
}

function ContactParts(props: ContactPartProps) {
  const me = useMe();
  return (
    <>
      <PermissionsSection {...props} />
      {can(me.role, 'contacts.record') ? <RecordContactForm {...props} /> : null}
      <ContactHistory {...props} />
      <OverridesSection {...props} />
      <HoldsPanel {...props} />
      <PreferencesPanel {...props} />
    </>
  );
}

function PermissionsSection({ contact }: ContactPartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useServerNow(contact.now);
  const zone = contact.location.timeZone;
  return (
    <section className="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('contact.heading')}</h2>
      <p>
        {t('contact.debtorNow', { zone, country: contact.location.country })}{' '}
        <strong className="debtor-now">{format.timeIn(zone, now)}</strong>
        <span className="muted"> · {t('contact.policyVersion', { version: contact.policyVersion })}</span>
      </p>
      <ul className="channel-permissions">
        {CHANNELS.map((channel) => {
          const decision = contact.permissions[channel];
          const name = labelOf(t, 'values.channels', channel);
          return (
            <li
              key={channel}
              className={`channel-permission ${decision.allowed ? 'allowed' : 'refused'}`}
              aria-labelledby={`permission-${channel}`}
            >
              <h3 id={`permission-${channel}`}>
                {name}{' '}
                <span className={`badge ${decision.allowed ? 'permission-allowed' : 'permission-refused'}`}>
                  {decision.allowed ? t('contact.allowedNow') : t('contact.refusedNow')}
                </span>
              </h3>
              <DecisionDetails decision={decision} timeZone={zone} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
