import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import {
  createPartnerKey,
  getPartnerKeys,
  revokePartnerKey,
  type PartnerKeyCreated,
  type PartnerKeyView,
  type PartnerView,
} from './handoff-api.js';

/**
 * A partner's API keys (the partner API, docs/partner-api.md): the list (label, the key's first characters, when
 * created and last used, revoked or not), a form to create one, whose whole key is shown once here with a hint to copy
 * it now, and a button to revoke a key. The key is never shown again: Accord keeps only its hash.
 */
export function PartnerKeys(props: { partner: PartnerView; onClose: () => void }) {
  const { t } = useTranslation();
  const { partner } = props;
  const keys = useLiveData((signal) => getPartnerKeys(partner.id, signal), `partner-keys:${partner.id}`);
  const [created, setCreated] = useState<PartnerKeyCreated | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel opens below the partners: the focus goes to its heading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="partner-keys-heading">
      <h2 id="partner-keys-heading" ref={heading} tabIndex={-1}>
        {t('partners.keys.heading', { firm: partner.firmName })}
      </h2>
      <p className="hint">{t('partners.keys.intro')}</p>
      {created ? <CreatedKey created={created} /> : null}
      <AsyncContent data={keys} onRetry={keys.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('partners.keys.none')}</p>
          ) : (
            <KeyTable partner={partner} rows={found.items} onRevoked={keys.reload} />
          )
        }
      </AsyncContent>
      {partner.active ? (
        <NewKeyForm
          partner={partner}
          onCreated={(key) => {
            setCreated(key);
            keys.reload();
          }}
        />
      ) : (
        <p>{t('partners.keys.inactive')}</p>
      )}
      <p>
        <button type="button" className="button secondary" onClick={props.onClose}>
          {t('partners.keys.close')}
        </button>
      </p>
    </section>
  );
}

function CreatedKey({ created }: { created: PartnerKeyCreated }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div data-testid="partner-key-created">
      <p>
        <strong>{t('partners.keys.createdOnce', { label: created.label })}</strong>
      </p>
      <p>
        <code data-testid="partner-key-value" className="break-anywhere">
          {created.key}
        </code>
      </p>
      <p>
        <button
          type="button"
          className="button secondary small"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(created.key)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {t('partners.keys.copy')}
        </button>{' '}
        <span role="status" aria-live="polite">
          {copied ? t('partners.keys.copied') : ''}
        </span>
      </p>
    </div>
  );
}

function KeyTable(props: { partner: PartnerView; rows: PartnerKeyView[]; onRevoked: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useSubmit();
  const send = (key: PartnerKeyView) =>
    void revoke
      .run(async () => {
        await revokePartnerKey(props.partner.id, key.id);
        return (t) => t('partners.keys.revoked', { label: key.label });
      })
      .then((ok) => ok && props.onRevoked());
  return (
    <>
      <DataTable<PartnerKeyView>
        caption={t('partners.keys.caption', { firm: props.partner.firmName })}
        rows={props.rows}
        rowKey={(row) => row.id}
        columns={[
          { header: t('partners.keys.column.label'), rowHeader: true, cell: (row) => row.label },
          { header: t('partners.keys.column.prefix'), cell: (row) => <code>{`acp_${row.prefix}_…`}</code> },
          {
            header: t('partners.keys.column.created'),
            cell: (row) => `${format.dateTime(row.createdAt)}${row.createdBy ? ` · ${row.createdBy}` : ''}`,
          },
          {
            header: t('partners.keys.column.lastUsed'),
            cell: (row) => (row.lastUsedAt ? format.dateTime(row.lastUsedAt) : t('partners.keys.never')),
          },
          {
            header: t('partners.keys.column.state'),
            cell: (row) =>
              row.revokedAt ? (
                t('partners.keys.revokedOn', { date: format.dateTime(row.revokedAt) })
              ) : (
                <button
                  type="button"
                  className="button secondary small"
                  disabled={revoke.busy}
                  aria-label={t('partners.keys.revokeLabel', { label: row.label })}
                  onClick={() => send(row)}
                >
                  {t('partners.keys.revoke')}
                </button>
              ),
          },
        ]}
      />
      <SubmitFeedback submit={revoke} />
    </>
  );
}

function NewKeyForm(props: { partner: PartnerView; onCreated: (key: PartnerKeyCreated) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [label, setLabel] = useState('');
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit.run(async () => {
      const created = await createPartnerKey(props.partner.id, label.trim());
      setLabel('');
      props.onCreated(created);
    });
  }
  return (
    <form className="grid-form" onSubmit={send} aria-labelledby="partner-key-new-heading">
      <h3 id="partner-key-new-heading" className="wide">
        {t('partners.keys.newHeading')}
      </h3>
      <Field id="partner-key-label" label={t('partners.keys.label')} hint={t('partners.keys.labelHint')} wide>
        {(control) => (
          <input {...control} required maxLength={120} value={label} onChange={(e) => setLabel(e.target.value)} />
        )}
      </Field>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('partners.keys.create')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}
