import { drawWindow, LEFT, mm, paragraph, WIDTH } from '../../communications/letter-layout.js';
import { numberPages, renderPdf } from '../../platform/pdf.js';
import type { ReferralLetter } from './core/referral-letter.js';

/**
 * The referral letter as a PDF (A4), on the sheet the agency's other letters use (communications/letter-layout.ts):
 * the agency's block top left, inside the envelope; the debtor's address where a window envelope shows it, with only
 * the agency's neutral name above it; then the letter's paragraphs, and its reference on every page.
 */
export async function referralLetterPdf(letter: ReferralLetter, createdAt: Date): Promise<Buffer> {
  return renderPdf(
    { title: letter.letterReference, createdAt },
    (doc) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(12)
        .text(letter.agency[0] ?? '', LEFT, 56, { width: mm(85) });
      doc.font('Helvetica').fontSize(9);
      for (const line of letter.agency.slice(1)) doc.text(line, { width: mm(85) });
      drawWindow(doc, letter.window);
      doc.fontSize(10).text(letter.heading[0] ?? '', LEFT, doc.y, { width: WIDTH, align: 'right' });
      for (const line of letter.heading.slice(1)) doc.text(line, LEFT, doc.y, { width: WIDTH });
      for (const block of letter.blocks) paragraph(doc, block.text, block.bold ?? false);
      numberPages(doc, (page, total) => `${letter.letterReference} · ${page} / ${total}`);
    },
    { bufferPages: true },
  );
}
