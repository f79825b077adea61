import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.js';
import { optOutIn, recordMessageEvent } from '../message-events.js';
import { readDeliveryReceipt, receiptDetail } from './core/delivery-receipt.js';
import { inboundE164 } from './core/sms-number.js';
import { isStopReply } from './core/stop-reply.js';
import { recordSmsReply } from './sms-replies.js';

/**
 * What comes back on the SMPP session (deliver_sm): a delivery receipt for a message Accord sent, or a message the
 * debtor wrote (mobile-originated). A receipt is applied to its outbox row by the provider's message_id; a "STOP"
 * opts out of SMS every debtor whose mobile number it came from. Any other reply is kept on the case it answers, for
 * a person to answer (sms-replies.ts), its content never logged.
 */

export interface InboundSms {
  /** source_addr and its type of number. */
  from: string;
  fromTon: number;
  to: string;
  text: string;
  /** esm_class says it is a delivery receipt (bit 0x04), or the receipted_message_id TLV is there. */
  isReceipt: boolean;
  receiptedMessageId?: string | undefined;
  messageState?: number | undefined;
}

export type InboundOutcome =
  | { kind: 'receipt'; providerId: string; applied: boolean }
  | { kind: 'receipt_not_final' }
  | { kind: 'stop'; debtorsOptedOut: number; debtorsMatched: number }
  | { kind: 'reply'; matchedCases: number };

export interface InboundOptions {
  /** The message a receipt's message_id belongs to, when it is a later part of a long SMS (the transport knows). */
  providerIdOf?: (messageId: string) => string;
}

export async function receiveSms(deps: Deps, sms: InboundSms, options: InboundOptions = {}): Promise<InboundOutcome> {
  if (sms.isReceipt) {
    const receipt = readDeliveryReceipt({
      text: sms.text,
      receiptedMessageId: sms.receiptedMessageId,
      messageState: sms.messageState,
    });
    if (!receipt?.outcome) return { kind: 'receipt_not_final' };
    const providerId = options.providerIdOf?.(receipt.providerId) ?? receipt.providerId;
    const applied = await recordMessageEvent(deps, {
      channel: 'sms',
      providerId,
      outcome: receipt.outcome,
      at: deps.now(),
      detail: receiptDetail(receipt),
    });
    return { kind: 'receipt', providerId, applied };
  }
  if (isStopReply(sms.text)) return optOutNumber(deps, sms);
  const from = inboundE164(sms.from, sms.fromTon);
  // A reply with no number to answer (an alphanumeric sender) can be matched to nobody: kept for a manager all the same.
  const { matchedCases } = await recordSmsReply(deps, { from: from ?? sms.from, to: sms.to, text: sms.text });
  return { kind: 'reply', matchedCases };
}

/**
 * A "STOP" from a number: every debtor with that number as a mobile, or to whom an SMS went to that number, stops
 * receiving SMS (free and immediate, REGULATION.md §6 and §13), each with the case of the latest SMS sent to them at
 * that number on its timeline. One transaction; a debtor already opted out is left as is.
 */
async function optOutNumber(deps: Deps, sms: InboundSms): Promise<InboundOutcome> {
  const number = inboundE164(sms.from, sms.fromTon);
  if (!number) return { kind: 'stop', debtorsOptedOut: 0, debtorsMatched: 0 };
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const debtors = await trx
      .selectFrom('debtor_contact_points')
      .select('debtor_id')
      .where('channel', '=', 'phone')
      .where('usage', '=', 'mobile')
      .where(sql<string>`search_phone(value) collate "C"`, '=', number)
      .union(
        trx
          .selectFrom('outbound_messages')
          .select('debtor_id')
          .where('channel', '=', 'sms')
          .where(sql<string>`search_phone(recipient)`, '=', number),
      )
      .orderBy('debtor_id')
      .execute();
    let optedOut = 0;
    for (const { debtor_id: debtorId } of debtors) {
      const latest = await trx
        .selectFrom('outbound_messages')
        .select('case_id')
        .where('channel', '=', 'sms')
        .where('debtor_id', '=', debtorId)
        .where(sql<string>`search_phone(recipient)`, '=', number)
        .orderBy('queued_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const added = await optOutIn(trx, now, {
        debtorId,
        caseId: latest?.case_id ?? null,
        channel: 'sms',
        via: 'sms_reply',
        at: now,
      });
      if (added) optedOut++;
    }
    return { kind: 'stop', debtorsOptedOut: optedOut, debtorsMatched: debtors.length };
  });
}
