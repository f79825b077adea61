import { SMTPServer } from 'smtp-server';

/**
 * The people's mailboxes: an SMTP server on 127.0.0.1 (the `smtp-server` package, as the demo's sink) that the
 * product's own SMTP door (`SMTP_URL`) delivers the one-time codes to. A visitor waits for the next mail to their
 * address and reads the six digits in it, as a person reads them in their inbox.
 */
export interface Mailboxes {
  port: number;
  /** The code of the next mail to `address` (the wait starts before the code is asked for). */
  nextCode(address: string, timeoutMs: number): Promise<string>;
  close(): Promise<void>;
}

/** The six digits of a one-time code's mail: its body, quoted-printable soft breaks undone. */
export function codeInMail(raw: string): string | null {
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).replace(/=\r?\n/g, '');
  return /\b(\d{6})\b/.exec(body)?.[1] ?? null;
}

export async function startMailboxes(): Promise<Mailboxes> {
  const waiting = new Map<string, (code: string | null) => void>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const code = codeInMail(Buffer.concat(chunks).toString('utf8'));
        for (const recipient of session.envelope.rcptTo) {
          const address = recipient.address.toLowerCase();
          waiting.get(address)?.(code);
          waiting.delete(address);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    nextCode(to, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(to);
          reject(new Error(`no code mailed to ${to} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(to.toLowerCase(), (code) => {
          clearTimeout(timer);
          if (code) resolve(code);
          else reject(new Error(`no six-digit code in the mail to ${to}`));
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
