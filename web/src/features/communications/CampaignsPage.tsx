import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { ChannelTemplateFields } from './ChannelTemplateFields.js';
import { UnmatchedSmsReplies } from './UnmatchedSmsReplies.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import {
  createCampaign,
  getCampaigns,
  runCampaign,
  setCampaignStatus,
  type Campaign,
  type CampaignRunView,
  type TemplateChannel,
  type MessageTemplate,
} from './api.js';

/** A refusal's reason in words: the policy rule's family (`window.hours` → the hours), else the problem's code. */
function reasonLabel(t: TFunction, code: string): string {
  const family = code.split('.')[0]!;
  return t(`campaigns.reasons.${family}`, { defaultValue: code });
}

/** The refusals of a run in words, the reasons of one family (every kind of hold) added together, most first. */
function reasonsInWords(t: TFunction, count: (n: number) => string, refusals: Record<string, number>): string {
  const byLabel = new Map<string, number>();
  for (const [code, n] of Object.entries(refusals)) {
    const label = reasonLabel(t, code);
    byLabel.set(label, (byLabel.get(label) ?? 0) + n);
  }
  return [...byLabel]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => t('campaigns.reasonCount', { reason, n: count(n) }))
    .join(' · ');
}

/**
 * The campaigns of e-mails and SMS (compliance officers and managers keep them; team leaders read them): each with
 * its runs and previews. A campaign is created paused; its preview says what a run would send and refuse now, by
 * rule; activated, it runs every day on the authority of who activated it.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.title'));
  const me = useMe();
  const manage = can(me.role, 'campaigns.manage');
  const list = useLiveData((signal) => getCampaigns(signal), 'campaigns');
  return (
    <>
      <h1>{t('campaigns.title')}</h1>
      <p>{t('campaigns.intro')}</p>
      {manage ? <CampaignForm onCreated={list.reload} /> : null}
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p className="hint">{t('campaigns.none')}</p>
          ) : (
            found.items.map((campaign) => (
              <CampaignCard key={campaign.id} campaign={campaign} manage={manage} onChanged={list.reload} />
            ))
          )
        }
      </AsyncContent>
      {can(me.role, 'sms_replies.unmatched') ? <UnmatchedSmsReplies /> : null}
    </>
  );
}

const CAMPAIGN_CHANNELS: readonly TemplateChannel[] = ['email', 'sms', 'letter'];

function CampaignForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<TemplateChannel>('email');
  const [template, setTemplate] = useState<MessageTemplate>('reminder');
  const [intervalDays, setIntervalDays] = useState('14');
  const [dailyLimit, setDailyLimit] = useState('500');
  const [nameError, setNameError] = useState<string | null>(null);
  const submit = useSubmit();
  async function create(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(t('campaigns.nameRequired'));
      return;
    }
    setNameError(null);
    const ok = await submit.run(async () => {
      await createCampaign({
        name,
        channel,
        template,
        segmentIds: [],
        intervalDays: Number(intervalDays),
        dailyLimit: Number(dailyLimit),
      });
      return (t) => t('campaigns.created', { name: name.trim() });
    });
    if (ok) {
      setName('');
      onCreated();
    }
  }
  return (
    <section className="card" aria-labelledby="campaign-new-heading">
      <h2 id="campaign-new-heading">{t('campaigns.newHeading')}</h2>
      <form className="form-grid" onSubmit={(event) => void create(event)} noValidate>
        <Field id="campaign-name" label={t('campaigns.name')} error={nameError} wide>
          {(control) => (
            <input {...control} type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <ChannelTemplateFields
          idPrefix="campaign"
          channels={CAMPAIGN_CHANNELS}
          channel={channel}
          template={template}
          onChange={(choice) => {
            setChannel(choice.channel);
            setTemplate(choice.template);
          }}
        />
        <Field id="campaign-interval" label={t('campaigns.intervalDays')} hint={t('campaigns.intervalHint')}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={365}
              value={intervalDays}
              onChange={(e) => setIntervalDays(e.target.value)}
            />
          )}
        </Field>
        <Field id="campaign-limit" label={t('campaigns.dailyLimit')}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={100000}
              value={dailyLimit}
              onChange={(e) => setDailyLimit(e.target.value)}
            />
          )}
        </Field>
        <p className="hint wide">{t('campaigns.segmentsHint')}</p>
        <div className="form-actions wide">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {t('campaigns.create')}
          </button>
        </div>
        <div className="wide">
          <SubmitFeedback submit={submit} />
        </div>
      </form>
    </section>
  );
}

interface CampaignAction {
  label: string;
  done: string;
  primary: boolean;
  run: () => Promise<unknown>;
}

/** What may be done with a campaign now: always previewed; activated when paused; run or paused when active. */
function actionsFor(campaign: Campaign): CampaignAction[] {
  const preview = {
    label: 'campaigns.preview',
    done: 'campaigns.previewed',
    primary: false,
    run: () => runCampaign(campaign.id, true),
  };
  if (campaign.status === 'paused')
    return [
      preview,
      {
        label: 'campaigns.activate',
        done: 'campaigns.activated',
        primary: true,
        run: () => setCampaignStatus(campaign.id, 'active'),
      },
    ];
  return [
    preview,
    { label: 'campaigns.runNow', done: 'campaigns.ran', primary: true, run: () => runCampaign(campaign.id, false) },
    {
      label: 'campaigns.pause',
      done: 'campaigns.pausedDone',
      primary: false,
      run: () => setCampaignStatus(campaign.id, 'paused'),
    },
  ];
}

