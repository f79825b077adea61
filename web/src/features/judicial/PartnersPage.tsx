import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { PartnerKeys } from './PartnerKeys.js';
import {
  createPartner,
  getPartners,
  PARTNER_CHANNELS,
  PARTNER_KINDS,
  partnerBodyOf,
  updatePartner,
  type PartnerBodyInput,
  type PartnerView,
} from './handoff-api.js';

type Editing = { mode: 'add' } | { mode: 'edit'; partner: PartnerView };

/**
 * The judicial partners (commissaires de justice, lawyers) handoff files are sent to: the list, a form to add or
 * change one, and a button to deactivate or reactivate it (never deleted: past sendings name it). The confirmation
 * stays on the page, announced politely, once the form has closed.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  usePageTitle(t('partners.title'));
  const me = useMe();
  const manage = can(me.role, 'judicial_partners.manage');
  const list = useLiveData((signal) => getPartners(false, signal), 'judicial-partners');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [keysOf, setKeysOf] = useState<PartnerView | null>(null);
  const [notice, setNotice] = useState<Saying | null>(null);
  const toggle = useSubmit();
  const saved = (said: Saying) => {
    setNotice(() => said);
    setEditing(null);
    list.reload();
  };
  async function setActive(partner: PartnerView, active: boolean) {
    setNotice(null);
    const ok = await toggle.run(async () => void (await updatePartner(partner.id, partnerBodyOf(partner, active))));
    if (ok) saved((say) => say(active ? 'partners.reactivated' : 'partners.deactivated', { firm: partner.firmName }));
  }
  return (
    <>
      <h1>{t('partners.title')}</h1>
      <p>{t('partners.intro')}</p>
      <div role="status" aria-live="polite" className="status-area">
        <SuccessMessage saying={notice} />
      </div>
      <SubmitFeedback submit={{ done: null, error: toggle.error }} />
      {manage && !editing ? (
        <p>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setNotice(null);
              setEditing({ mode: 'add' });
            }}
          >
            {t('partners.add')}
          </button>
        </p>
      ) : null}
      {editing ? (
        <PartnerForm
          key={editing.mode === 'edit' ? editing.partner.id : 'new'}
          partner={editing.mode === 'edit' ? editing.partner : null}
          onCancel={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('partners.none')}</p>
          ) : (
            <PartnerTable
              rows={found.items}
              manage={manage}
              busy={toggle.busy}
              onEdit={(partner) => {
                setNotice(null);
                setEditing({ mode: 'edit', partner });
              }}
              onActive={(partner, active) => void setActive(partner, active)}
              onKeys={(partner) => setKeysOf(partner)}
            />
          )
        }
      </AsyncContent>
      {manage && keysOf ? <PartnerKeys key={keysOf.id} partner={keysOf} onClose={() => setKeysOf(null)} /> : null}
    </>
  );
}

function PartnerTable(props: {
  rows: PartnerView[];
  manage: boolean;
  busy: boolean;
  onEdit: (partner: PartnerView) => void;
  onActive: (partner: PartnerView, active: boolean) => void;
  onKeys: (partner: PartnerView) => void;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('partners.caption')}
      rows={props.rows}
      rowKey={(row) => row.id}
      columns={[
        { header: t('partners.column.firm'), cell: (row) => row.firmName, rowHeader: true },
        { header: t('partners.column.kind'), cell: (row) => t(`partners.kinds.${row.kind}`) },
        {
          header: t('partners.column.contact'),
          cell: (row) => [row.contactName, row.email, row.phone].filter(Boolean).join(' · ') || t('common.none'),
        },
        { header: t('partners.column.channel'), cell: (row) => t(`handoff.channels.${row.channel}`) },
        { header: t('partners.column.area'), cell: (row) => row.area },
        {
          header: t('partners.column.state'),
          cell: (row) => t(row.active ? 'partners.states.active' : 'partners.states.inactive'),
        },
        ...(props.manage
          ? [
              {
                header: t('partners.column.actions'),
                cell: (row: PartnerView) => (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t('partners.editLabel', { firm: row.firmName })}
                      onClick={() => props.onEdit(row)}
                    >
                      {t('partners.editShort')}
                    </button>
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={props.busy}
                      aria-label={t(row.active ? 'partners.deactivateLabel' : 'partners.reactivateLabel', {
                        firm: row.firmName,
                      })}
                      onClick={() => props.onActive(row, !row.active)}
                    >
                      {t(row.active ? 'partners.deactivate' : 'partners.reactivate')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t('partners.keys.openLabel', { firm: row.firmName })}
                      onClick={() => props.onKeys(row)}
                    >
                      {t('partners.keys.open')}
                    </button>
                  </div>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

const EMPTY: PartnerBodyInput = {
  firmName: '',
  kind: 'commissaire_de_justice',
  contactName: '',
  email: '',
  phone: '',
  address: '',
  channel: 'email',
  area: '',
  active: true,
};

function PartnerForm(props: { partner: PartnerView | null; onCancel: () => void; onSaved: (said: Saying) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [body, setBody] = useState<PartnerBodyInput>(() =>
    props.partner ? { ...partnerBodyOf(props.partner), email: props.partner.email ?? '' } : EMPTY,
  );
  const first = useRef<HTMLInputElement>(null);
  // The form opens above the table: the focus goes to its first field.
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<PartnerBodyInput>) => setBody((current) => ({ ...current, ...patch }));
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      if (props.partner) await updatePartner(props.partner.id, body);
      else await createPartner(body);
    });
    if (ok) props.onSaved((say) => say('partners.form.saved', { firm: body.firmName }));
  }
  const text = (key: 'contactName' | 'phone' | 'area', label: string, extra: Record<string, unknown> = {}) => (
    <Field id={`partner-${key}`} label={label} hint={key === 'area' ? t('partners.form.areaHint') : undefined}>
      {(control) => (
        <input {...control} {...extra} value={body[key] ?? ''} onChange={(e) => set({ [key]: e.target.value })} />
      )}
    </Field>
  );
  const heading = props.partner
    ? t('partners.form.editHeading', { firm: props.partner.firmName })
    : t('partners.form.addHeading');
  return (
    <form className="grid-form card" onSubmit={(event) => void send(event)} aria-labelledby="partner-form-heading">
      <h2 id="partner-form-heading" className="wide">
        {heading}
      </h2>
      <Field id="partner-firm" label={t('partners.form.firm')} wide>
        {(control) => (
          <input
            {...control}
            ref={first}
            required
            maxLength={200}
            value={body.firmName}
            onChange={(e) => set({ firmName: e.target.value })}
          />
        )}
      </Field>
      <CodeSelect
        id="partner-kind"
        label={t('partners.form.kind')}
        group="partners.kinds"
        values={PARTNER_KINDS}
        value={body.kind}
        onChange={(kind) => set({ kind })}
      />
      <CodeSelect
        id="partner-channel"
        label={t('partners.form.channel')}
        group="handoff.channels"
        values={PARTNER_CHANNELS}
        value={body.channel}
        onChange={(channel) => set({ channel })}
      />
      {text('contactName', t('partners.form.contactName'), { maxLength: 200, autoComplete: 'off' })}
      <Field id="partner-email" label={t('partners.form.email')} hint={t('partners.form.emailHint')}>
        {(control) => (
          <input
            {...control}
            type="email"
            maxLength={300}
            required={body.channel === 'email'}
            value={body.email ?? ''}
            onChange={(e) => set({ email: e.target.value })}
          />
        )}
      </Field>
      {text('phone', t('partners.form.phone'), { type: 'tel', maxLength: 40 })}
      <Field id="partner-address" label={t('partners.form.address')} wide>
        {(control) => (
          <textarea
            {...control}
            required
            maxLength={500}
            rows={2}
            value={body.address}
            onChange={(e) => set({ address: e.target.value })}
          />
        )}
      </Field>
      {text('area', t('partners.form.area'), { required: true, maxLength: 120 })}
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {submit.busy ? t('partners.form.sending') : t('partners.form.submit')}
        </button>{' '}
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('partners.form.cancel')}
        </button>
        <SubmitFeedback submit={{ done: null, error: submit.error }} />
      </div>
    </form>
  );
}
