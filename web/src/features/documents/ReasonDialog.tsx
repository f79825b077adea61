import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../../../../src/documents/contract.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';

/**
 * A modal dialog that asks why before an act on a document (erasing it, opening a protected one): the reason is kept
 * with the act. The browser's modal dialog keeps the focus inside, closes on Escape and gives the focus back.
 */
export function ReasonDialog({
  heading,
  intro,
  submitLabel,
  onConfirm,
  onClose,
}: {
  heading: string;
  intro: string;
  submitLabel: string;
  /** Runs the act with the reason; resolves when done (the dialog then closes). */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const stated = reason.trim();
    if (stated.length < REASON_MIN_LENGTH) {
      setTooShort(true);
      return;
    }
    const ok = await submit.run(() => onConfirm(stated));
    if (ok) dialog.current?.close();
  }

  return (
    <dialog ref={dialog} className="shortcuts-dialog reason-dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{intro}</p>
      <form onSubmit={(event) => void send(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('documents.reasonDialog.reason')}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            maxLength={REASON_MAX_LENGTH}
            rows={3}
            autoFocus
            aria-describedby={`${id}-hint`}
            aria-invalid={tooShort || undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setTooShort(false);
            }}
          />
          <p id={`${id}-hint`} className={tooShort ? 'field-error' : 'hint'}>
            {t('documents.reasonDialog.hint', { count: REASON_MIN_LENGTH })}
          </p>
        </div>
        <SubmitFeedback submit={submit} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {submitLabel}
          </button>
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            {t('documents.reasonDialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
