import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getMediators, saveMediator, type MediatorRow } from './api.js';

/** A row's scope in words: its country, and its creditor, its sector or the country's default. */
function scopeOf(t: TFunction, row: MediatorRow): string {
  const what = row.creditorName ?? (row.sector ? t(`mediators.sectors.${row.sector}`) : t('mediators.countryDefault'));
  return t('mediators.scope', { country: t(`mediators.countries.${row.country}`), what });
}

/**
 * The mediators every complaint refusal names (compliance officers and administrators): each scope's rows from their
 * day, the one in force marked; a change is saved from a day, today or later. The confirmation stays on the page,
 * announced politely, once the form has closed.
 */
export function MediatorsPage() {
  const { t } = useTranslation();
  usePageTitle(t('mediators.title'));
  const list = useLiveData((signal) => getMediators(signal), 'mediators');
  const [editing, setEditing] = useState<MediatorRow | null>(null);
  const [notice, setNotice] = useState<Saying | null>(null);
  const saved = (said: Saying) => {
    setNotice(() => said);
    setEditing(null);
    list.reload();
  };
  return (
    <>
      <h1>{t('mediators.title')}</h1>
      <p>{t('mediators.intro')}</p>
      <div role="status" aria-live="polite" className="status-area">
        <SuccessMessage saying={notice} />
      </div>
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) => (
          <MediatorTable
            rows={found.items}
            onEdit={(row) => {
              setNotice(null);
              setEditing(row);
            }}
          />
        )}
      </AsyncContent>
      {editing ? (
        <MediatorForm
          key={editing.id}
          row={editing}
          today={list.status === 'ready' ? list.data.today : browserToday()}
          onCancel={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
    </>
  );
}

function MediatorTable({ rows, onEdit }: { rows: MediatorRow[]; onEdit: (row: MediatorRow) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = (row: MediatorRow) =>
    row.inForce ? 'inForce' : row.upcoming ? 'upcoming' : ('past' as 'inForce' | 'upcoming' | 'past');
  return (
    <DataTable
      caption={t('mediators.caption')}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { header: t('mediators.column.scope'), cell: (row) => scopeOf(t, row), rowHeader: true },
        // Name, address and website in one cell: seven narrow columns crowded the table at 1366 pixels.
        { header: t('mediators.column.name'), cell: (row) => <MediatorDetails row={row} /> },
        { header: t('mediators.column.validFrom'), cell: (row) => format.date(row.validFrom) },
        { header: t('mediators.column.state'), cell: (row) => t(`mediators.states.${state(row)}`) },
        {
          header: t('mediators.column.actions'),
          cell: (row) =>
            row.inForce || row.upcoming ? (
              <button
                type="button"
                className="button secondary small"
                aria-label={t('mediators.edit', { scope: `${scopeOf(t, row)} — ${format.date(row.validFrom)}` })}
                onClick={() => onEdit(row)}
              >
                {t('mediators.editShort')}
              </button>
            ) : null,
        },
      ]}
    />
  );
}

function MediatorForm(props: {
  row: MediatorRow;
  /** The agency's today, which the server checks the first day against. */
  today: string;
  onCancel: () => void;
  onSaved: (said: Saying) => void;
}) {
  const { t } = useTranslation();
  const { row, today } = props;
  const submit = useSubmit();
  const [name, setName] = useState(row.name);
  const [address, setAddress] = useState(row.address);
  const [website, setWebsite] = useState(row.website ?? '');
  const [email, setEmail] = useState(row.email ?? '');
  const [validFrom, setValidFrom] = useState(row.validFrom > today ? row.validFrom : today);
  const first = useRef<HTMLInputElement>(null);
  // The form opens below the table: the focus goes to its first field.
  useEffect(() => first.current?.focus(), []);
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = {
      country: row.country,
      creditorId: row.creditorId,
      sector: row.sector,
      name,
      address,
      website: website.trim() || null,
      email: email.trim() || null,
      validFrom,
    };
    const ok = await submit.run(async () => void (await saveMediator(body)));
    if (ok) props.onSaved((say, format) => say('mediators.form.saved', { name, date: format.date(validFrom) }));
  }
  const text = (id: string, label: string, value: string, set: (v: string) => void, extra = {}) => (
    <Field id={id} label={label} wide>
      {(control) => <input {...control} {...extra} value={value} onChange={(e) => set(e.target.value)} />}
    </Field>
  );
  return (
    <form className="grid-form card" onSubmit={(event) => void send(event)} aria-labelledby="mediator-form-heading">
      <h2 id="mediator-form-heading" className="wide">
        {t('mediators.form.heading', { scope: scopeOf(t, row) })}
      </h2>
      <Field id="mediator-name" label={t('mediators.form.name')} wide>
        {(control) => (
          <input
            {...control}
            ref={first}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      {text('mediator-address', t('mediators.form.address'), address, setAddress, { required: true, maxLength: 500 })}
      <Field id="mediator-website" label={t('mediators.form.website')} hint={t('mediators.form.websiteHint')} wide>
        {(control) => (
          <input {...control} type="url" maxLength={300} value={website} onChange={(e) => setWebsite(e.target.value)} />
        )}
      </Field>
      {text('mediator-email', t('mediators.form.email'), email, setEmail, { type: 'email', maxLength: 300 })}
      <Field id="mediator-valid-from" label={t('mediators.form.validFrom')} hint={t('mediators.form.validFromHint')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            min={today}
            value={validFrom}
            onChange={(e) => setValidFrom(e.target.value)}
          />
        )}
      </Field>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {submit.busy ? t('mediators.form.sending') : t('mediators.form.submit')}
        </button>{' '}
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('mediators.form.cancel')}
        </button>
        <SubmitFeedback submit={{ done: null, error: submit.error }} />
      </div>
    </form>
  );
}

function MediatorDetails({ row }: { row: MediatorRow }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{row.name}</strong>
      <span className="cell-detail">
        <span className="visually-hidden">{t('mediators.column.address')} </span>
        {row.address}
      </span>
      {row.website ? (
        <span className="cell-detail">
          <a href={row.website} rel="noreferrer" target="_blank">
            {row.website}
          </a>
        </span>
      ) : null}
    </>
  );
}
