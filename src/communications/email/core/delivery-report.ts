/**
 * What a report about a sent e-mail says, read from its parts (the MIME parsing is `../parse-report.ts`'s):
 *
 * - a delivery status notification (RFC 3464: `multipart/report; report-type=delivery-status`), one group of fields
 *   per recipient: `Action: failed` with a permanent `Status: 5.x.x` is a bounce (the address does not take mail),
 *   except the content and policy classes (5.6, 5.7: the message was refused, not the address), which are a failed
 *   message; `delayed`, a temporary `4.x.x`, `relayed` or `expanded` change nothing; `delivered` is a delivery;
 * - a complaint (RFC 5965, ARF: `report-type=feedback-report`, `Feedback-Type: abuse`): the debtor marked it as spam.
 *
 * The original message is found by the Message-ID in its returned headers (`text/rfc822-headers`, or the whole
 * `message/rfc822`), else by the envelope id Accord asked the relay to quote (`Original-Envelope-Id`, RFC 3461).
 */

export type Understood = 'bounced' | 'failed' | 'complained' | 'delivered' | 'ignored';

export interface ReportPart {
  /** The part's media type, lower case (`message/delivery-status`). */
  contentType: string;
  text: string;
}

export interface MailReport {
  /** The top-level media type (`multipart/report`), lower case; null when the message declares none. */
  contentType: string | null;
  /** Its `report-type` parameter (`delivery-status`, `feedback-report`). */
  reportType: string | null;
  /** The parts that are not the human-readable text: the machine-readable report and the returned headers. */
  parts: ReportPart[];
}

export interface ReadReport {
  understood: Understood;
  /** The SMTP status and its meaning (`5.1.1 bad destination mailbox address`), or the feedback type: no address. */
  detail: string;
  /** The Message-ID of the message the report is about, as quoted. */
  originalMessageId: string | null;
  /** The envelope id the relay quotes (`Original-Envelope-Id`), which Accord sets to the outbox id. */
  envelopeId: string | null;
}

/**
 * Groups of header-style fields (`Name: value`, continued on lines that start with white space), separated by blank
 * lines, as a DSN's `message/delivery-status` and an ARF's `message/feedback-report` are. Names lower case; the first
 * occurrence of a name in a group wins.
 */
export function fieldGroups(text: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let group = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (group.size > 0) groups.push(group);
      group = new Map();
      last = null;
    } else if (/^[ \t]/.test(line)) {
      if (last !== null) group.set(last, `${group.get(last)} ${line.trim()}`);
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      last = group.has(name) ? null : name;
      if (last !== null) group.set(name, line.slice(colon + 1).trim());
    }
  }
  if (group.size > 0) groups.push(group);
  return groups;
}

const HEADER_PARTS = new Set([
  'text/rfc822-headers',
  'message/rfc822',
  'message/rfc822-headers',
  'message/global',
  'message/global-headers',
]);

/** The Message-ID of the returned original, from the first part that carries its headers. */
function originalMessageId(parts: ReportPart[]): string | null {
  for (const part of parts) {
    if (!HEADER_PARTS.has(part.contentType)) continue;
    const headers = fieldGroups(part.text.replace(/\r\n?/g, '\n').split('\n\n')[0] ?? '')[0];
    const id = headers?.get('message-id');
    if (id) return id;
  }
  return null;
}

/** RFC 3463's meaning of the common permanent codes, else of the code's subject (its middle number). */
const STATUS_MEANINGS: Record<string, string> = {
  '5.1.1': 'bad destination mailbox address',
  '5.1.2': 'bad destination system address',
  '5.1.3': 'bad destination mailbox address syntax',
  '5.1.6': 'destination mailbox has moved',
  '5.1.10': 'recipient address has null MX',
  '5.2.1': 'mailbox disabled',
  '5.2.2': 'mailbox full',
  '5.4.4': 'unable to route',
  '5.7.1': 'delivery not authorized, message refused',
};
const SUBJECT_MEANINGS: Record<string, string> = {
  '0': 'other or undefined status',
  '1': 'addressing status',
  '2': 'mailbox status',
  '3': 'mail system status',
  '4': 'network and routing status',
  '5': 'mail delivery protocol status',
  '6': 'message content or media status',
  '7': 'security or policy status',
};

