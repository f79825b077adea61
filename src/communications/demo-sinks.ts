import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../platform/config.js';
import { startDemoMailSink } from './email/demo-mail-sink.js';
import { startDemoSmsSink } from './sms/demo-sms-sink.js';

/**
 * `npm run demo` sends for real, to sinks on this machine: an SMTP server that keeps each e-mail as an `.eml` file and
 * an SMPP server that keeps each SMS as a line of `sms.jsonl` and answers with delivery receipts. Settings the
 * operator gave win: a demo pointed at a real relay uses it.
 */
export async function startDemoSinks(config: Config): Promise<{ config: Config; lines: string[] }> {
  const outbox = resolve(config.DATA_DIR, 'demo-outbox');
  await mkdir(outbox, { recursive: true });
  const lines: string[] = [];
  let next = config;
  if (!config.SMTP_URL) {
    const mail = await startDemoMailSink({ dir: join(outbox, 'mail'), port: 0 });
    next = {
      ...next,
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      MAIL_FROM: config.MAIL_FROM ?? 'Accord <contact@accord.example>',
      PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    };
    lines.push(`E-mails go to a local sink: each is a file in ${join(outbox, 'mail')}`);
  }
  if (!config.SMPP_URL) {
    const password = randomBytes(4).toString('hex');
    const sms = await startDemoSmsSink({ dir: join(outbox, 'sms'), port: 0, systemId: 'accord', password });
    next = {
      ...next,
      SMPP_URL: `smpp://accord:${password}@127.0.0.1:${sms.port}`,
      SMS_SENDER: config.SMS_SENDER ?? 'Accord',
    };
    lines.push(`SMS go to a local SMPP sink: one line each in ${sms.file}`);
  }
  return { config: next, lines };
}
