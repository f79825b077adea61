/**
 * An SMPP delivery receipt: the SMSC's deliver_sm that reports what became of a message it accepted. Its text follows
 * the SMPP 3.4 appendix B form, which every SMSC writes with small variations:
 *
 *   id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…
 *
 * and SMPP 3.4 also allows the `receipted_message_id` and `message_state` TLVs, which win when present. Only a final
 * state counts: DELIVRD is delivered; UNDELIV, EXPIRED, REJECTD and DELETED are failures; ACCEPTD, ENROUTE, UNKNOWN
 * and anything else change nothing (the SMSC may still report a final state later).
 */

export type ReceiptOutcome = 'delivered' | 'failed';

export interface DeliveryReceipt {
  /** The message_id the SMSC gave in submit_sm_resp. */
  providerId: string;
  /** The state as the SMSC names it (`DELIVRD`, `UNDELIV`…), upper case. */
  stat: string;
  /** The network's error code, when given (`000` for none). */
  err: string | null;
  /** Null for a state that is not final. */
  outcome: ReceiptOutcome | null;
}

export interface ReceiptInput {
  /** The short_message (or message_payload) as text. */
  text: string;
  receiptedMessageId?: string | null | undefined;
  /** The `message_state` TLV (SMPP 3.4 section 5.2.28). */
  messageState?: number | null | undefined;
}

const FINAL: Readonly<Record<string, ReceiptOutcome>> = {
  DELIVRD: 'delivered',
  DELIVERED: 'delivered',
  UNDELIV: 'failed',
  UNDELIVERABLE: 'failed',
  EXPIRED: 'failed',
  REJECTD: 'failed',
  REJECTED: 'failed',
  DELETED: 'failed',
};

/** The message_state TLV's values and the stat word each stands for. */
const MESSAGE_STATES: Readonly<Record<number, string>> = {
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
};

/** The receipt's fields by name (`submit date` and `done date` have a space); the text field runs to the end. */
function fields(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /(?<![a-z_])(id|sub|dlvrd|submit\s+date|done\s+date|stat|err|text)\s*:\s*/gi;
  const marks = [...text.matchAll(pattern)];
  marks.forEach((mark, i) => {
    const key = mark[1]!.toLowerCase().replace(/\s+/, ' ');
    if (found.has(key) || found.has('text')) return;
    const start = mark.index + mark[0].length;
    const end = key === 'text' ? text.length : (marks[i + 1]?.index ?? text.length);
    found.set(key, text.slice(start, end).trim());
  });
  return found;
}

/** Reads a receipt; null when it names no message (nothing to apply). */
export function readDeliveryReceipt(input: ReceiptInput): DeliveryReceipt | null {
  const parsed = fields(input.text);
  const providerId = (input.receiptedMessageId ?? '').trim() || parsed.get('id') || '';
  if (!providerId) return null;
  const fromTlv = input.messageState == null ? undefined : MESSAGE_STATES[input.messageState];
  const stat = (fromTlv ?? parsed.get('stat') ?? 'UNKNOWN').toUpperCase();
  const err = parsed.get('err') || null;
  return { providerId, stat, err, outcome: FINAL[stat] ?? null };
}

/** What is kept on the message of a receipt (never the receipt's `text:`, which may quote the message). */
export function receiptDetail(receipt: DeliveryReceipt): string {
  return `stat:${receipt.stat}${receipt.err === null ? '' : ` err:${receipt.err}`}`;
}