function CampaignCard(props: { campaign: Campaign; manage: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { campaign } = props;
  const submit = useSubmit();
  const headingId = `campaign-${campaign.id}`;
  async function act(action: () => Promise<unknown>, said: (t: TFunction) => string) {
    const ok = await submit.run(async () => {
      await action();
      return said;
    });
    if (ok) props.onChanged();
  }
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{campaign.name}</h2>
      <p>
        {t('campaigns.summary', {
          channel: t(`values.channels.${campaign.channel}`),
          template: t(`values.messageTemplates.${campaign.template}`),
          interval: campaign.intervalDays,
          limit: campaign.dailyLimit,
        })}
      </p>
      <p>
        <strong>{t(`campaigns.status.${campaign.status}`)}</strong>{' '}
        {campaign.status === 'active' ? t('campaigns.owner', { name: campaign.ownerName }) : null}
      </p>
      {props.manage ? (
        <div className="form-actions">
          {actionsFor(campaign).map((action) => (
            <button
              key={action.label}
              type="button"
              className={action.primary ? 'button primary' : 'button secondary'}
              disabled={submit.busy}
              onClick={() => void act(action.run, (t) => t(action.done))}
            >
              {t(action.label)}
            </button>
          ))}
        </div>
      ) : null}
      <SubmitFeedback submit={submit} />
      {campaign.runs.length === 0 ? (
        <p className="hint">{t('campaigns.noRuns')}</p>
      ) : (
        <RunTable campaign={campaign} runs={campaign.runs} />
      )}
    </section>
  );
}

function RunTable({ campaign, runs }: { campaign: Campaign; runs: readonly CampaignRunView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('campaigns.runsCaption', { name: campaign.name })}
      rows={runs}
      rowKey={(run) => run.id}
      columns={[
        {
          header: t('campaigns.column.when'),
          cell: (run) => format.dateTime(run.startedAt),
          rowHeader: true,
          cellClassName: 'nowrap',
        },
        {
          header: t('campaigns.column.kind'),
          cell: (run) => t(run.preview ? 'campaigns.kindPreview' : 'campaigns.kindRun'),
        },
        { header: t('campaigns.column.selected'), cell: (run) => format.count(run.selected), className: 'number' },
        {
          header: t('campaigns.column.queued'),
          cell: (run) => format.count(run.queued),
          className: 'number',
        },
        { header: t('campaigns.column.refused'), cell: (run) => format.count(run.refused), className: 'number' },
        { header: t('campaigns.column.failed'), cell: (run) => format.count(run.failed), className: 'number' },
        { header: t('campaigns.column.reasons'), cell: (run) => reasonsInWords(t, format.count, run.refusals) },
      ]}
    />
  );
}
