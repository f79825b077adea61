import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailTransport } from '../transports.js';
import { unsubscribeUrl } from './core/message-id.js';
import { startDemoMailSink, type DemoMailSink } from './demo-mail-sink.js';
import { createSmtpTransport } from './smtp-transport.js';

const MAIL_FROM = 'Accord Services <contact@accord.example.fr>';
const PUBLIC_URL = 'https://accord.example.fr';

describe('e-mail through SMTP, received by a local SMTP server (the demo sink)', () => {
  let dir: string;
  let sink: DemoMailSink;
  let transport: EmailTransport;

  const received = () => readdirSync(dir).filter((name) => name.endsWith('.eml'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-mail-sink-'));
    sink = await startDemoMailSink({ dir, port: 0 });
    transport = createSmtpTransport({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM, PUBLIC_URL })!;
  });
  afterAll(async () => {
    await transport.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is not built without a relay, a sender or a public address', () => {
    expect(createSmtpTransport({ SMTP_URL: undefined, MAIL_FROM, PUBLIC_URL })).toBeNull();
    expect(createSmtpTransport({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: undefined, PUBLIC_URL })).toBeNull();
    expect(createSmtpTransport({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM, PUBLIC_URL: undefined })).toBeNull();
  });

  it('sends from the agency, with a Message-ID of the outbox id and the one-click opt-out headers', async () => {
    const messageId = '0193d8a4-1111-7c2a-9f4e-1a2b3c4d5e6f';
    const link = unsubscribeUrl(PUBLIC_URL, 'Jx2w0rQ5c8mV7kYpL3nB9tHf6sDaZ1eU4gRiOyWq');
    const sent = await transport.send({
      messageId,
      to: 'marie.martin@example.net',
      subject: 'Votre dossier AC-2026-000123',
      text: 'Bonjour,\n\nMerci de nous rappeler au 01 84 80 00 00.\n\nPour ne plus recevoir d’e-mails : ' + link,
      unsubscribeUrl: link,
    });
    expect(sent).toEqual({ providerId: `<${messageId}@accord.example.fr>` });

    expect(received()).toHaveLength(1);
    const mail = await simpleParser(readFileSync(join(dir, received()[0]!)));
    expect(mail.from?.value).toEqual([{ name: 'Accord Services', address: 'contact@accord.example.fr' }]);
    expect(mail.messageId).toBe(`<${messageId}@accord.example.fr>`);
    expect(mail.subject).toBe('Votre dossier AC-2026-000123');
    // mailparser gathers the List-* headers into `list`: the lines as received are the RFC 8058 form.
    const line = (key: string) => mail.headerLines.find((header) => header.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(line('list-unsubscribe')).toBe(`List-Unsubscribe: <${link}>`);
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Merci de nous rappeler');
    expect(mail.text).toContain(link);
  });

  it('refuses a subject that discloses the debt, and nothing leaves', async () => {
    const before = received().length;
    await expect(
      transport.send({
        messageId: '0193d8a4-2222-7c2a-9f4e-1a2b3c4d5e6f',
        to: 'marie.martin@example.net',
        subject: 'Relance : 120,50 € impayés',
        text: 'Bonjour',
        unsubscribeUrl: unsubscribeUrl(PUBLIC_URL, 'token-token-token-1'),
      }),
    ).rejects.toMatchObject({ code: 'communications.subject_discloses_debt' });
    expect(received()).toHaveLength(before);
  });
});
