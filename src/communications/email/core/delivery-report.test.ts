import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldGroups, looksLikeMessage, readReport, type MailReport } from './delivery-report.js';
import { messageIdFor, outboundIdOf, senderAddress, senderDomain, unsubscribeUrl } from './message-id.js';

const ORIGINAL = '0193d8a4-6b1e-7c2a-9f4e-1a2b3c4d5e6f';
const headers = `From: Accord <contact@accord.example.fr>\nTo: x@example.org\nMessage-ID: <${ORIGINAL}@accord.example.fr>\nSubject: Votre dossier\n`;

const dsn = (recipients: string[], perMessage = 'Reporting-MTA: dns; relay.example'): MailReport => ({
  contentType: 'multipart/report',
  reportType: 'delivery-status',
  parts: [
    { contentType: 'message/delivery-status', text: [perMessage, ...recipients].join('\n\n') },
    { contentType: 'text/rfc822-headers', text: headers },
  ],
});
const recipient = (action: string, status: string) =>
  `Final-Recipient: rfc822; x@example.org\nAction: ${action}\nStatus: ${status}\nDiagnostic-Code: smtp; 550 ${status}\n  <x@example.org>: refused`;

describe('reading a delivery status notification (RFC 3464)', () => {
  it('reads a permanent failure of the address as a bounce, with the status and its meaning but no address', () => {
    const read = readReport(dsn([recipient('failed', '5.1.1')]));
    expect(read).toEqual({
      understood: 'bounced',
      detail: '5.1.1 bad destination mailbox address',
      originalMessageId: `<${ORIGINAL}@accord.example.fr>`,
      envelopeId: null,
    });
  });

  it('reads a refusal for content or policy as a failed message, not a bad address', () => {
    expect(readReport(dsn([recipient('failed', '5.7.1')])).understood).toBe('failed');
    expect(readReport(dsn([recipient('failed', '5.6.0')])).understood).toBe('failed');
  });

  it('ignores delays and temporary failures, and reads a delivery', () => {
    expect(readReport(dsn([recipient('delayed', '4.4.1')])).understood).toBe('ignored');
    expect(readReport(dsn([recipient('failed', '4.2.2')])).understood).toBe('ignored');
    expect(readReport(dsn([recipient('relayed', '2.0.0')])).understood).toBe('ignored');
    expect(readReport(dsn([recipient('delivered', '2.0.0')])).understood).toBe('delivered');
  });

  it('lets the strongest recipient speak, in any order', () => {
    const actions = fc.constantFrom(
      ['failed', '5.1.1'],
      ['failed', '5.7.1'],
      ['delivered', '2.0.0'],
      ['delayed', '4.4.1'],
    );
    fc.assert(
      fc.property(fc.array(actions, { minLength: 1, maxLength: 5 }), (list) => {
        const understood = readReport(dsn(list.map(([action, status]) => recipient(action!, status!)))).understood;
        const expected = list.some(([, s]) => s === '5.1.1')
          ? 'bounced'
          : list.some(([, s]) => s === '5.7.1')
            ? 'failed'
            : list.some(([a]) => a === 'delivered')
              ? 'delivered'
              : 'ignored';
        expect(understood).toBe(expected);
      }),
    );
  });

  it('gives the envelope id the relay quotes', () => {
    const read = readReport(
      dsn([recipient('failed', '5.1.1')], `Original-Envelope-Id: ${ORIGINAL}\nReporting-MTA: dns; x`),
    );
    expect(read.envelopeId).toBe(ORIGINAL);
  });

  it('reads fields continued on the next lines, case aside', () => {
    expect(fieldGroups('ACTION: failed\nDiagnostic-Code: smtp; 550\n  more\n\nStatus: 5.1.1\r\n')).toEqual([
      new Map([
        ['action', 'failed'],
        ['diagnostic-code', 'smtp; 550 more'],
      ]),
      new Map([['status', '5.1.1']]),
    ]);
  });
});

describe('reading a complaint (ARF, RFC 5965)', () => {
  const arf = (type: string): MailReport => ({
    contentType: 'multipart/report',
    reportType: 'feedback-report',
    parts: [
      { contentType: 'message/feedback-report', text: `Feedback-Type: ${type}\nVersion: 1\n` },
      { contentType: 'message/rfc822', text: `${headers}\nBonjour,\n` },
    ],
  });

  it('reads an abuse report as a complaint about the original', () => {
    expect(readReport(arf('abuse'))).toMatchObject({
      understood: 'complained',
      originalMessageId: `<${ORIGINAL}@accord.example.fr>`,
    });
  });

  it('ignores other feedback and any message that is no report', () => {
    expect(readReport(arf('not-spam')).understood).toBe('ignored');
    expect(readReport({ contentType: 'text/plain', reportType: null, parts: [] }).understood).toBe('ignored');
  });
});

describe('Message-IDs, opt-out links and what a message looks like', () => {
  it('finds the outbox id in the Message-ID it wrote, and only at its own domain', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom('accord.example.fr', 'Accord.Example.FR'), (id, domain) => {
        expect(outboundIdOf(messageIdFor(id, domain), 'accord.example.fr')).toBe(id.toLowerCase());
        expect(outboundIdOf(messageIdFor(id, 'other.example'), 'accord.example.fr')).toBeNull();
      }),
    );
    expect(outboundIdOf('<20261130081502.4QnB2k0Z7Tz9sWq@accord.example.fr>', 'accord.example.fr')).toBeNull();
  });

  it('reads the sender address and domain of MAIL_FROM', () => {
    expect(senderAddress('Accord <contact@Accord.Example.fr>')).toBe('contact@Accord.Example.fr');
    expect(senderDomain('contact@Accord.Example.fr')).toBe('accord.example.fr');
    expect(() => senderAddress('Accord')).toThrow(/MAIL_FROM/);
  });

  it('builds the opt-out link under the public address', () => {
    expect(unsubscribeUrl('https://accord.example.fr/', 'abc_DEF-123')).toBe(
      'https://accord.example.fr/api/v1/unsubscribe/abc_DEF-123',
    );
  });

  it('takes as a message only what begins with a header field', () => {
    expect(looksLikeMessage(Buffer.from('From: a@b.c\n\nhi'))).toBe(true);
    expect(looksLikeMessage(Buffer.from('From MAILER-DAEMON Mon Nov 30 09:15:02 2026\nFrom: a@b.c\n\nhi'))).toBe(true);
    expect(looksLikeMessage(Buffer.from(''))).toBe(false);
    expect(looksLikeMessage(Buffer.from('garbage without headers'))).toBe(false);
    expect(looksLikeMessage(Buffer.from('Subject: x\n\u0000'))).toBe(false);
  });
});
