import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_CLOSE_REASONS } from '../../../../src/closures/contract.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { closeCase, reopenCase } from './api.js';

type Reason = (typeof AGENCY_CLOSE_REASONS)[number];

/** A team leader closes the case for a reason, or reopens a closed one; the creditor is told of either. */
export function ClosurePanel(props: {
  caseId: string;
  status: string;
  closeReason: string | null;
  closedOn: string | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useSubmit();
  const [reason, setReason] = useState<Reason>('returned_unpaid');
  const [note, setNote] = useState('');
  const closed = props.status === 'closed';

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      if (closed) {
        await reopenCase(props.caseId, { note: note.trim() });
        return (t) => t('disputes.closure.reopened');
      }
      await closeCase(props.caseId, { reason, note: note.trim() });
      return (t) => t('disputes.closure.done');
    });
    if (ok) {
      setNote('');
      props.onChanged();
    }
  }

  return (
    <section className="card" aria-labelledby="closure-heading">
      <h2 id="closure-heading">{t('disputes.closure.heading')}</h2>
      {closed && props.closedOn ? (
        <p>
          {t('disputes.closure.closedAs', {
            date: format.date(props.closedOn),
            reason: labelOf(t, 'values.closeReasons', props.closeReason ?? 'other'),
          })}
        </p>
      ) : (
        <p className="hint">{t('disputes.closure.hint')}</p>
      )}
      <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby="closure-heading">
        {closed ? null : (
          <CodeSelect
            id="closure-reason"
            label={t('disputes.closure.reason')}
            group="values.closeReasons"
            values={AGENCY_CLOSE_REASONS}
            value={reason}
            onChange={setReason}
          />
        )}
        <Field id="closure-note" label={closed ? t('disputes.closure.reopenNote') : t('disputes.closure.note')} wide>
          {(control) => (
            <textarea {...control} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="wide">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {closed ? t('disputes.closure.reopen') : t('disputes.closure.submit')}
          </button>
          <SubmitFeedback submit={submit} />
        </div>
      </form>
    </section>
  );
}
