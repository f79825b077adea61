import type { ItalianFirstLetter } from './core/first-letter-it-check.js';
import { drawAmountTable, drawWindow, LEFT, mm, paragraph, WIDTH } from './letter-layout.js';
import { drawPortalQr, portalLink } from './letter-qr.js';

/**
 * The Italian first letter on the page, from the current one: the agency's block on the left (its name, address and
 * phone, no word of debt: nothing above the fold says what the letter is about), the window with only the agency's name
 * above the debtor's address, the date and references under it, then the letter's blocks as composed, each text
 * printed as the checker read it.
 */
export function drawItalianLetter(doc: PDFKit.PDFDocument, letter: ItalianFirstLetter): void {
  const top = doc.page.margins.top;
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(letter.agency.name, LEFT, top, { width: mm(85) });
  doc.font('Helvetica').fontSize(9);
  for (const line of letter.agency.address) doc.text(line, { width: mm(85) });
  doc.text(`Tel. ${letter.agency.phone}`, { width: mm(85) });
  drawWindow(doc, letter.window);
  doc.fontSize(10).text(letter.heading.date, LEFT, doc.y, { width: WIDTH, align: 'right' });
  for (const line of letter.heading.references) doc.text(line, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.5).font('Helvetica-Bold').text(letter.heading.subject, { width: WIDTH });
  for (const block of letter.blocks) {
    if (block.heading) paragraph(doc, block.heading, true);
    block.lines.forEach((line, index) => {
      if (index === 0 && !block.heading) paragraph(doc, line);
      else doc.font('Helvetica').fontSize(10).text(line, LEFT, doc.y, { width: WIDTH });
    });
    if (block.table) drawAmountTable(doc, block.table);
    const link = block.mention === 'payment' ? portalLink(letter.paymentWays) : null;
    if (link) {
      doc.moveDown(0.5);
      drawPortalQr(
        doc,
        link,
        'Oppure inquadri questo codice con il telefono: apre il Suo spazio online con il codice di accesso già inserito. Le sarà chiesta la Sua data di nascita.',
      );
    }
  }
}
