import type { ReminderLetter } from './core/reminder-letter.js';
import { reminderHeading } from './core/reminder-letter.js';
import { drawWindow, LEFT, mm, paragraph, WIDTH } from './letter-layout.js';
import { drawPortalQr } from './letter-qr.js';

/** The QR code's caption, in the letter's language. */
const QR_CAPTION = {
  fr: 'Ou scannez ce code avec votre téléphone : il ouvre votre espace en ligne avec votre code d’accès déjà saisi.',
  en: 'Or scan this code with your phone: it opens your online space with your access code filled in.',
  it: 'Oppure inquadri questo codice con il telefono: apre la sua area online con il codice di accesso già inserito.',
} as const;

const PHONE = { fr: 'Tél.', en: 'Tel.', it: 'Tel.' } as const;

/**
 * A reminder letter on the first letter's sheet (letter-layout.ts): the agency's block on the left, the window with
 * only the agency's name above the debtor's address, the date, the references and a subject citing the first letter,
 * then the body as the template rendered it (a paragraph per blank line), and the portal's QR code when there is one.
 * The caller numbers the pages (first-letter-pdf.ts draws every letter of a run).
 */
export function drawReminderLetter(doc: PDFKit.PDFDocument, letter: ReminderLetter): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(letter.agency.name, LEFT, 56, { width: mm(85) });
  doc.font('Helvetica').fontSize(9);
  for (const line of letter.agency.address) doc.text(line, { width: mm(85) });
  doc.text(`${PHONE[letter.language]} ${letter.agency.phone}`, { width: mm(85) });
  drawWindow(doc, letter.window);
  const heading = reminderHeading(letter);
  doc.fontSize(10).text(heading.date, LEFT, doc.y, { width: WIDTH, align: 'right' });
  for (const line of heading.lines) doc.text(line, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.5).font('Helvetica-Bold').text(heading.subject, { width: WIDTH });
  for (const block of letter.body.split(/\n\s*\n/)) if (block.trim() !== '') paragraph(doc, block.trim());
  if (letter.portalLink) {
    doc.moveDown(0.5);
    drawPortalQr(doc, letter.portalLink, QR_CAPTION[letter.language]);
  }
}
