import smpp, { type PDU, type ResponseCallback, type Session } from 'smpp';
import type { Config } from '../../platform/config.js';
import type { Deps } from '../../platform/deps.js';
import type { OutgoingSms, Sent, SmsTransport } from '../transports.js';
import { encodeSms } from './core/sms-text.js';
import { smppAddresses, smppDestination, smppSource } from './core/sms-number.js';
import { receiveSms, type InboundOutcome, type InboundSms } from './sms-inbound.js';

/**
 * SMS through the provider's SMPP 3.4 server (`smpp` package): one session bound as transceiver, so the messages
 * leave and the delivery receipts and the debtors' replies come back on it. The session is opened on the first send,
 * bound again on the next send after the provider dropped it, kept alive with enquire_link every 30 s and closed by
 * `close()`.
 *
 * A text that does not fit one SMS is sent as parts joined by the handset (a user data header, 8-bit reference, on
 * each part), which every SMSC carries, rather than in one message_payload, which SMPP 3.4 leaves optional. Each part
 * has its own message_id; the message's is the first part's, and a receipt for a later part is applied to the message
 * too while this process runs (the parts' ids are remembered, a bounded number).
 *
 * A receipt can come back before the dispatcher has written the message_id on the outbox row. A receipt for a
 * message this process sent less than 20 s ago that matches no row yet is tried again every second within those 20 s,
 * before it is answered (an SMSC waits about that long for the answer).
 */

export interface SmppSettings {
  host: string;
  port: number;
  systemId: string;
  password: string;
}

export interface SmppTransportOptions {
  /** How long a bind or a submit_sm waits for its answer. */
  responseTimeoutMs?: number;
  /** After a listening session drops, the first wait before binding again (doubled up to a minute). */
  rebindMs?: number;
  enquireLinkMs?: number;
  /** Told of each deliver_sm handled, after its answer (the demo and tests wait on it). */
  onInbound?: (outcome: InboundOutcome | { kind: 'error' }) => void;
}

/** `smpp://system_id:password@host:port` (port 2775 by default); both parts of the credentials may be %-encoded. */
export function parseSmppUrl(text: string): SmppSettings {
  const url = new URL(text);
  if (url.protocol !== 'smpp:') throw new Error('SMPP_URL must start with smpp://');
  if (!url.hostname || !url.username) throw new Error('SMPP_URL must name the system_id and the host');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 2775,
    systemId: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/** An answer of the SMSC other than ESME_ROK, named (`ESME_RTHROTTLED`), or no answer in time. */
export class SmppError extends Error {
  constructor(
    message: string,
    readonly status: string | null,
  ) {
    super(message);
    this.name = 'SmppError';
  }
}

const STATUS_NAMES = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));
export const statusName = (code: number): string => STATUS_NAMES.get(code) ?? `0x${code.toString(16).padStart(8, '0')}`;

const DEFAULT_TIMEOUT_MS = 30_000;
const ENQUIRE_LINK_MS = 30_000;
const REMEMBERED_PARTS = 10_000;
/** How long after a send a receipt that matches no outbox row yet is tried again, and how often. */
const RECEIPT_GRACE_MS = 20_000;
/** A listening session dropped by the provider is bound again after a second, then two, four… up to a minute. */
const REBIND_MS = 1_000;
const RECEIPT_RETRY_MS = 1_000;
/** esm_class: the short_message starts with a user data header; the deliver_sm is a delivery receipt. */
const ESM_UDHI = 0x40;
const ESM_RECEIPT = 0x04;

export function createSmppTransport(
  config: Pick<Config, 'SMPP_URL' | 'SMS_SENDER'>,
  deps: Deps,
  options: SmppTransportOptions = {},
): SmsTransport | null {
  if (!config.SMPP_URL || !config.SMS_SENDER) return null;
  return new SmppTransport(parseSmppUrl(config.SMPP_URL), config.SMS_SENDER, deps, options);
}

