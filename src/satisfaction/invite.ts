import { createHash, randomBytes } from 'node:crypto';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { queueMessageIn, MESSAGES_DISPATCH } from '../communications/queue-message.js';
import { staffActor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { surveyEligibility, type HoldFact, type Ineligibility } from './core/eligibility.js';
import { recentInteractions, type Interaction } from './interactions.js';
import { satisfactionSettings, type SatisfactionSettings } from './settings.js';

/** The job that invites the debtors of the last days' completed interactions to rate them (src/app/job-schedule.ts). */
export const SATISFACTION_INVITATIONS = 'satisfaction-invitations';

const DAY_MS = 86_400_000;

export interface InvitationRun {
  considered: number;
  invited: number;
  /** Why the others were not invited, by reason (the policy's refusal or no allowed channel: `not_allowed`). */
  skipped: Partial<Record<Ineligibility | 'not_allowed' | 'no_public_url', number>>;
}

/** The secret of a survey link: whoever holds the message may answer, once; no one can guess it. */
const newToken = () => randomBytes(24).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const surveyUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/portal/survey/${token}`;

/**
 * Invites, once each, the debtors of the window's completed interactions that the core finds eligible (no hold, none
 * invited within the gap), through the first channel the contact policy allows (e-mail, then SMS), each invitation in
 * the transaction of its message. Nothing is sent without a public address for the link.
 */
export async function inviteForSatisfaction(deps: Deps): Promise<InvitationRun> {
  const now = deps.now();
  const settings = await satisfactionSettings(deps.db);
  const since = new Date(now.getTime() - settings.interactionWindowDays * DAY_MS);
  const interactions = await recentInteractions(deps, since, now);
  const run: InvitationRun = { considered: interactions.length, invited: 0, skipped: {} };
  const skip = (reason: keyof InvitationRun['skipped']) => (run.skipped[reason] = (run.skipped[reason] ?? 0) + 1);
  if (interactions.length === 0) return run;
  if (!deps.config.PUBLIC_URL) {
    run.skipped.no_public_url = interactions.length;
    return run;
  }
  const facts = await debtorFacts(deps, interactions);
  for (const interaction of interactions) {
    const debtor = facts.get(interaction.debtorId)!;
    const verdict = surveyEligibility(
      { ...interaction, at: interaction.at.getTime() },
      {
        holds: debtor.holds,
        lastInvitedAt: debtor.lastInvitedAt,
        alreadyInvited: debtor.invited.has(`${interaction.kind}:${interaction.id}`),
      },
      settings,
      now.getTime(),
    );
    if (!verdict.eligible) {
      skip(verdict.reason);
      continue;
    }
    const sent = await invite(deps, now, settings, interaction, deps.config.PUBLIC_URL);
    if (!sent) {
      skip('not_allowed');
      continue;
    }
    debtor.lastInvitedAt = now.getTime();
    run.invited += 1;
  }
  if (run.invited > 0) await deps.jobs?.send(MESSAGES_DISPATCH, {}).catch(() => null);
  return run;
}

interface DebtorFacts {
  holds: HoldFact[];
  lastInvitedAt: number | null;
  invited: Set<string>;
}

/** The holds, the last invitation and the interactions already invited of every debtor concerned, in three queries. */
async function debtorFacts(deps: Pick<Deps, 'db'>, interactions: readonly Interaction[]) {
  const debtorIds = [...new Set(interactions.map((interaction) => interaction.debtorId))];
  const facts = new Map<string, DebtorFacts>(
    debtorIds.map((id) => [id, { holds: [], lastInvitedAt: null, invited: new Set<string>() }]),
  );
  const [holds, last, invited] = await Promise.all([
    deps.db
      .selectFrom('holds')
      .select(['debtor_id', 'kind', 'starts_at', 'ends_at', 'lifted_at'])
      .where('debtor_id', 'in', debtorIds)
      .where('status', '=', 'active')
      .execute(),
    deps.db
      .selectFrom('satisfaction_invitations')
      .select(['debtor_id', (eb) => eb.fn.max('sent_at').as('last')])
      .where('debtor_id', 'in', debtorIds)
      .groupBy('debtor_id')
      .execute(),
    deps.db
      .selectFrom('satisfaction_invitations')
      .select(['debtor_id', 'interaction_kind', 'interaction_id'])
      .where('debtor_id', 'in', debtorIds)
      .where('interaction_at', '>=', new Date(Math.min(...interactions.map((i) => i.at.getTime()))))
      .execute(),
  ]);
  for (const hold of holds)
    facts.get(hold.debtor_id)!.holds.push({
      kind: hold.kind,
      startsAt: hold.starts_at.getTime(),
      endsAt: (hold.lifted_at ?? hold.ends_at)?.getTime() ?? null,
    });
  for (const row of last) facts.get(row.debtor_id)!.lastInvitedAt = new Date(row.last).getTime();
  for (const row of invited) facts.get(row.debtor_id)!.invited.add(`${row.interaction_kind}:${row.interaction_id}`);
  return facts;
}

/**
 * One invitation: the survey message decided by the contact policy and queued, the invitation written beside it, in
 * one transaction per channel tried. The agent of the interaction is the message's sender, as a campaign's owner is.
 */
async function invite(
  deps: Deps,
  now: Date,
  settings: SatisfactionSettings,
  interaction: Interaction,
  publicUrl: string,
): Promise<boolean> {
  const agent = await deps.db
    .selectFrom('users')
    .select(['id', 'role', 'display_name', 'email', 'team_id', 'creditor_id'])
    .where('id', '=', interaction.agentId!)
    .executeTakeFirstOrThrow();
  if (agent.creditor_id) return false;
  for (const channel of ['email', 'sms'] as const) {
    const token = newToken();
    try {
      await deps.db.transaction().execute(async (trx) => {
        const message = await queueMessageIn(trx, deps, now, staffActor(agent), interaction.caseId, {
          channel,
          template: 'satisfaction_survey',
          surveyUrl: surveyUrl(publicUrl, token),
        });
        const facts = await trx
          .selectFrom('outbound_messages as m')
          .leftJoin('case_queue as q', 'q.case_id', 'm.case_id')
          .select(['m.language', 'q.arm', 'q.segment_id'])
          .where('m.id', '=', message.id)
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto('satisfaction_invitations')
          .values({
            debtor_id: interaction.debtorId,
            case_id: interaction.caseId,
            creditor_id: interaction.creditorId,
            interaction_kind: interaction.kind,
            interaction_id: interaction.id,
            interaction_at: interaction.at,
            agent_id: agent.id,
            team_id: agent.team_id,
            strategy_arm: facts.arm,
            segment_id: facts.segment_id,
            channel,
            message_id: message.id,
            token_sha256: tokenHash(token),
            language: facts.language,
            sent_at: now,
            expires_at: new Date(now.getTime() + settings.tokenValidDays * DAY_MS),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, {
          actor: SYSTEM_ACTOR,
          action: 'satisfaction.invited',
          targetType: 'satisfaction_invitation',
          targetId: row.id,
          creditorId: interaction.creditorId,
          after: { caseId: interaction.caseId, interaction: interaction.kind, channel, messageId: message.id },
          at: now,
        });
      });
      return true;
    } catch (error) {
      // A refusal of the policy, or no address for the channel: the next channel, or no invitation.
      if (error instanceof AppError) continue;
      throw error;
    }
  }
  return false;
}
