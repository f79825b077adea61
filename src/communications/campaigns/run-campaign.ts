import { sql, type Transaction } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../../audit/append.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { MessageChannel, MessageTemplate } from '../core/message-templates.js';
import { keepRefusal } from '../../contact-policy/record-refusal.js';
import { MESSAGES_DISPATCH, queueMessageIn } from '../queue-message.js';
import { issueReminderLetter, issueReminderLetterIn } from '../issue-reminder-letter.js';
import { refusalReason, reportOf, type CaseOutcome, type RunReport } from './core/run-report.js';

/** The job that runs every active campaign once a day (`src/app/job-schedule.ts`, CAMPAIGNS_CRON). */
export const CAMPAIGNS_DAILY = 'campaigns-daily';

export interface CampaignRun extends RunReport {
  id: string;
  campaignId: string;
  preview: boolean;
  startedAt: string;
  finishedAt: string | null;
}

/** A campaign writes e-mails, SMS, or reminder letters by post (printed by the next print run). */
type CampaignChannel = MessageChannel | 'letter';

interface CampaignRow {
  id: string;
  name: string;
  channel: CampaignChannel;
  template: string;
  segment_ids: string[];
  interval_days: number;
  daily_limit: number;
  status: string;
  owner_id: string;
}

/** Marks the end of a preview's transaction: everything it wrote is rolled back, its report kept. */
class PreviewDone extends Error {
  constructor(readonly outcomes: CaseOutcome[]) {
    super('preview done');
  }
}

/**
 * Runs a campaign: selects its cases, and for each asks the policy and queues the message in its own transaction,
 * through the same path as a message an agent sends (the contacts recorded name the campaign's owner, on whose
 * authority it runs). A refusal is counted by its rule; nothing stops the others.
 *
 * A preview does the same, case after case, inside one transaction it rolls back: the report is what a run would do
 * now, caps included (the second message to the same person in the run is refused as it would be), and nothing is
 * recorded but the report.
 */
export async function runCampaign(
  deps: Deps,
  campaignId: string,
  options: { preview: boolean; startedBy: Actor | null },
): Promise<CampaignRun> {
  const campaign = await deps.db
    .selectFrom('message_campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) throw notFound('The campaign');
  if (!options.preview && campaign.status !== 'active')
    throw conflict('campaigns.paused', 'This campaign is paused: activate it before running it, or preview it.');
  const owner = await ownerActor(deps, campaign.owner_id);
  const startedAt = deps.now();
  const run = await deps.db
    .insertInto('message_campaign_runs')
    .values({
      campaign_id: campaign.id,
      preview: options.preview,
      started_at: startedAt,
      started_by: options.startedBy?.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseIds = await selectCases(deps, campaign as CampaignRow, startedAt);
  const request = { channel: campaign.channel, template: campaign.template as MessageTemplate };
  const outcomes = options.preview
    ? await previewOutcomes(deps, owner, caseIds, request)
    : await sendOutcomes(deps, owner, caseIds, request, run.id);
  const report = reportOf(outcomes);
  const finishedAt = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('message_campaign_runs')
      .set({ ...report, refusals: JSON.stringify(report.refusals), finished_at: finishedAt })
      .where('id', '=', run.id)
      .execute();
    await appendAudit(trx, {
      actor: options.startedBy ? auditActor(options.startedBy) : SYSTEM_ACTOR,
      action: options.preview ? 'campaign.previewed' : 'campaign.ran',
      targetType: 'message_campaign',
      targetId: campaign.id,
      after: { runId: run.id, ...report },
      at: finishedAt,
    });
  });
  if (!options.preview && report.queued > 0) await deps.jobs?.send(MESSAGES_DISPATCH, {}).catch(() => null);
  return {
    id: run.id,
    campaignId: campaign.id,
    preview: options.preview,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    ...report,
  };
}

/** Every active campaign, once: the daily job. A campaign whose run fails does not stop the next. */
export async function runActiveCampaigns(deps: Deps): Promise<{ ran: number; failed: number }> {
  const active = await deps.db
    .selectFrom('message_campaigns')
    .select('id')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
  let failed = 0;
  for (const campaign of active) {
    try {
      await runCampaign(deps, campaign.id, { preview: false, startedBy: null });
    } catch {
      failed += 1;
    }
  }
  return { ran: active.length - failed, failed };
}

async function ownerActor(deps: Deps, ownerId: string): Promise<Actor> {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'role', 'creditor_id', 'display_name', 'email', 'locale', 'active'])
    .where('id', '=', ownerId)
    .executeTakeFirstOrThrow();
  if (!user.active || (user.role !== 'manager' && user.role !== 'compliance_officer'))
    throw new AppError(
      'campaigns.owner_inactive',
      409,
      'The person this campaign runs on the authority of is no longer an active manager or compliance officer: someone who is must activate it again.',
    );
  return {
    userId: user.id,
    role: user.role,
    creditorId: user.creditor_id,
    displayName: user.display_name,
    email: user.email,
    locale: user.locale,
  };
}

