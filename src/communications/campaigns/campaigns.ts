import { appendAudit } from '../../audit/append.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import type { Deps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Campaign, CampaignInput, CampaignRunView } from '../contract.js';
import { TEMPLATE_CHANNELS, type MessageTemplate } from '../core/message-templates.js';

/**
 * Campaigns kept by compliance officers and managers: created paused, previewed, activated (the daily run then acts on
 * the authority of who activated it), paused again. Every change audited.
 */

function checkTemplate(input: Pick<CampaignInput, 'channel' | 'template'>): void {
  if (!TEMPLATE_CHANNELS[input.template as MessageTemplate].includes(input.channel))
    throw invalid('communications.template_channel', 'This template is not sent on this channel: choose another.');
}

export async function listCampaigns(deps: Deps): Promise<{ items: Campaign[] }> {
  const rows = await deps.db
    .selectFrom('message_campaigns as c')
    .innerJoin('users as u', 'u.id', 'c.owner_id')
    .selectAll('c')
    .select('u.display_name as owner_name')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  const runs = await deps.db
    .selectFrom('message_campaign_runs')
    .selectAll()
    .where('campaign_id', 'in', rows.length > 0 ? rows.map((row) => row.id) : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('started_at', 'desc')
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      channel: row.channel,
      template: row.template as MessageTemplate,
      segmentIds: row.segment_ids,
      intervalDays: row.interval_days,
      dailyLimit: row.daily_limit,
      status: row.status,
      ownerName: row.owner_name,
      runs: runs
        .filter((run) => run.campaign_id === row.id)
        .slice(0, 10)
        .map(runView),
    })),
  };
}

export function runView(run: {
  id: string;
  campaign_id: string;
  preview: boolean;
  started_at: Date;
  finished_at: Date | null;
  selected: number;
  queued: number;
  refused: number;
  failed: number;
  refusals: unknown;
}): CampaignRunView {
  return {
    id: run.id,
    campaignId: run.campaign_id,
    preview: run.preview,
    startedAt: run.started_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
    selected: run.selected,
    queued: run.queued,
    refused: run.refused,
    failed: run.failed,
    refusals: (typeof run.refusals === 'string' ? JSON.parse(run.refusals) : run.refusals) as Record<string, number>,
  };
}

export async function createCampaign(deps: Deps, actor: Actor, input: CampaignInput, requestId: string | null) {
  checkTemplate(input);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('message_campaigns')
      .values({
        name: input.name.trim(),
        channel: input.channel,
        template: input.template,
        segment_ids: input.segmentIds,
        interval_days: input.intervalDays,
        daily_limit: input.dailyLimit,
        status: 'paused',
        owner_id: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'campaign.created',
      targetType: 'message_campaign',
      targetId: row.id,
      after: input,
      requestId,
      at: now,
    });
    return { id: row.id };
  });
}

/** Activates or pauses a campaign; who activates it becomes the one on whose authority it runs. */
export async function setCampaignStatus(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  status: 'active' | 'paused',
  requestId: string | null,
) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('message_campaigns')
      .select(['status', 'owner_id'])
      .where('id', '=', campaignId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('The campaign');
    await trx
      .updateTable('message_campaigns')
      .set({ status, updated_at: now, ...(status === 'active' ? { owner_id: actor.userId } : {}) })
      .where('id', '=', campaignId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: status === 'active' ? 'campaign.activated' : 'campaign.paused',
      targetType: 'message_campaign',
      targetId: campaignId,
      before,
      after: { status },
      requestId,
      at: now,
    });
    return { id: campaignId, status };
  });
}
