import type { Kysely, Transaction } from 'kysely';
import { appendCaseEventLines, type CaseEvent } from '../../cases/append-case-event.js';
import type { Actor } from '../../identity/actor.js';
import type { IsoDate } from '../../platform/calendar/dates.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { HelpsWith } from '../core/vocabulary.js';
import type { ReferralView } from './contract.js';
import { followUpDue, outcomesFor, type ReferralRefusal, type ReferralState } from './core/referral.js';

type Db = Kysely<DB> | Transaction<DB>;

const MESSAGES: Record<ReferralRefusal, { status: 409 | 422; message: string }> = {
  'care.referral_consent_required': {
    status: 422,
    message: 'Ask the debtor first: a referral is proposed only with their consent.',
  },
  'care.organisation_inactive': {
    status: 409,
    message: 'This organisation is no longer active in the directory: choose another one.',
  },
  'care.organisation_other_country': {
    status: 422,
    message: 'This organisation acts in another country than the debtor’s: choose one of the debtor’s country.',
  },
  'care.follow_up_in_past': { status: 422, message: 'Choose a follow-up date from today on.' },
  'care.referral_not_proposed': { status: 409, message: 'This referral was already sent.' },
  'care.referral_closed': { status: 409, message: 'This referral is closed: propose a new one if needed.' },
  'care.outcome_needs_sending': {
    status: 409,
    message: 'Record how the referral was sent first: only a referral that reached the organisation helped.',
  },
  'care.file_lodged_not_over_indebtedness': {
    status: 422,
    message: 'A file lodged is the outcome of an over-indebtedness referral: choose “helped” for this organisation.',
  },
};

/** The error a refusal of the core answers with: a stable code and what to do instead. */
export function refusalError(refusal: ReferralRefusal): AppError {
  const { status, message } = MESSAGES[refusal];
  return status === 409 ? conflict(refusal, message) : invalid(refusal, message);
}

/** A referral row locked for the transaction, with what its organisation helps with; 404 when there is none. */
export async function lockReferral(trx: Transaction<DB>, referralId: string) {
  const row = await trx
    .selectFrom('care_referrals as r')
    .innerJoin('care_organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select(['o.helps_with', 'o.name as organisation_name', 'o.phone', 'o.email', 'o.website', 'o.address'])
    .where('r.id', '=', referralId)
    .forUpdate('r')
    .executeTakeFirst();
  if (!row) throw notFound('The referral');
  return row;
}

export function stateOf(row: {
  status: ReferralState['status'];
  follow_up_on: string;
  sent_how: ReferralState['sentHow'];
  outcome: ReferralState['outcome'];
}): ReferralState {
  return { status: row.status, followUpOn: row.follow_up_on, sentHow: row.sent_how, outcome: row.outcome };
}

/** Referrals in full, newest proposal first, with who did what and what may be done now. */
export async function referralViews(
  db: Db,
  where: { debtorId: string } | { referralId: string },
  today: IsoDate,
): Promise<ReferralView[]> {
  let query = db
    .selectFrom('care_referrals as r')
    .innerJoin('care_organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('users as up', 'up.id', 'r.proposed_by')
    .leftJoin('users as us', 'us.id', 'r.sent_by')
    .leftJoin('users as uc', 'uc.id', 'r.closed_by')
    .leftJoin('outbound_messages as m', 'm.id', 'r.email_message_id')
    .selectAll('r')
    .select(['m.status as email_status', 'm.queued_at as email_queued_at', 'm.sent_at as email_sent_at'])
    .select(['m.delivered_at as email_delivered_at', 'm.failed_at as email_failed_at'])
    .select(['o.name as organisation_name', 'o.helps_with', 'o.phone', 'o.email', 'o.website', 'o.address'])
    .select(['up.display_name as proposed_by_name', 'us.display_name as sent_by_name'])
    .select('uc.display_name as closed_by_name')
    .orderBy('r.proposed_at', 'desc');
  query =
    'debtorId' in where ? query.where('r.debtor_id', '=', where.debtorId) : query.where('r.id', '=', where.referralId);
  const rows = await query.execute();
  return rows.map((row) => {
    const state = stateOf(row);
    const helpsWith = row.helps_with as HelpsWith[];
    return {
      id: row.id,
      debtorId: row.debtor_id,
      caseId: row.case_id,
      organisation: {
        id: row.organisation_id,
        name: row.organisation_name,
        helpsWith,
        phone: row.phone,
        email: row.email,
        website: row.website,
        address: row.address,
      },
      need: row.need,
      status: row.status,
      consentAt: row.consent_at.toISOString(),
      proposedAt: row.proposed_at.toISOString(),
      proposedBy: row.proposed_by_name,
      sentAt: row.sent_at?.toISOString() ?? null,
      sentBy: row.sent_by_name,
      sentHow: row.sent_how,
      letterDocumentId: row.letter_document_id,
      email:
        row.email_message_id && row.email_status && row.email_queued_at
          ? {
              messageId: row.email_message_id,
              status: row.email_status,
              queuedAt: row.email_queued_at.toISOString(),
              sentAt: row.email_sent_at?.toISOString() ?? null,
              deliveredAt: row.email_delivered_at?.toISOString() ?? null,
              failedAt: row.email_failed_at?.toISOString() ?? null,
            }
          : null,
      followUpOn: row.follow_up_on,
      followUpDue: followUpDue(state, today),
      outcome: row.outcome,
      outcomeNote: row.outcome_note,
      closedAt: row.closed_at?.toISOString() ?? null,
      closedBy: row.closed_by_name,
      outcomes: outcomesFor(state, helpsWith),
    };
  });
}

export async function referralView(db: Db, referralId: string, today: IsoDate): Promise<ReferralView> {
  const [view] = await referralViews(db, { referralId }, today);
  if (!view) throw notFound('The referral');
  return view;
}

/**
 * The timeline line of a referral's act, kind `care`, neutral (no organisation, no need, no outcome): on the case it
 * was proposed from, or on each open case of the debtor when none was named. The creditor's projection never reads
 * this kind.
 */
export async function appendReferralLine(
  trx: Transaction<DB>,
  actor: Actor,
  referral: { debtor_id: string; case_id: string | null; id: string },
  summary: CaseEvent['summary'],
  at: Date,
): Promise<void> {
  const caseIds =
    referral.case_id !== null
      ? [referral.case_id]
      : (
          await trx
            .selectFrom('cases')
            .select('id')
            .where('debtor_id', '=', referral.debtor_id)
            .where('status', '<>', 'closed')
            .orderBy('opened_on')
            .orderBy('reference')
            .execute()
        ).map((row) => row.id);
  await appendCaseEventLines(
    trx,
    caseIds.map((caseId) => ({
      caseId,
      debtorId: referral.debtor_id,
      at,
      kind: 'care' as const,
      summary,
      actorUserId: actor.userId,
      data: { referralId: referral.id },
    })),
  );
}
