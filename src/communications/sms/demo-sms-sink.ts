import { randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import smpp, { type PDU, type Session, type ShortMessage } from 'smpp';
import { encodeSms } from './core/sms-text.js';
import { smppAddresses, smppSource } from './core/sms-number.js';

/**
 * A stand-in SMS provider for the demo and the tests: an SMPP server on 127.0.0.1 that binds one system_id and
 * password as transceiver, accepts every submit_sm with a message_id, writes each SMS (its parts joined) as one JSON
 * line in `dir/sms.jsonl`, and reports it delivered (a delivery receipt, stat:DELIVRD) a moment later. `reply` sends a
 * message as if a handset had answered (a "STOP"). Nothing leaves the machine.
 */

export interface DemoSmsSinkOptions {
  dir: string;
  /** 0: a free port the system picks. */
  port: number;
  systemId: string;
  password: string;
  /** How long after an SMS its delivery receipt comes (default 1 s, about what a provider takes at best). */
  receiptDelayMs?: number;
}

export interface SinkedSms {
  at: string;
  from: string;
  to: string;
  text: string;
  messageId: string;
}

export interface DemoSmsSink {
  port: number;
  /** The file each SMS is written to. */
  file: string;
  /** How many times a client bound so far. */
  readonly binds: number;
  close(): Promise<void>;
  /**
   * Sends a mobile-originated SMS from `from` (digits, international) to `to` on the latest bound session; resolves
   * with the command_status of the client's deliver_sm_resp.
   */
  reply(from: string, to: string, text: string): Promise<number>;
  /** Resolves with the command_status the client answered the receipt of that message with. */
  receiptAnswered(messageId: string): Promise<number>;
  /** Drops every connection, as a provider restarting would; resolves once they are closed. */
  dropSessions(): Promise<void>;
}

interface PendingParts {
  parts: string[];
  messageId: string;
}

export async function startDemoSmsSink(options: DemoSmsSinkOptions): Promise<DemoSmsSink> {
  await mkdir(options.dir, { recursive: true });
  const smsc = new DemoSmsc(options, join(options.dir, 'sms.jsonl'));
  const server = smpp.createServer((session) => smsc.accept(session));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    file: smsc.file,
    get binds() {
      return smsc.binds;
    },
    receiptAnswered: (messageId) => smsc.answers.promise(messageId),
    reply: (from, to, text) => smsc.reply(from, to, text),
    async dropSessions() {
      await Promise.all(
        server.sessions.map((session) => new Promise<void>((resolve) => session.destroy(() => resolve()))),
      );
    },
    async close() {
      for (const timer of smsc.timers) clearTimeout(timer);
      for (const session of server.sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await smsc.writing;
    },
  };
}

/** The SMSC's side of each session. */
class DemoSmsc {
  readonly bound: Session[] = [];
  readonly answers = new Deferreds<number>();
  /** Long SMS waiting for their other parts, by sender, recipient and reference. */
  private readonly pending = new Map<string, PendingParts>();
  writing = Promise.resolve();
  readonly timers = new Set<NodeJS.Timeout>();
  binds = 0;

  constructor(
    private readonly options: DemoSmsSinkOptions,
    readonly file: string,
  ) {}

  accept(session: Session): void {
    session.on('error', () => {
      // A client that went away: 'close' follows.
    });
    session.on('close', () => {
      const index = this.bound.indexOf(session);
      if (index >= 0) this.bound.splice(index, 1);
    });
    session.on('bind_transceiver', (pdu: PDU) => {
      if (pdu.system_id !== this.options.systemId || pdu.password !== this.options.password) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RBINDFAIL }), () => session.close());
        return;
      }
      this.bound.push(session);
      this.binds++;
      session.send(pdu.response({ system_id: 'accord-demo' }));
    });
    session.on('submit_sm', (pdu: PDU) => {
      if (!this.bound.includes(session)) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RINVBNDSTS }));
        return;
      }
      this.submit(session, pdu);
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => session.send(pdu.response(), () => session.close()));
  }

  private write(sms: SinkedSms): Promise<void> {
    this.writing = this.writing.then(() => appendFile(this.file, `${JSON.stringify(sms)}\n`, 'utf8'));
    return this.writing;
  }

  /** The whole message once its last part came (a short one at once), or null while parts are missing. */
  private assemble(pdu: PDU, messageId: string): { text: string; messageId: string } | null {
    const { text, udh } = submittedText(pdu.short_message);
    const concat = udh?.find((header) => header[0] === 0x00 && header.length >= 5);
    if (!concat) return { text, messageId };
    const [reference, total, index] = [concat[2]!, concat[3]!, concat[4]!];
    const key = `${pdu.source_addr}|${pdu.destination_addr}|${reference}`;
    const entry = this.pending.get(key) ?? { parts: new Array<string>(total).fill(''), messageId };
    entry.parts[index - 1] = text;
    this.pending.set(key, entry);
    if (entry.parts.some((part) => part === '')) return null;
    this.pending.delete(key);
    return { text: entry.parts.join(''), messageId: entry.messageId };
  }

  private submit(session: Session, pdu: PDU): void {
    const messageId = randomBytes(8).toString('hex');
    const whole = this.assemble(pdu, messageId);
    // The line is written before the answer: a client holding its message_id finds the SMS in the file.
    const written = whole
      ? this.write({
          at: new Date().toISOString(),
          from: pdu.source_addr ?? '',
          to: pdu.dest_addr_ton === 1 ? `+${pdu.destination_addr}` : (pdu.destination_addr ?? ''),
          text: whole.text,
          messageId: whole.messageId,
        })
      : Promise.resolve();
    void written.then(() =>
      session.send(pdu.response({ message_id: messageId }), () => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.sendReceipt(session, pdu, messageId);
        }, this.options.receiptDelayMs ?? 1000);
        this.timers.add(timer);
      }),
    );
  }

  private sendReceipt(session: Session, pdu: PDU, messageId: string): void {
    const now = smppDate(new Date());
    const text = `id:${messageId} sub:001 dlvrd:001 submit date:${now} done date:${now} stat:DELIVRD err:000 text:`;
    session.deliver_sm(
      {
        source_addr_ton: pdu.dest_addr_ton,
        source_addr_npi: pdu.dest_addr_npi,
        source_addr: pdu.destination_addr,
        dest_addr_ton: pdu.source_addr_ton,
        dest_addr_npi: pdu.source_addr_npi,
        destination_addr: pdu.source_addr,
        esm_class: 0x04,
        data_coding: 0,
        short_message: text,
        receipted_message_id: messageId,
        message_state: 2,
      },
      (resp) => this.answers.resolve(messageId, resp.command_status),
    );
  }

  reply(from: string, to: string, text: string): Promise<number> {
    const session = this.bound.at(-1);
    if (!session) return Promise.reject(new Error('no client is bound to the demo SMS sink'));
    const { dataCoding, parts } = encodeSms(text);
    return new Promise<number>((resolve) => {
      session.deliver_sm(
        {
          ...smppAddresses(smppSource(from), smppSource(to)),
          esm_class: 0,
          data_coding: dataCoding,
          short_message: Buffer.from(parts[0]!),
        },
        (resp) => resolve(resp.command_status),
      );
    });
  }
}

/** The text of a submitted short_message, as the package decoded it, and its user data headers. */
function submittedText(value: PDU['short_message']): { text: string; udh: Buffer[] | undefined } {
  if (value === undefined || typeof value === 'string') return { text: value ?? '', udh: undefined };
  if (Buffer.isBuffer(value)) return { text: value.toString('latin1'), udh: undefined };
  const message = value as ShortMessage;
  const text = typeof message.message === 'string' ? message.message : message.message.toString('latin1');
  return { text, udh: message.udh };
}

/** YYMMDDhhmm, as receipts write their dates. */
function smppDate(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(2, 12);
}

/** Promises by key, resolved by whichever comes first: the wait or the value. */
class Deferreds<T> {
  private readonly entries = new Map<string, { promise: Promise<T>; resolve: (value: T) => void }>();

  private entry(key: string) {
    let entry = this.entries.get(key);
    if (!entry) {
      let resolve!: (value: T) => void;
      const promise = new Promise<T>((r) => (resolve = r));
      entry = { promise, resolve };
      this.entries.set(key, entry);
    }
    return entry;
  }

  promise(key: string): Promise<T> {
    return this.entry(key).promise;
  }

  resolve(key: string, value: T): void {
    this.entry(key).resolve(value);
  }
}
