import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit, type Submit } from '../../ui/useSubmit.js';
import { portalApi, type Destination } from './api.js';
import { PasskeySignIn } from './PortalPasskeys.js';
import { usePortalSession } from './PortalSession.js';

type Step =
  | { kind: 'identity' }
  | { kind: 'destination'; challengeId: string; destinations: Destination[] }
  | { kind: 'code'; challengeId: string; destinations: Destination[]; sentTo: Destination };

/**
 * Getting in, in three short steps a person can do on a phone: the access code printed on the letter and the birth
 * date (or, for a file with none, the postcode the letters go to); where to send a one-time code (masked: whoever
 * holds the letter does not learn the address); the code. Plain forms, one question at a time.
 */
export function PortalSignIn({ ended }: { ended: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('portal.signIn.title'));
  const { signedIn } = usePortalSession();
  const [step, setStep] = useState<Step>({ kind: 'identity' });
  const sending = useSubmit();
  const restart = () => {
    sending.reset();
    setStep({ kind: 'identity' });
  };
  return (
    <div className="portal-card">
      <h1>{t('portal.signIn.heading')}</h1>
      {ended ? <p className="notice">{t('portal.signIn.ended')}</p> : null}
      {step.kind === 'identity' ? (
        <>
          <IdentityStep sending={sending} onStarted={(started) => setStep({ kind: 'destination', ...started })} />
          <PasskeySignIn />
        </>
      ) : step.kind === 'destination' ? (
        <DestinationStep
          sending={sending}
          destinations={step.destinations}
          onChosen={(contactPointId) =>
            sending.run(async () => {
              const sent = await portalApi.sendCode(step.challengeId, contactPointId);
              setStep({ ...step, kind: 'code', sentTo: sent.sentTo });
            })
          }
          onRestart={restart}
        />
      ) : (
        <CodeStep
          sending={sending}
          sentTo={step.sentTo}
          onCode={(code) => sending.run(async () => signedIn(await portalApi.verify(step.challengeId, code)))}
          onResend={() =>
            setStep({ kind: 'destination', challengeId: step.challengeId, destinations: step.destinations })
          }
        />
      )}
      <p className="portal-help">{t('portal.signIn.help')}</p>
    </div>
  );
}

function IdentityStep({
  sending,
  onStarted,
}: {
  sending: Submit;
  onStarted: (started: { challengeId: string; destinations: Destination[] }) => void;
}) {
  const { t } = useTranslation();
  const [accessCode, setAccessCode] = useState(codeFromLetterLink);
  useLetterLinkWiped();
  const [birthDate, setBirthDate] = useState('');
  const [usePostcode, setUsePostcode] = useState(false);
  const [postcode, setPostcode] = useState('');

  async function start(event: FormEvent) {
    event.preventDefault();
    await sending.run(async () => {
      onStarted(await portalApi.start({ accessCode, ...(usePostcode ? { postcode } : { birthDate }) }));
    });
  }

  return (
    <form className="stacked-form" onSubmit={(event) => void start(event)}>
      <p>{t('portal.signIn.intro')}</p>
      <Field id="portal-access-code" label={t('portal.signIn.accessCode')} hint={t('portal.signIn.accessCodeHint')}>
        {(control) => (
          <input
            {...control}
            name="accessCode"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={accessCode}
            onChange={(event) => setAccessCode(event.target.value)}
          />
        )}
      </Field>
      {usePostcode ? (
        <Field id="portal-postcode" label={t('portal.signIn.postcode')}>
          {(control) => (
            <input
              {...control}
              name="postcode"
              autoComplete="postal-code"
              required
              value={postcode}
              onChange={(event) => setPostcode(event.target.value)}
            />
          )}
        </Field>
      ) : (
        <Field id="portal-birth-date" label={t('portal.signIn.birthDate')}>
          {(control) => (
            <input
              {...control}
              name="birthDate"
              type="date"
              autoComplete="bday"
              required
              value={birthDate}
              onChange={(event) => setBirthDate(event.target.value)}
            />
          )}
        </Field>
      )}
      <p>
        <button type="button" className="link-button" onClick={() => setUsePostcode(!usePostcode)}>
          {usePostcode ? t('portal.signIn.useBirthDate') : t('portal.signIn.usePostcode')}
        </button>
      </p>
      {sending.error ? <ProblemMessage error={sending.error} title={t('portal.signIn.failed')} /> : null}
      <button type="submit" className="button primary" disabled={sending.busy}>
        {t('portal.signIn.continue')}
      </button>
    </form>
  );
}

function DestinationStep({
  sending,
  destinations,
  onChosen,
  onRestart,
}: {
  sending: Submit;
  destinations: Destination[];
  onChosen: (contactPointId: string) => Promise<boolean>;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(destinations[0]?.id ?? '');
  return (
    <form
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onChosen(chosen);
      }}
    >
      <fieldset>
        <legend>{t('portal.signIn.where')}</legend>
        {destinations.map((destination) => (
          <label key={destination.id} className="choice">
            <input
              type="radio"
              name="destination"
              value={destination.id}
              checked={chosen === destination.id}
              onChange={() => setChosen(destination.id)}
            />{' '}
            {t(`portal.signIn.by.${destination.channel}`, { to: destination.masked })}
          </label>
        ))}
      </fieldset>
      {sending.error ? <ProblemMessage error={sending.error} /> : null}
      <button type="submit" className="button primary" disabled={sending.busy || !chosen}>
        {t('portal.signIn.send')}
      </button>
      <button type="button" className="link-button" onClick={onRestart}>
        {t('portal.signIn.restart')}
      </button>
    </form>
  );
}

function CodeStep({
  sending,
  sentTo,
  onCode,
  onResend,
}: {
  sending: Submit;
  sentTo: Destination;
  onCode: (code: string) => Promise<boolean>;
  onResend: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <form
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onCode(code);
      }}
    >
      <p role="status">{t(`portal.signIn.sent.${sentTo.channel}`, { to: sentTo.masked })}</p>
      <Field id="portal-code" label={t('portal.signIn.code')}>
        {(control) => (
          <input
            {...control}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
      </Field>
      {sending.error ? <ProblemMessage error={sending.error} /> : null}
      <button type="submit" className="button primary" disabled={sending.busy}>
        {t('portal.signIn.verify')}
      </button>
      <button type="button" className="link-button" onClick={onResend}>
        {t('portal.signIn.resend')}
      </button>
    </form>
  );
}

/**
 * The access code a letter's QR code carries (`/portal#code=…`). A fragment never reaches a server, a log or another
 * site; `useLetterLinkWiped` then takes it out of the address bar, so the browser's history does not keep it.
 */
function codeFromLetterLink(): string {
  return new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
}

function useLetterLinkWiped() {
  useEffect(() => {
    if (new URLSearchParams(location.hash.slice(1)).has('code'))
      history.replaceState(history.state, '', location.pathname + location.search);
  }, []);
}
