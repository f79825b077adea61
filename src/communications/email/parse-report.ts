import { simpleParser } from 'mailparser';
import { AppError } from '../../platform/errors.js';
import { looksLikeMessage, readReport, type ReadReport, type ReportPart } from './core/delivery-report.js';

/** Reports are small: the relay returns the original's headers only (or a short message). */
const MAX_PARTS = 50;

export const notAMessage = () =>
  new AppError(
    'inbound_mail.not_a_message',
    400,
    'The body is not an e-mail message: send the raw message (RFC 5322) as the relay received it, with Content-Type message/rfc822.',
  );

/**
 * Parses a raw e-mail (a bounce, a complaint, or anything the relay hands on) with mailparser and reads what it
 * reports (`core/delivery-report.ts`). The machine-readable parts are kept as parts, never folded into the text, and
 * an embedded original is kept whole: only its headers are read.
 */
export async function parseReport(raw: Buffer): Promise<ReadReport> {
  if (!looksLikeMessage(raw)) throw notAMessage();
  let parsed;
  try {
    parsed = await simpleParser(raw, {
      keepDeliveryStatus: true,
      ignoreEmbedded: true,
      checksumAlgo: false,
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      maxChildNodes: MAX_PARTS,
    });
  } catch {
    throw notAMessage();
  }
  const contentType = parsed.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const parts: ReportPart[] = parsed.attachments.map((attachment) => ({
    contentType: attachment.contentType.toLowerCase(),
    text: attachment.content.toString('utf8'),
  }));
  return readReport({
    contentType: contentType?.value?.toLowerCase() ?? null,
    reportType: contentType?.params?.['report-type']?.toLowerCase() ?? null,
    parts,
  });
}
