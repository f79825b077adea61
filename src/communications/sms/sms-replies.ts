import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../../audit/append.js';
import { appendCaseEvent, recordText } from '../../cases/append-case-event.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { openTask } from '../../workspace/tasks.js';
import type { SmsReply, UnmatchedSmsReplies } from '../contract.js';

/**
 * An SMS a debtor wrote that is not a STOP ("je vous rappelle demain", "PAYE"): kept on the case it answers, for a
 * person to read and answer. The number it came from is matched to the debtors whose **verified** phone it is, and each
 * such debtor's latest SMS sent to that number names the case (the reply answers it). Per case, in one transaction:
 * the reply kept, a task for the case's team to answer it, a line on the timeline (saying a reply came, not what it
 * says), the act audited with the text's SHA-256. A number that is no verified debtor's phone, or to which no SMS went,
 * keeps the reply with no case: the list a manager reads. The text is never logged nor audited (it may hold
 * special-category data, such as an illness given as the reason for a delay).
 */
export async function recordSmsReply(
  deps: Deps,
  reply: { from: string; to: string; text: string },
): Promise<{ matchedCases: number }> {
  const now = deps.now();
  const contentSha256 = createHash('sha256').update(reply.text).digest('hex');
  return deps.db.transaction().execute(async (trx) => {
    // PostgreSQL refuses NUL in text: a handset never sends one, a faulty gateway might.
    const clean = (text: string) => text.replaceAll('\u0000', '');
    const kept = {
      received_at: now,
      from_number: clean(reply.from),
      to_number: clean(reply.to),
      body: clean(reply.text),
    };
    const answered = await answeredMessages(trx, kept.from_number);
    if (answered.length === 0) {
      const row = await trx
        .insertInto('inbound_sms')
        .values({ ...kept, content_sha256: contentSha256 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await auditReply(trx, row.id, null, { matched: false, contentSha256 }, now);
      return { matchedCases: 0 };
    }
    for (const message of answered) {
      const row = await trx
        .insertInto('inbound_sms')
        .values({
          ...kept,
          content_sha256: contentSha256,
          debtor_id: message.debtor_id,
          case_id: message.case_id,
          reply_to_message_id: message.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const taskId = await openTask(
        trx,
        {
          caseId: message.case_id,
          debtorId: message.debtor_id,
          kind: 'sms_reply',
          dueAt: now,
          teamId: message.assigned_team_id,
          source: { inboundSmsId: row.id },
        },
        null,
        now,
        deps.config,
      );
      await trx.updateTable('inbound_sms').set({ task_id: taskId }).where('id', '=', row.id).execute();
      await appendCaseEvent(trx, {
        caseId: message.case_id,
        debtorId: message.debtor_id,
        at: now,
        kind: 'sms',
        channel: 'sms',
        direction: 'inbound',
        outcome: 'replied',
        summary: recordText('sms_reply_received', {}),
        data: { inboundSmsId: row.id, replyToMessageId: message.id, taskId },
      });
      await auditReply(
        trx,
        row.id,
        message.creditor_id,
        {
          matched: true,
          caseId: message.case_id,
          debtorId: message.debtor_id,
          replyToMessageId: message.id,
          taskId,
          contentSha256,
        },
        now,
      );
    }
    return { matchedCases: answered.length };
  });
}

/**
 * For each debtor whose verified phone the number is, the latest SMS sent to that number (its case, and the team the
 * case is with). A debtor to whom no SMS went there has nothing the reply answers.
 */
async function answeredMessages(trx: Transaction<DB>, number: string) {
  const debtors = trx
    .selectFrom('debtor_contact_points')
    .select('debtor_id')
    .where('channel', '=', 'phone')
    .where('verified_at', 'is not', null)
    .where(sql<string>`search_phone(value) collate "C"`, '=', number);
  const latest = await trx
    .selectFrom('outbound_messages as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select(['m.id', 'm.debtor_id', 'm.case_id', 'c.assigned_team_id', 'c.creditor_id', 'm.queued_at'])
    .distinctOn('m.debtor_id')
    .where('m.channel', '=', 'sms')
    .where('m.debtor_id', 'in', debtors)
    .where(sql<string>`search_phone(m.recipient)`, '=', number)
    .orderBy('m.debtor_id')
    .orderBy('m.queued_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  // Two debtors answered by the same SMS cannot be: each message has its debtor. Two debtors' messages to one case
  // can: the case gets one reply line per debtor who shares the number.
  return latest;
}

async function auditReply(
  trx: Transaction<DB>,
  inboundSmsId: string,
  creditorId: string | null,
  after: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await appendAudit(trx, {
    actor: SYSTEM_ACTOR,
    action: 'message.reply_received',
    targetType: 'inbound_sms',
    targetId: inboundSmsId,
    creditorId,
    after,
    at,
  });
}

const replyView = (row: {
  id: string;
  received_at: Date;
  from_number: string;
  body: string;
  reply_to_message_id: string | null;
  task_id: string | null;
}): SmsReply => ({
  id: row.id,
  receivedAt: row.received_at.toISOString(),
  from: row.from_number,
  body: row.body,
  replyToMessageId: row.reply_to_message_id,
  taskId: row.task_id,
});

/** The replies kept on a case, newest first (the caller checked the reader may see them). */
export async function caseSmsReplies(deps: Deps, caseId: string): Promise<SmsReply[]> {
  const rows = await deps.db
    .selectFrom('inbound_sms')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(replyView);
}

/** The replies no case could be found for, newest first: a manager reads them and finds the debtor by hand. */
export async function unmatchedSmsReplies(deps: Deps): Promise<UnmatchedSmsReplies> {
  const rows = await deps.db
    .selectFrom('inbound_sms')
    .selectAll()
    .where('case_id', 'is', null)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return { items: rows.map((row) => ({ ...replyView(row), to: row.to_number })) };
}
