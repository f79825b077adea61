import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmBox } from '../../ui/ConfirmBox.js';
import { SubmitFeedback, useSubmit, type Submit } from '../../ui/useSubmit.js';
import { documentFileUrl } from '../documents/api.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { firstLetterPreviewUrl, getFirstLetter, issueFirstLetter, type FirstLetterState } from './api.js';
import { ReturnedMailForm } from './ReturnedMailForm.js';

/**
 * The case's first letter (CPCE R124-4) on the case page: not sent yet, a preview of the PDF and the button that
 * sends it (the contact policy asked, the letter recorded and kept); sent, its day and reference and the letter kept.
 */
export function FirstLetterPanel(props: { caseId: string; caseOpen: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const letter = useLiveData((signal) => getFirstLetter(props.caseId, signal), props.caseId);
  // Kept here: once sent, the panel shows the letter sent and still says so.
  const submit = useSubmit();
  return (
    <section className="card" aria-labelledby="first-letter-heading">
      <h2 id="first-letter-heading">{t('firstLetter.heading')}</h2>
      <AsyncContent data={letter} onRetry={letter.reload}>
        {(found) =>
          found.sentOn ? (
            <SentLetter state={found} caseId={props.caseId} onChanged={props.onChanged} />
          ) : (
            <UnsentLetter
              caseId={props.caseId}
              caseOpen={props.caseOpen}
              submit={submit}
              onDone={() => {
                letter.reload();
                props.onChanged();
              }}
            />
          )
        }
      </AsyncContent>
      <SubmitFeedback submit={submit} />
    </section>
  );
}

function SentLetter({ state, caseId, onChanged }: { state: FirstLetterState; caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  return (
    <>
      <p>{t('firstLetter.sent', { date: format.date(state.sentOn!), reference: state.reference ?? '' })}</p>
      {state.documentId && can(me.role, 'documents.read') ? (
        <p>
          <a href={documentFileUrl(state.documentId)} target="_blank" rel="noopener noreferrer">
            {t('firstLetter.document')}
          </a>
        </p>
      ) : state.documentId ? null : (
        <p className="hint">{t('firstLetter.sentOutside')}</p>
      )}
      {can(me.role, 'contacts.record') ? (
        <ReturnedMailForm caseId={caseId} reference={state.reference} onDone={onChanged} />
      ) : null}
    </>
  );
}

function UnsentLetter(props: { caseId: string; caseOpen: boolean; submit: Submit; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { submit } = props;
  // Sending is an act that cannot be taken back (the letter is recorded as sent today): it is asked once more.
  const [confirming, setConfirming] = useState(false);
  const sendButton = useRef<HTMLButtonElement>(null);
  async function send() {
    const ok = await submit.run(async () => {
      const issued = await issueFirstLetter(props.caseId);
      return (t) => t('firstLetter.done', { reference: issued.reference });
    });
    setConfirming(false);
    if (ok) props.onDone();
  }
  return (
    <>
      <p>{t('firstLetter.notSent')}</p>
      {props.caseOpen ? (
        <p>
          <a href={firstLetterPreviewUrl(props.caseId)} target="_blank" rel="noopener noreferrer">
            {t('firstLetter.preview')}
          </a>
        </p>
      ) : null}
      {props.caseOpen && can(me.role, 'contacts.record') ? (
        confirming ? (
          <ConfirmBox
            textId="first-letter-confirm-text"
            yes={t('firstLetter.confirm')}
            cancel={t('firstLetter.cancel')}
            busy={submit.busy}
            onConfirm={() => void send()}
            onCancel={() => {
              setConfirming(false);
              requestAnimationFrame(() => sendButton.current?.focus());
            }}
          >
            <p id="first-letter-confirm-text">{t('firstLetter.confirmText')}</p>
          </ConfirmBox>
        ) : (
          <div className="form-actions">
            <button
              ref={sendButton}
              type="button"
              className="button primary"
              disabled={submit.busy}
              onClick={() => {
                submit.reset();
                setConfirming(true);
              }}
            >
              {t('firstLetter.send')}
            </button>
          </div>
        )
      ) : null}
    </>
  );
}
