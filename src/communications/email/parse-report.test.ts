import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse-report.js';

const example = (name: string) => readFileSync(join(process.cwd(), 'examples', 'mail', name));

describe('parsing what the relay hands on (mailparser)', () => {
  it('reads the Postfix bounce: a bounce of the e-mail whose headers it returns', async () => {
    expect(await parseReport(example('postfix-bounce.eml'))).toEqual({
      understood: 'bounced',
      detail: '5.1.1 bad destination mailbox address',
      originalMessageId: '<0193d8a4-6b1e-7c2a-9f4e-1a2b3c4d5e6f@accord.example.fr>',
      envelopeId: null,
    });
  });

  it('reads the complaint: abuse, about the message it carries', async () => {
    expect(await parseReport(example('arf-complaint.eml'))).toMatchObject({
      understood: 'complained',
      originalMessageId: '<0193d8a4-9c3d-7e11-8a5b-6f7e8d9c0b1a@accord.example.fr>',
    });
  });

  it('reads a bounce that returns the whole original as an attachment, and its envelope id', async () => {
    const raw = [
      'From: postmaster@mx.example.org',
      'To: contact@accord.example.fr',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type="delivery-status"; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Delivery has failed to these recipients.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns;mx.example.org',
      'Original-Envelope-Id: 0193d8a4-6b1e-7c2a-9f4e-1a2b3c4d5e6f',
      '',
      'Final-Recipient: rfc822;jean@example.org',
      'Action: failed',
      'Status: 5.2.1',
      '--b1',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment',
      '',
      'From: Accord <contact@accord.example.fr>',
      'Message-ID: <0193d8a4-6b1e-7c2a-9f4e-1a2b3c4d5e6f@accord.example.fr>',
      'Subject: Votre dossier',
      '',
      'Bonjour',
      '--b1--',
      '',
    ].join('\r\n');
    expect(await parseReport(Buffer.from(raw))).toEqual({
      understood: 'bounced',
      detail: '5.2.1 mailbox disabled',
      originalMessageId: '<0193d8a4-6b1e-7c2a-9f4e-1a2b3c4d5e6f@accord.example.fr>',
      envelopeId: '0193d8a4-6b1e-7c2a-9f4e-1a2b3c4d5e6f',
    });
  });

  it('refuses what is no message with a typed error', async () => {
    await expect(parseReport(Buffer.from('not an e-mail'))).rejects.toMatchObject({
      code: 'inbound_mail.not_a_message',
      status: 400,
    });
  });
});