class SmppTransport implements SmsTransport {
  private bound: Promise<Session> | null = null;
  private closed = false;
  /** Rejects what waits for an answer on a session, when it closes. */
  private readonly waiting = new Map<Session, Set<(error: Error) => void>>();
  /** Each part's message_id → the message's (the first part's), and when it was sent. */
  private readonly issued = new Map<string, { providerId: string; at: number }>();
  private reference = 0;
  private readonly timeoutMs: number;
  private listening = false;
  private rebindWait: number;
  private rebindTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly settings: SmppSettings,
    private readonly sender: string,
    private readonly deps: Deps,
    private readonly options: SmppTransportOptions,
  ) {
    this.timeoutMs = options.responseTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.rebindWait = options.rebindMs ?? REBIND_MS;
  }

  listen(): void {
    if (this.listening || this.closed) return;
    this.listening = true;
    this.keepBound();
  }

  /** Binds (or keeps the session bound) and, when it closes or cannot bind, tries again later. */
  private keepBound(): void {
    if (!this.listening || this.closed) return;
    this.session().then(
      (session) => {
        this.rebindWait = this.options.rebindMs ?? REBIND_MS;
        session.once('close', () => this.rebindLater());
      },
      () => this.rebindLater(),
    );
  }

  private rebindLater(): void {
    if (!this.listening || this.closed || this.rebindTimer) return;
    this.rebindTimer = setTimeout(() => {
      this.rebindTimer = null;
      this.keepBound();
    }, this.rebindWait);
    this.rebindTimer.unref();
    this.rebindWait = Math.min(this.rebindWait * 2, 60_000);
  }

  async send(sms: OutgoingSms): Promise<Sent> {
    if (this.closed) throw new SmppError('the SMPP transport is closed', null);
    const session = await this.session();
    try {
      return await this.submit(session, sms);
    } catch (error) {
      // The provider dropped a session before this process noticed: bind anew once.
      if (!(error instanceof SmppError && error.status === 'CLOSED') || this.closed) throw error;
      return this.submit(await this.session(), sms);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.rebindTimer) clearTimeout(this.rebindTimer);
    const bound = this.bound;
    this.bound = null;
    const session = await bound?.catch(() => null);
    if (!session || session.socket.destroyed) return;
    await new Promise<void>((resolve) => {
      session.socket.once('close', () => resolve());
      const sent = session.unbind({}, () => session.close());
      if (!sent) session.destroy();
      // A server that does not answer the unbind is left.
      setTimeout(() => session.destroy(), this.timeoutMs).unref();
    });
  }

  /** The bound session, binding one when there is none. */
  private session(): Promise<Session> {
    if (!this.bound) {
      const bound = this.bind();
      this.bound = bound;
      bound.catch(() => {
        if (this.bound === bound) this.bound = null;
      });
    }
    return this.bound;
  }

  private bind(): Promise<Session> {
    const session = smpp.connect({
      host: this.settings.host,
      port: this.settings.port,
      auto_enquire_link_period: this.options.enquireLinkMs ?? ENQUIRE_LINK_MS,
    });
    this.waiting.set(session, new Set());
    const bound = this.answer(session, 'bind_transceiver', (callback) => {
      session.once('connect', () => {
        session.bind_transceiver(
          { system_id: this.settings.systemId, password: this.settings.password, interface_version: 0x34 },
          callback,
        );
      });
      return true;
    }).then(
      () => session,
      (error: unknown) => {
        session.destroy();
        throw error;
      },
    );
    let cause = '';
    session.on('error', (error: NodeJS.ErrnoException) => {
      // A refused connection or a reset: 'close' follows and ends what waits.
      cause = error.code ?? error.message;
    });
    session.on('close', () => {
      const error = new SmppError(`the SMPP connection closed${cause ? ` (${cause})` : ''}`, 'CLOSED');
      for (const reject of this.waiting.get(session) ?? []) reject(error);
      this.waiting.delete(session);
      void bound.then(
        (current) => {
          if (this.bound && current === session) this.bound = null;
        },
        () => undefined,
      );
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('deliver_sm', (pdu: PDU) => void this.inbound(session, pdu));
    return bound;
  }

  /**
   * Sends a request and waits for its answer: resolved with an ESME_ROK answer, rejected with the status's name, on
   * a timeout, or when the session closes first.
   */
  private answer(session: Session, what: string, request: (callback: ResponseCallback) => boolean): Promise<PDU> {
    return new Promise<PDU>((resolve, reject) => {
      const waiting = this.waiting.get(session);
      const fail = (error: Error) => {
        clearTimeout(timer);
        waiting?.delete(fail);
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new SmppError(`no answer to ${what} within ${this.timeoutMs} ms`, 'TIMEOUT')),
        this.timeoutMs,
      );
      if (!waiting) return fail(new SmppError('the SMPP connection closed', 'CLOSED'));
      waiting.add(fail);
      const sent = request((pdu) => {
        clearTimeout(timer);
        waiting.delete(fail);
        if (pdu.command_status === 0) resolve(pdu);
        else {
          const status = statusName(pdu.command_status);
          reject(new SmppError(`the SMSC refused ${what}: ${status}`, status));
        }
      });
      if (!sent) fail(new SmppError('the SMPP connection closed', 'CLOSED'));
    });
  }

  private async submit(session: Session, sms: OutgoingSms): Promise<Sent> {
    const source = smppSource(this.sender);
    const destination = smppDestination(sms.to);
    const { dataCoding, parts } = encodeSms(sms.text);
    const reference = (this.reference = (this.reference + 1) % 256);
    const ids: string[] = [];
    for (const [index, part] of parts.entries()) {
      const header = parts.length > 1 ? [0x05, 0x00, 0x03, reference, parts.length, index + 1] : [];
      const resp = await this.answer(session, 'submit_sm', (callback) =>
        session.submit_sm(
          {
            ...smppAddresses(source, destination),
            esm_class: header.length > 0 ? ESM_UDHI : 0,
            registered_delivery: 1,
            data_coding: dataCoding,
            short_message: Buffer.concat([Buffer.from(header), Buffer.from(part)]),
          },
          callback,
        ),
      ).catch((error: unknown) => {
        // Parts already accepted would reach the phone twice if the whole text were sent again at once.
        if (ids.length === 0 || !(error instanceof SmppError) || error.status !== 'CLOSED') throw error;
        throw new SmppError(`${error.message} after ${ids.length} of ${parts.length} parts`, 'CLOSED_MIDWAY');
      });
      ids.push(resp.message_id ?? '');
    }
    const providerId = ids[0]!;
    if (!providerId) throw new SmppError('the SMSC gave no message_id', null);
    for (const id of ids) this.issued.set(id, { providerId, at: Date.now() });
    while (this.issued.size > REMEMBERED_PARTS) this.issued.delete(this.issued.keys().next().value!);
    return { providerId };
  }

  /** A receipt of a message sent moments ago, which the dispatcher may not have recorded yet. */
  private recentlySent(providerId: string): boolean {
    const issued = this.issued.get(providerId);
    return issued !== undefined && Date.now() - issued.at < RECEIPT_GRACE_MS && !this.closed;
  }

  /** Every deliver_sm is answered: ESME_ROK once handled, a temporary error (the SMSC retries) when it failed. */
  private async inbound(session: Session, pdu: PDU): Promise<void> {
    let outcome: InboundOutcome | { kind: 'error' };
    try {
      const sms = inboundSms(pdu);
      const providerIdOf = (id: string) => this.issued.get(id)?.providerId ?? id;
      outcome = await receiveSms(this.deps, sms, { providerIdOf });
      while (outcome.kind === 'receipt' && !outcome.applied && this.recentlySent(outcome.providerId)) {
        await new Promise((resolve) => setTimeout(resolve, RECEIPT_RETRY_MS));
        outcome = await receiveSms(this.deps, sms, { providerIdOf });
      }
      session.send(pdu.response());
    } catch {
      outcome = { kind: 'error' };
      session.send(pdu.response({ command_status: smpp.errors.ESME_RX_T_APPN }));
    }
    this.options.onInbound?.(outcome);
  }
}

/** The text of a short_message or message_payload as the package decoded it. */
function messageText(value: PDU['short_message']): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  return typeof value.message === 'string' ? value.message : value.message.toString('latin1');
}

function inboundSms(pdu: PDU): InboundSms {
  const text = messageText(pdu.short_message) || messageText(pdu.message_payload);
  return {
    from: pdu.source_addr ?? '',
    fromTon: pdu.source_addr_ton ?? 0,
    to: pdu.destination_addr ?? '',
    text,
    isReceipt: ((pdu.esm_class ?? 0) & ESM_RECEIPT) !== 0 || Boolean(pdu.receipted_message_id),
    receiptedMessageId: pdu.receipted_message_id,
    messageState: pdu.message_state,
  };
}
