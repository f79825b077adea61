import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listCreditors } from '../portfolio/api.js';
import { listCreditorPayments, listRemittances, prepareRemittance } from './api.js';
import { RemittanceStatus } from './ReleasePanel.js';
import type { CreditorSummary } from '../portfolio/api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { PaymentsTable } from '../payments/PaymentsTable.js';
import { todayIso } from '../payments/shared.js';
import { useMe } from '../identity/SessionProvider.js';
import { ExportButtons } from '../../ui/ExportButtons.js';

/** Payments received in a period (a creditor user sees its own: CPCE R124-5), the remittances, and preparing one. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('payments.page.title'));
  const ownOnly = me.role === 'creditor_user';
  const creditors = useApiData(
    (signal) => (ownOnly ? Promise.resolve({ items: [] as CreditorSummary[] }) : listCreditors(signal)),
    `creditors-${ownOnly}`,
  );
  const [creditorId, setCreditorId] = useState('');
  const creditorItems = creditors.status === 'ready' ? creditors.data.items : [];

  return (
    <>
      <h1>{t('payments.page.title')}</h1>
      <p className="muted">{t('payments.page.intro')}</p>
      {ownOnly ? null : (
        <div className="filters inline-filters">
          <CreditorSelect
            id="payments-creditor"
            creditors={creditorItems}
            value={creditorId}
            onChange={setCreditorId}
            emptyLabel={t('payments.page.allCreditors')}
          />
        </div>
      )}
      {can(me.role, 'payments.read') ? <ReceivedPayments creditorId={creditorId} ownOnly={ownOnly} /> : null}
      <RemittanceList creditorId={creditorId} />
      {can(me.role, 'remittances.manage') ? <PrepareRemittance creditors={creditorItems} /> : null}
    </>
  );
}

function CreditorSelect(props: {
  id: string;
  creditors: CreditorSummary[];
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('payments.page.creditor')}</label>
      <select
        id={props.id}
        value={props.value}
        required={props.required}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.emptyLabel}</option>
        {props.creditors.map((creditor) => (
          <option key={creditor.id} value={creditor.id}>
            {creditor.name} ({creditor.code})
          </option>
        ))}
      </select>
    </div>
  );
}

function ReceivedPayments({ creditorId, ownOnly }: { creditorId: string; ownOnly: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState({ from, to });
  const [periodError, setPeriodError] = useState(false);
  const query = { ...(creditorId ? { creditorId } : {}), ...period };
  const payments = useApiData((signal) => listCreditorPayments(query, signal), JSON.stringify(query));

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const bad = !from || !to || from > to;
    setPeriodError(bad);
    if (!bad) setPeriod({ from, to });
  }

  return (
    <section className="card" aria-labelledby="received-heading">
      <h2 id="received-heading">{t('payments.page.received')}</h2>
      {ownOnly ? <p className="hint">{t('payments.page.receivedOwn')}</p> : null}
      <form className="inline-filters" onSubmit={show}>
        <div className="field">
          <label htmlFor="period-from">{t('payments.page.from')}</label>
          <input
            id="period-from"
            type="date"
            required
            value={from}
            aria-invalid={periodError}
            aria-describedby={periodError ? 'period-error' : undefined}
            onChange={(event) => setFrom(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="period-to">{t('payments.page.to')}</label>
          <input
            id="period-to"
            type="date"
            required
            value={to}
            aria-invalid={periodError}
            aria-describedby={periodError ? 'period-error' : undefined}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button secondary">
            {t('payments.page.show')}
          </button>
        </div>
        {periodError ? (
          <p id="period-error" className="field-error">
            {t('payments.page.periodInvalid')}
          </p>
        ) : null}
      </form>
      <ExportButtons path="/api/v1/creditor-payments/export" query={query} what={t('exports.lists.payments')} />
      <AsyncContent data={payments} onRetry={payments.reload}>
        {({ items, totalCents }) =>
          items.length === 0 ? (
            <p>{t('payments.page.noneInPeriod')}</p>
          ) : (
            <PaymentsTable
              payments={items}
              caption={t('payments.page.paymentsCaption')}
              caseColumn={can(me.role, 'cases.read') ? 'link' : 'text'}
              footer={
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('payments.page.total')}
                  </th>
                  <td className="number">
                    <strong data-testid="period-total">{format.money(totalCents)}</strong>
                  </td>
                  <td colSpan={4} />
                </tr>
              }
            />
          )
        }
      </AsyncContent>
    </section>
  );
}

function RemittanceList({ creditorId }: { creditorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remittances = useApiData((signal) => listRemittances(creditorId || undefined, signal), creditorId);
  return (
    <section className="card" aria-labelledby="remittances-heading">
      <h2 id="remittances-heading">{t('payments.page.remittances')}</h2>
      <AsyncContent data={remittances} onRetry={remittances.reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('payments.page.noRemittances')}</p>
          ) : (
            <TableScroll label={t('payments.page.remittancesCaption')}>
              <table>
                <caption className="visually-hidden">{t('payments.page.remittancesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('payments.page.number')}</th>
                    <th scope="col">{t('payments.page.creditor')}</th>
                    <th scope="col">{t('payments.page.periodTo')}</th>
                    <th scope="col" className="number">
                      {t('payments.page.collected')}
                    </th>
                    <th scope="col" className="number">
                      {t('payments.page.commission')}
                    </th>
                    <th scope="col" className="number">
                      {t('payments.page.net')}
                    </th>
                    <th scope="col">{t('payments.page.preparedAt')}</th>
                    <th scope="col">{t('administration.fourEyes.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((remittance) => (
                    <tr key={remittance.id}>
                      <th scope="row">
                        <Link to={`/remittances/${remittance.id}`}>{remittance.number}</Link>
                      </th>
                      <td>{remittance.creditorName}</td>
                      <td>{format.date(remittance.periodTo)}</td>
                      <td className="number">{format.money(remittance.collectedCents)}</td>
                      <td className="number">{format.money(remittance.commissionCents)}</td>
                      <td className="number">
                        <strong>{format.money(remittance.netCents)}</strong>
                      </td>
                      <td>{format.dateTime(remittance.preparedAt)}</td>
                      <td>
                        <RemittanceStatus status={remittance.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </AsyncContent>
    </section>
  );
}

function PrepareRemittance({ creditors }: { creditors: CreditorSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creditorId, setCreditorId] = useState('');
  const [periodTo, setPeriodTo] = useState(todayIso);
  const submit = useSubmit();

  async function prepare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let id = '';
    const ok = await submit.run(async () => {
      id = (await prepareRemittance({ creditorId, periodTo })).id;
    });
    if (ok) void navigate(`/remittances/${id}`);
  }

  return (
    <section className="card" aria-labelledby="prepare-heading">
      <h2 id="prepare-heading">{t('payments.page.prepare')}</h2>
      <p className="hint">{t('payments.page.prepareHint')}</p>
      <form className="grid-form" onSubmit={(event) => void prepare(event)}>
        <CreditorSelect
          id="prepare-creditor"
          creditors={creditors}
          value={creditorId}
          onChange={setCreditorId}
          emptyLabel={t('payments.page.chooseCreditor')}
          required
        />
        <div className="field">
          <label htmlFor="prepare-period-to">{t('payments.page.periodTo')}</label>
          <input
            id="prepare-period-to"
            type="date"
            required
            value={periodTo}
            onChange={(event) => setPeriodTo(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {submit.busy ? t('payments.page.preparing') : t('payments.page.prepareSubmit')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={submit} />
    </section>
  );
}