/**
 * The cases a run takes: open, the first letter gone out, in a segment the campaign serves whose treatment plans its
 * channel (as the queue holds them today), not paused, and not messaged by this campaign within its interval; the
 * queue's priority first, up to the daily limit.
 */
async function selectCases(deps: Deps, campaign: CampaignRow, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - campaign.interval_days * 86_400_000);
  const rows = await sql<{ case_id: string }>`
    select q.case_id from case_queue q join cases c on c.id = q.case_id
    where c.status = 'open' and c.first_letter_sent_on is not null and not q.paused
      and ${campaign.channel} = any(q.channels)
      and (cardinality(${campaign.segment_ids}::text[]) = 0 or q.segment_id = any(${campaign.segment_ids}::text[]))
      and not exists (select 1 from outbound_messages m join message_campaign_runs r on r.id = m.campaign_run_id
                      where m.case_id = q.case_id and r.campaign_id = ${campaign.id} and m.queued_at > ${since})
      and not exists (select 1 from reminder_letters l join message_campaign_runs r on r.id = l.campaign_run_id
                      where l.case_id = q.case_id and r.campaign_id = ${campaign.id} and l.created_at > ${since})
    order by q.priority desc, q.case_id
    limit ${campaign.daily_limit}`.execute(deps.db);
  return rows.rows.map((row) => row.case_id);
}

type Request = { channel: CampaignChannel; template: MessageTemplate };

/** One case of a run, in its own transaction: a message queued, or a reminder letter issued for the print run. */
async function sendOne(deps: Deps, owner: Actor, caseId: string, request: Request, runId: string, at: Date) {
  const { channel, template } = request;
  if (channel === 'letter') return issueReminderLetter(deps, owner, caseId, { campaignRunId: runId });
  return deps.db
    .transaction()
    .execute((trx) => queueMessageIn(trx, deps, at, owner, caseId, { channel, template }, { campaignRunId: runId }));
}

/** One case of a preview, inside its transaction: a letter is composed and decided, never stored. */
function previewOne(trx: Transaction<DB>, deps: Deps, owner: Actor, caseId: string, request: Request) {
  const { channel, template } = request;
  if (channel === 'letter')
    return issueReminderLetterIn(trx, deps, deps.now(), owner, caseId, { dryRun: true }, () => undefined);
  return queueMessageIn(trx, deps, deps.now(), owner, caseId, { channel, template });
}

async function outcomeOf(attempt: () => Promise<unknown>): Promise<CaseOutcome> {
  try {
    await attempt();
    return { kind: 'queued' };
  } catch (caught) {
    if (caught instanceof AppError && caught.status < 500 && caught.status !== 404)
      return { kind: 'refused', reason: refusalReason(caught.code, caught.extra) };
    return { kind: 'failed' };
  }
}

async function sendOutcomes(
  deps: Deps,
  owner: Actor,
  caseIds: readonly string[],
  request: Request,
  runId: string,
): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const caseId of caseIds) {
    outcomes.push(
      await outcomeOf(async () => {
        const at = deps.now();
        try {
          return await sendOne(deps, owner, caseId, request, runId, at);
        } catch (error) {
          // Kept by rule for the conduct report; the run's own report counts it too.
          await keepRefusal(deps.db, error, { caseId, channel: request.channel, source: 'campaign', at });
          throw error;
        }
      }),
    );
  }
  return outcomes;
}

async function previewOutcomes(
  deps: Deps,
  owner: Actor,
  caseIds: readonly string[],
  request: Request,
): Promise<CaseOutcome[]> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const outcomes: CaseOutcome[] = [];
      for (const caseId of caseIds)
        outcomes.push(await inSavepoint(trx, () => previewOne(trx, deps, owner, caseId, request)));
      throw new PreviewDone(outcomes);
    });
  } catch (caught) {
    if (caught instanceof PreviewDone) return caught.outcomes;
    throw caught;
  }
  return [];
}

/** One case of a preview: its writes kept for the next cases (caps) when allowed, undone when refused. */
async function inSavepoint(trx: Transaction<DB>, attempt: () => Promise<unknown>): Promise<CaseOutcome> {
  await sql`savepoint campaign_case`.execute(trx);
  const outcome = await outcomeOf(attempt);
  await sql`${sql.raw(outcome.kind === 'queued' ? 'release' : 'rollback to')} savepoint campaign_case`.execute(trx);
  return outcome;
}
