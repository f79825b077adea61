import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import {
  acknowledgeHandoff,
  buildHandoff,
  getCaseHandoffs,
  getPartners,
  handoffFileUrl,
  PARTNER_CHANNELS,
  sendHandoff,
  type HandoffView,
  type PartnerView,
} from './handoff-api.js';

/**
 * The handoff file of a judicial case (REGULATION §11 point 5): build a new version, each version with its date, its
 * amount, its SHA-256 fingerprints and its files (JSON, PDF); record the sending to a partner and its
 * acknowledgement. A creditor user reads and downloads its own cases' files. Nothing shows on a case that is not at
 * the judicial stage and never had a file.
 */
export function HandoffSection(props: { caseId: string; documentsVersion?: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const manage = can(me.role, 'handoffs.manage');
  const list = useLiveData(
    (signal) => getCaseHandoffs(props.caseId, signal),
    props.caseId,
    String(props.documentsVersion ?? 0),
  );
  const build = useSubmit();
  const [notice, setNotice] = useState<Saying | null>(null);
  if (list.status === 'error') return <ProblemMessage error={list.error} />;
  if (list.status !== 'ready') return null;
  const { items, caseJudicial } = list.data;
  if (!caseJudicial && items.length === 0) return null;
  const changed = (said: Saying) => {
    setNotice(() => said);
    list.reload();
  };
  async function buildVersion() {
    setNotice(null);
    let version = 0;
    const ok = await build.run(async () => {
      version = (await buildHandoff(props.caseId)).version;
    });
    if (ok) changed((say) => say('handoff.built', { version }));
  }
  const current = items.find((h) => h.status === 'built');
  const sent = items.find((h) => h.status === 'sent');
  return (
    <section className="card" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading">{t('handoff.heading')}</h2>
      <p className="hint">{me.role === 'creditor_user' ? t('handoff.creditorIntro') : t('handoff.intro')}</p>
      {!caseJudicial ? <p>{t('handoff.notJudicial')}</p> : null}
      <div role="status" aria-live="polite" className="status-area">
        <SuccessMessage saying={notice} />
      </div>
      {manage && caseJudicial ? (
        <p>
          <button type="button" className="button primary" disabled={build.busy} onClick={() => void buildVersion()}>
            {build.busy ? t('handoff.building') : t('handoff.build')}
          </button>
          <SubmitFeedback submit={{ done: null, error: build.error }} />
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('handoff.none')}</p> : <HandoffTable rows={items} />}
      {manage && current ? <SendForm key={current.id} handoff={current} onDone={changed} /> : null}
      {manage && sent ? <AcknowledgeForm key={sent.id} handoff={sent} onDone={changed} /> : null}
    </section>
  );
}

function HandoffTable({ rows }: { rows: HandoffView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('handoff.caption')}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        {
          header: t('handoff.column.version'),
          cell: (row) => t('handoff.versionLabel', { version: row.version }),
          rowHeader: true,
        },
        {
          header: t('handoff.column.builtAt'),
          cell: (row) =>
            row.builtBy
              ? t('handoff.builtBy', { date: format.dateTime(row.builtAt), name: row.builtBy })
              : format.dateTime(row.builtAt),
        },
        { header: t('handoff.column.amount'), cell: (row) => format.money(row.owedCents) },
        { header: t('handoff.column.status'), cell: (row) => t(`handoff.statuses.${row.status}`) },
        {
          header: t('handoff.column.hashes'),
          cell: (row) => (
            <>
              <code title={row.jsonSha256}>{t('handoff.hashJson', { hash: row.jsonSha256.slice(0, 12) })}</code>
              <br />
              <code title={row.pdfSha256}>{t('handoff.hashPdf', { hash: row.pdfSha256.slice(0, 12) })}</code>
            </>
          ),
        },
        {
          header: t('handoff.column.sent'),
          cell: (row) =>
            row.sentAt && row.partner && row.channel ? (
              <>
                {t('handoff.sentTo', {
                  partner: row.partner.firmName,
                  date: format.dateTime(row.sentAt),
                  channel: t(`handoff.channels.${row.channel}`),
                })}
                {row.acknowledgedAt ? (
                  <>
                    <br />
                    {t('handoff.acknowledgedOn', { date: format.dateTime(row.acknowledgedAt) })}
                  </>
                ) : null}
              </>
            ) : (
              t('handoff.notSent')
            ),
        },
        {
          header: t('handoff.column.files'),
          cell: (row) => (
            <span className="actions">
              <a
                href={handoffFileUrl(row.id, 'pdf')}
                download
                aria-label={t('handoff.downloadPdfLabel', { version: row.version })}
              >
                {t('handoff.downloadPdf')}
              </a>{' '}
              <a
                href={handoffFileUrl(row.id, 'json')}
                download
                aria-label={t('handoff.downloadJsonLabel', { version: row.version })}
              >
                {t('handoff.downloadJson')}
              </a>
            </span>
          ),
        },
      ]}
    />
  );
}

