import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchCases } from '../portfolio/api.js';
import { assignQueued, dismissQueued, listMatchQueue, type MatchQueueItem } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';

/** Credits no rule matched with certainty, oldest first: assign each to a case (records the payment) or dismiss it. */
export function BankMatchQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.queue.title'));
  const queue = useApiData(listMatchQueue, 'queue');
  // Messages of items dealt with stay on the page after the list reloads without them.
  const [done, setDone] = useState<Saying[]>([]);
  return (
    <>
      <p className="back-link">
        <Link to="/bank-statements">
          <span aria-hidden="true">← </span>
          {t('payments.bank.back')}
        </Link>
      </p>
      <h1>{t('payments.queue.title')}</h1>
      <p className="muted">{t('payments.queue.intro')}</p>
      <div role="status" className="status-area">
        {done.map((message, index) => (
          <SuccessMessage key={index} saying={message} />
        ))}
      </div>
      <AsyncContent data={queue} onRetry={queue.reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('payments.queue.empty')}</p>
          ) : (
            <>
              {items.map((item) => (
                <QueueItemCard
                  key={item.id}
                  item={item}
                  onDone={(message) => {
                    setDone((current) => [...current, message]);
                    queue.reload();
                  }}
                />
              ))}
            </>
          )
        }
      </AsyncContent>
    </>
  );
}

function QueueItemCard({ item, onDone }: { item: MatchQueueItem; onDone: (message: Saying) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const amount = format.money(item.amountCents);
  const title = t('payments.queue.item', { amount, date: item.bookingDate ? format.date(item.bookingDate) : '—' });
  const headingId = `queue-${item.id}-heading`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid="queue-item">
      <h2 id={headingId}>{title}</h2>
      <Facts
        items={[
          { label: t('payments.queue.payer'), value: item.debtorName ?? t('common.none') },
          {
            label: t('payments.queue.iban'),
            value: <span className="break-anywhere">{item.debtorIban ?? t('common.none')}</span>,
          },
          {
            label: t('payments.queue.information'),
            value: (
              <span className="break-anywhere">
                {[item.endToEndId, item.creditorReference, item.remittanceText].filter(Boolean).join(' · ') ||
                  t('common.none')}
              </span>
            ),
          },
          {
            label: t('payments.queue.why'),
            value: `${labelOf(t, 'payments.bank.reasons', item.reason)} (${labelOf(t, 'payments.bank.confidences', item.confidence)})`,
          },
          {
            label: t('payments.queue.suggested'),
            value: item.suggestedCase ? (
              <Link to={`/cases/${item.suggestedCase.id}`}>{item.suggestedCase.reference}</Link>
            ) : (
              t('payments.queue.noSuggestion')
            ),
          },
        ]}
      />
      {can(me.role, 'bank_files.match') ? <QueueActions item={item} onDone={onDone} /> : null}
    </section>
  );
}

function QueueActions({ item, onDone }: { item: MatchQueueItem; onDone: (message: Saying) => void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState(item.suggestedCase?.reference ?? '');
  const [note, setNote] = useState('');
  const [dismissNote, setDismissNote] = useState('');
  const assign = useSubmit();
  const dismiss = useSubmit();
  const prefix = `queue-${item.id}`;

  async function findCase(wanted: string): Promise<string> {
    if (item.suggestedCase && item.suggestedCase.reference === wanted) return item.suggestedCase.id;
    const found = await searchCases({ q: wanted, limit: 10, offset: 0 });
    const exact = found.items.find((candidate) => candidate.reference.toUpperCase() === wanted.toUpperCase());
    if (!exact) throw new Error(t('payments.queue.caseNotFound', { reference: wanted }));
    return exact.id;
  }

  async function sendAssign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = reference.trim();
    if (!wanted) return;
    const ok = await assign.run(async () => {
      const caseId = await findCase(wanted);
      await assignQueued(item.id, { caseId, ...(note.trim() ? { note: note.trim() } : {}) });
      return (t, format) => t('payments.queue.assigned', { amount: format.money(item.amountCents), reference: wanted });
    });
    if (ok)
      onDone((t, format) =>
        t('payments.queue.assigned', { amount: format.money(item.amountCents), reference: wanted }),
      );
  }

  async function sendDismiss(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await dismiss.run(async () => {
      await dismissQueued(item.id, dismissNote.trim());
      return (t, format) => t('payments.queue.dismissed', { amount: format.money(item.amountCents) });
    });
    if (ok) onDone((t, format) => t('payments.queue.dismissed', { amount: format.money(item.amountCents) }));
  }

  return (
    <div className="queue-actions">
      <form className="grid-form" aria-label={t('payments.queue.assign')} onSubmit={(event) => void sendAssign(event)}>
        <div className="field">
          <label htmlFor={`${prefix}-case`}>{t('payments.queue.caseReference')}</label>
          <input
            id={`${prefix}-case`}
            required
            autoComplete="off"
            value={reference}
            aria-describedby={`${prefix}-case-hint`}
            onChange={(event) => setReference(event.target.value)}
          />
          <p id={`${prefix}-case-hint`} className="hint">
            {t('payments.queue.caseReferenceHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-note`}>{t('payments.queue.note')}</label>
          <input id={`${prefix}-note`} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={assign.busy}>
            {assign.busy ? t('payments.queue.assigning') : t('payments.queue.assign')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={assign} />
      <form
        className="grid-form"
        aria-label={t('payments.queue.dismiss')}
        onSubmit={(event) => void sendDismiss(event)}
      >
        <div className="field wide">
          <label htmlFor={`${prefix}-dismiss`}>{t('payments.queue.dismissNote')}</label>
          <input
            id={`${prefix}-dismiss`}
            required
            minLength={3}
            maxLength={500}
            value={dismissNote}
            aria-describedby={`${prefix}-dismiss-hint`}
            onChange={(event) => setDismissNote(event.target.value)}
          />
          <p id={`${prefix}-dismiss-hint`} className="hint">
            {t('payments.queue.dismissHint')}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button secondary" disabled={dismiss.busy}>
            {t('payments.queue.dismiss')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={dismiss} />
    </div>
  );
}