function statusDetail(status: string): string {
  const subject = status.split('.')[1] ?? '0';
  return `${status} ${STATUS_MEANINGS[status] ?? SUBJECT_MEANINGS[subject] ?? 'unknown status'}`;
}

interface RecipientOutcome {
  understood: Understood;
  detail: string;
}

function recipientOutcome(fields: Map<string, string>): RecipientOutcome {
  const action = (fields.get('action') ?? '').toLowerCase().split(/[\s(;]/)[0] ?? '';
  const status = /^([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(fields.get('status') ?? '');
  const code = status ? `${status[1]}.${Number(status[2])}.${Number(status[3])}` : null;
  if (action === 'delivered') return { understood: 'delivered', detail: code ? statusDetail(code) : 'delivered' };
  if (action === 'failed' && code?.startsWith('5.')) {
    // The content and policy classes refuse this message, not the address: the message failed, the address stays.
    const refusedMessage = code.startsWith('5.6.') || code.startsWith('5.7.');
    return { understood: refusedMessage ? 'failed' : 'bounced', detail: statusDetail(code) };
  }
  return { understood: 'ignored', detail: code ? statusDetail(code) : action || 'no action' };
}

/** Which recipient's outcome speaks for the report: a bounce over a failure over a delivery over nothing. */
const STRENGTH: Record<Understood, number> = { ignored: 0, delivered: 1, failed: 2, bounced: 3, complained: 4 };

function readDeliveryStatus(report: MailReport): Omit<ReadReport, 'originalMessageId'> {
  const status = report.parts.find((part) => part.contentType === 'message/delivery-status');
  if (!status) return { understood: 'ignored', detail: 'no delivery status', envelopeId: null };
  const [perMessage, ...recipients] = fieldGroups(status.text);
  const envelopeId = perMessage?.get('original-envelope-id')?.trim() ?? null;
  let strongest: RecipientOutcome = { understood: 'ignored', detail: 'no recipient' };
  for (const fields of recipients) {
    const outcome = recipientOutcome(fields);
    if (STRENGTH[outcome.understood] > STRENGTH[strongest.understood] || strongest.detail === 'no recipient')
      strongest = outcome;
  }
  return { ...strongest, envelopeId: envelopeId || null };
}

function readFeedback(report: MailReport): Omit<ReadReport, 'originalMessageId'> {
  const feedback = report.parts.find((part) => part.contentType === 'message/feedback-report');
  const type = (feedback && fieldGroups(feedback.text)[0]?.get('feedback-type')?.toLowerCase()) || null;
  if (type === 'abuse') return { understood: 'complained', detail: 'abuse', envelopeId: null };
  return {
    understood: 'ignored',
    detail: type ? `feedback ${type.slice(0, 40)}` : 'no feedback type',
    envelopeId: null,
  };
}

/** What the report says, and which message it is about. A message that is no report is `ignored`. */
export function readReport(report: MailReport): ReadReport {
  const originalId = originalMessageId(report.parts);
  if (report.contentType === 'multipart/report' && report.reportType === 'delivery-status')
    return { ...readDeliveryStatus(report), originalMessageId: originalId };
  if (report.contentType === 'multipart/report' && report.reportType === 'feedback-report')
    return { ...readFeedback(report), originalMessageId: originalId };
  return { understood: 'ignored', detail: 'not a report', originalMessageId: originalId, envelopeId: null };
}

/**
 * Whether a body could be an RFC 5322 message at all: it begins with a header field (after an mbox `From ` line, which
 * a pipe may add) and holds no NUL. Anything else is refused before parsing.
 */
export function looksLikeMessage(raw: Uint8Array): boolean {
  if (raw.length === 0 || raw.includes(0)) return false;
  const head = Buffer.from(raw.subarray(0, 2000)).toString('latin1');
  const lines = head.split(/\r?\n/);
  const first = lines[0]?.startsWith('From ') ? lines[1] : lines[0];
  return /^[!-9;-~]+:/.test(first ?? '');
}