function SendForm(props: { handoff: HandoffView; onDone: (said: Saying) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const today = browserToday();
  const partners = useLiveData((signal) => getPartners(true, signal), 'judicial-partners-active');
  const [partnerId, setPartnerId] = useState('');
  const [channel, setChannel] = useState<'' | (typeof PARTNER_CHANNELS)[number]>('');
  const [sentOn, setSentOn] = useState(today);
  const active: PartnerView[] = partners.status === 'ready' ? partners.data.items : [];
  const chosen = partnerId || active[0]?.id || '';
  const version = props.handoff.version;
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await sendHandoff(props.handoff.id, { partnerId: chosen, sentOn, ...(channel ? { channel } : {}) });
    });
    if (ok) props.onDone((say) => say('handoff.send.done', { version }));
  }
  if (partners.status === 'ready' && active.length === 0) return <p>{t('handoff.send.noPartner')}</p>;
  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby="handoff-send-heading">
      <h3 id="handoff-send-heading" className="wide">
        {t('handoff.send.heading', { version })}
      </h3>
      <p className="hint wide">{t('handoff.send.hint')}</p>
      <Field id="handoff-partner" label={t('handoff.send.partner')}>
        {(control) => (
          <select {...control} required value={chosen} onChange={(e) => setPartnerId(e.target.value)}>
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.firmName} (${t(`handoff.channels.${p.channel}`)})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="handoff-channel" label={t('handoff.send.channel')}>
        {(control) => (
          <select {...control} value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
            <option value="">{t('handoff.send.channelPartner')}</option>
            {PARTNER_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`handoff.channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="handoff-sent-on" label={t('handoff.send.sentOn')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            max={today}
            value={sentOn}
            onChange={(e) => setSentOn(e.target.value)}
          />
        )}
      </Field>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy || !chosen}>
          {submit.busy ? t('handoff.send.sending') : t('handoff.send.submit')}
        </button>
        <SubmitFeedback submit={{ done: null, error: submit.error }} />
      </div>
    </form>
  );
}

function AcknowledgeForm(props: { handoff: HandoffView; onDone: (said: Saying) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const today = browserToday();
  const [acknowledgedOn, setAcknowledgedOn] = useState(today);
  const version = props.handoff.version;
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => void (await acknowledgeHandoff(props.handoff.id, { acknowledgedOn })));
    if (ok) props.onDone((say) => say('handoff.acknowledge.done', { version }));
  }
  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby="handoff-ack-heading">
      <h3 id="handoff-ack-heading" className="wide">
        {t('handoff.acknowledge.heading', { version })}
      </h3>
      <Field id="handoff-acknowledged-on" label={t('handoff.acknowledge.acknowledgedOn')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            max={today}
            value={acknowledgedOn}
            onChange={(e) => setAcknowledgedOn(e.target.value)}
          />
        )}
      </Field>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {submit.busy ? t('handoff.acknowledge.sending') : t('handoff.acknowledge.submit')}
        </button>
        <SubmitFeedback submit={{ done: null, error: submit.error }} />
      </div>
    </form>
  );
}
