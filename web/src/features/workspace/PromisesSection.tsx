import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { cancelPromise, type PromiseToPay } from './api.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../i18n/labels.js';
import { type Saying } from '../../i18n/saying.js';

/**
 * The case's promises to pay: amount, due date, what was paid since, and their status (open, kept, broken past the
 * grace period, cancelled with a reason). An open one may be cancelled, with the reason written down.
 */
export function PromisesSection({
  promises,
  mayCancel,
  onChange,
  onStale,
}: {
  promises: readonly PromiseToPay[];
  mayCancel: boolean;
  onChange: (message: Saying) => void;
  /** Called when the server says the list is out of date (the promise was kept or broken meanwhile): reload it. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState<PromiseToPay | null>(null);
  const anyOpen = promises.some((promise) => promise.status === 'open');
  return (
    <section className="card" aria-labelledby="promises-heading">
      <h2 id="promises-heading">{t('workspace.promises.heading')}</h2>
      {promises.length === 0 ? (
        <p>{t('workspace.promises.none')}</p>
      ) : (
        <TableScroll label={t('workspace.promises.caption')}>
          <table className="promises-table">
            <caption className="visually-hidden">{t('workspace.promises.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workspace.promises.dueOn')}</th>
                <th scope="col" className="number">
                  {t('workspace.promises.amount')}
                </th>
                <th scope="col" className="number">
                  {t('workspace.promises.paid')}
                </th>
                <th scope="col">{t('workspace.promises.status')}</th>
                <th scope="col">{t('workspace.promises.createdAt')}</th>
                {mayCancel && anyOpen ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {promises.map((promise) => (
                <PromiseRow
                  key={promise.id}
                  promise={promise}
                  withActions={mayCancel && anyOpen}
                  expanded={cancelling?.id === promise.id}
                  onCancel={() => setCancelling(cancelling?.id === promise.id ? null : promise)}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {cancelling ? (
        <CancelForm
          key={cancelling.id}
          promise={cancelling}
          onDone={(message) => {
            setCancelling(null);
            onChange(message);
          }}
          onKeep={() => setCancelling(null)}
          onStale={onStale}
        />
      ) : null}
    </section>
  );
}

function PromiseRow({
  promise,
  withActions,
  expanded,
  onCancel,
}: {
  promise: PromiseToPay;
  /** The table has an actions column (some promise may be cancelled). */
  withActions: boolean;
  /** This promise's cancel form is open. */
  expanded: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <tr data-promise-status={promise.status}>
      <th scope="row">{format.date(promise.dueOn)}</th>
      <td className="number">{format.money(promise.amountCents, promise.currency)}</td>
      <td className="number">{format.money(promise.paidCents, promise.currency)}</td>
      <td>
        <span className={`badge promise-${promise.status}`}>
          {labelOf(t, 'workspace.promises.statuses', promise.status)}
        </span>
        {promise.resolvedAt ? <span className="small-block muted">{format.dateTime(promise.resolvedAt)}</span> : null}
        {promise.cancelReason ? (
          <span className="small-block muted" lang={RECORD_TEXT_LANG}>
            {promise.cancelReason}
          </span>
        ) : null}
      </td>
      <td>
        {format.dateTime(promise.createdAt)}
        {promise.createdBy ? <span className="small-block muted">{promise.createdBy}</span> : null}
      </td>
      {withActions ? (
        <td>
          {promise.status === 'open' ? (
            <button
              type="button"
              className="button secondary small"
              aria-expanded={expanded}
              aria-controls="promise-cancel-form"
              aria-label={t('workspace.promises.cancelLabel', {
                amount: format.money(promise.amountCents, promise.currency),
                date: format.date(promise.dueOn),
              })}
              onClick={onCancel}
            >
              {t('workspace.promises.cancel')}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function CancelForm({
  promise,
  onDone,
  onKeep,
  onStale,
}: {
  promise: PromiseToPay;
  onDone: (message: Saying) => void;
  onKeep: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const cancelling = useSubmit();
  const amount = format.money(promise.amountCents, promise.currency);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    await cancelling.run(async () => {
      try {
        await cancelPromise(promise.id, reason.trim());
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) onStale();
        throw caught;
      }
      onDone((t, format) =>
        t('workspace.promises.cancelled', {
          amount: format.money(promise.amountCents, promise.currency),
          date: format.date(promise.dueOn),
        }),
      );
    });
  }

  return (
    <form id="promise-cancel-form" className="grid-form lift-form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="form-title">
        <strong>{t('workspace.promises.cancelTitle', { amount, date: format.date(promise.dueOn) })}</strong>
      </p>
      <div className="field wide">
        <label htmlFor="promise-cancel-reason">{t('workspace.promises.reason')}</label>
        <textarea
          id="promise-cancel-reason"
          rows={2}
          maxLength={500}
          value={reason}
          autoFocus
          aria-invalid={invalid ? true : undefined}
          aria-describedby={
            invalid ? 'promise-cancel-reason-hint promise-cancel-reason-error' : 'promise-cancel-reason-hint'
          }
          onChange={(event) => setReason(event.target.value)}
        />
        <p id="promise-cancel-reason-hint" className="hint">
          {t('workspace.promises.reasonHint')}
        </p>
        {invalid ? (
          <p id="promise-cancel-reason-error" className="field-error">
            {t('workspace.promises.reasonTooShort')}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={cancelling.busy}>
          {t('workspace.promises.confirmCancel')}
        </button>
        <button type="button" className="button secondary" onClick={onKeep}>
          {t('workspace.promises.keep')}
        </button>
      </div>
      {cancelling.error ? (
        <div className="wide-error">
          <ProblemMessage error={cancelling.error} />
        </div>
      ) : null}
    </form>
  );
}
