import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { SuccessMessage } from '../../i18n/saying.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit, type Submit } from '../../ui/useSubmit.js';
import { cancelledByPerson, passkeysApi, type PortalPasskey } from './passkeys-api.js';
import { usePortalSession } from './PortalSession.js';

/** A problem, or, when the person closed the device's window, a plain sentence that nothing was made. */
function PasskeyProblem({ submit }: { submit: Submit }) {
  const { t } = useTranslation();
  if (!submit.error) return null;
  if (cancelledByPerson(submit.error)) return <p role="alert">{t('portalPasskeys.offer.cancelled')}</p>;
  return <ProblemMessage error={submit.error} />;
}

/** "Sign in with a passkey", on the sign-in page: the device offers the person's passkey for this site. */
export function PasskeySignIn() {
  const { t } = useTranslation();
  const { signedIn } = usePortalSession();
  const signing = useSubmit();
  if (!browserSupportsWebAuthn()) return null;
  return (
    <section className="stacked-form" aria-labelledby="portal-passkey-sign-in">
      <p id="portal-passkey-sign-in">{t('portalPasskeys.signInHint')}</p>
      {signing.error ? (
        cancelledByPerson(signing.error) ? null : (
          <ProblemMessage error={signing.error} title={t('portal.signIn.failed')} />
        )
      ) : null}
      <button
        type="button"
        className="button"
        disabled={signing.busy}
        onClick={() => void signing.run(async () => signedIn(await passkeysApi.signIn()))}
      >
        {t('portalPasskeys.signIn')}
      </button>
    </section>
  );
}

/**
 * After a full sign-in, the offer to create a passkey on this device: optional, said in plain words, with "Not now"
 * (never offered again in this session). The server says when to offer.
 */
export function PasskeyOffer() {
  const { t } = useTranslation();
  const data = useApiData((signal) => passkeysApi.list(signal), 'passkeys');
  const [closed, setClosed] = useState(false);
  const creating = useSubmit();
  if (!browserSupportsWebAuthn() || data.status !== 'ready' || !data.data.offer || closed) {
    return creating.done ? <SuccessMessage saying={creating.done} /> : null;
  }
  return (
    <section className="portal-case-card" aria-labelledby="portal-passkey-offer">
      <h2 id="portal-passkey-offer">{t('portalPasskeys.offer.heading')}</h2>
      <p>{t('portalPasskeys.offer.text')}</p>
      <p>{t('portalPasskeys.offer.private')}</p>
      <CreatePasskey
        submit={creating}
        onCreated={() => setClosed(true)}
        extra={
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setClosed(true);
              void passkeysApi.decline().catch(() => undefined);
            }}
          >
            {t('portalPasskeys.offer.decline')}
          </button>
        }
      />
    </section>
  );
}

function CreatePasskey({ submit, onCreated, extra }: { submit: Submit; onCreated: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <form
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run(async () => {
          await passkeysApi.create(name);
          onCreated();
          return (translate) => translate('portalPasskeys.offer.created');
        });
      }}
    >
      <Field id="portal-passkey-name" label={t('portalPasskeys.offer.name')} hint={t('portalPasskeys.offer.nameHint')}>
        {(control) => (
          <input
            {...control}
            name="passkeyName"
            autoComplete="off"
            maxLength={60}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <PasskeyProblem submit={submit} />
      <button type="submit" className="button primary" disabled={submit.busy}>
        {t('portalPasskeys.offer.create')}
      </button>
      {extra}
    </form>
  );
}

/** The person's passkeys: when each was made and last used, its name; remove one, or make one on this device. */
export function PortalPasskeysPage() {
  const { t } = useTranslation();
  usePageTitle(t('portalPasskeys.page.title'));
  const data = useApiData((signal) => passkeysApi.list(signal), 'passkeys');
  const removing = useSubmit();
  const creating = useSubmit();
  return (
    <>
      <p>
        <Link to="/portal">{t('portal.case.back')}</Link>
      </p>
      <h1>{t('portalPasskeys.page.title')}</h1>
      <p>{t('portalPasskeys.page.intro')}</p>
      <AsyncContent data={data} onRetry={data.reload}>
        {(listed) => (
          <>
            {listed.passkeys.length === 0 ? <p>{t('portalPasskeys.page.none')}</p> : null}
            <ul className="portal-cases">
              {listed.passkeys.map((passkey) => (
                <PasskeyItem
                  key={passkey.id}
                  passkey={passkey}
                  busy={removing.busy}
                  onRemove={() =>
                    void removing.run(async () => {
                      await passkeysApi.remove(passkey.id);
                      data.reload();
                      return (translate) => translate('portalPasskeys.page.removed');
                    })
                  }
                />
              ))}
            </ul>
            <SuccessMessage saying={removing.done} />
            {removing.error ? <ProblemMessage error={removing.error} /> : null}
            {browserSupportsWebAuthn() && listed.canAdd ? (
              <>
                <h2>{t('portalPasskeys.page.add')}</h2>
                <CreatePasskey submit={creating} onCreated={data.reload} />
                <SuccessMessage saying={creating.done} />
              </>
            ) : null}
            {listed.passkeys.length < listed.max && !listed.canAdd ? (
              <p>{t('portalPasskeys.page.addAfterCode')}</p>
            ) : null}
          </>
        )}
      </AsyncContent>
      <p>{t('portalPasskeys.page.lost')}</p>
    </>
  );
}

function PasskeyItem({ passkey, busy, onRemove }: { passkey: PortalPasskey; busy: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = passkey.name ?? t('portalPasskeys.page.unnamed');
  return (
    <li className="portal-case-card">
      <h2>{name}</h2>
      <p>{t('portalPasskeys.page.createdOn', { day: format.instantDate(new Date(passkey.createdAt)) })}</p>
      <p>
        {passkey.lastUsedAt
          ? t('portalPasskeys.page.lastUsed', { day: format.instantDate(new Date(passkey.lastUsedAt)) })
          : t('portalPasskeys.page.neverUsed')}
      </p>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={t('portalPasskeys.page.removeLabel', { name })}
        onClick={onRemove}
      >
        {t('portalPasskeys.page.remove')}
      </button>
    </li>
  );
}
