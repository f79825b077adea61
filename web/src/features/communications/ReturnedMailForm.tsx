import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { recordReturnedMail } from './api.js';

/**
 * "Courrier revenu (NPAI)": the case's letter came back undelivered. The address it went to is marked wrong and a
 * trace task opened; the same address again changes nothing (the answer says so).
 */
export function ReturnedMailForm(props: { caseId: string; reference: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState(props.reference ?? '');
  const [returnedOn, setReturnedOn] = useState(browserToday);
  const [reason, setReason] = useState('NPAI');
  const opener = useRef<HTMLButtonElement>(null);
  async function send() {
    const ok = await submit.run(async () => {
      const result = await recordReturnedMail(props.caseId, {
        letterReference: reference.trim(),
        returnedOn,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      return (t) => (result.outcome === 'marked' ? t('returnedMail.marked') : t('returnedMail.alreadyMarked'));
    });
    if (ok) {
      setOpen(false);
      props.onDone();
      requestAnimationFrame(() => opener.current?.focus());
    }
  }
  return (
    <>
      {open ? (
        <form
          aria-labelledby="returned-mail-heading"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <h3 id="returned-mail-heading">{t('returnedMail.heading')}</h3>
          <p className="hint">{t('returnedMail.intro')}</p>
          <ReturnedMailFields
            reference={[reference, setReference]}
            returnedOn={[returnedOn, setReturnedOn]}
            reason={[reason, setReason]}
          />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={submit.busy}>
              {t('returnedMail.submit')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setOpen(false);
                submit.reset();
                requestAnimationFrame(() => opener.current?.focus());
              }}
            >
              {t('returnedMail.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <button
            ref={opener}
            type="button"
            className="button secondary"
            onClick={() => {
              submit.reset();
              setOpen(true);
            }}
          >
            {t('returnedMail.open')}
          </button>
        </div>
      )}
      <SubmitFeedback submit={submit} />
    </>
  );
}

type Field = [string, (value: string) => void];

function ReturnedMailFields({ reference, returnedOn, reason }: { reference: Field; returnedOn: Field; reason: Field }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="returned-mail-reference">{t('returnedMail.reference')}</label>
        <input
          id="returned-mail-reference"
          required
          maxLength={80}
          value={reference[0]}
          onChange={(e) => reference[1](e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="returned-mail-day">{t('returnedMail.returnedOn')}</label>
        <input
          id="returned-mail-day"
          type="date"
          required
          max={browserToday()}
          value={returnedOn[0]}
          onChange={(e) => returnedOn[1](e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="returned-mail-reason">{t('returnedMail.reason')}</label>
        <input
          id="returned-mail-reason"
          maxLength={200}
          value={reason[0]}
          onChange={(e) => reason[1](e.target.value)}
        />
      </div>
    </>
  );
}
