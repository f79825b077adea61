import { numberPages, pdfDate, pdfMoney, renderPdf } from '../platform/pdf.js';
import type { FirstLetter, LetterComponent, PaymentWay } from './core/first-letter.js';

/** Millimetres to PDF points. */
const mm = (value: number) => (value * 72) / 25.4;

/**
 * The window of a right-hand window envelope (DL, 45 × 100 mm, French practice): the address block starts 110 mm from
 * the sheet's left edge and 45 mm from its top, 80 mm wide (it ends 20 mm from the right edge), so a sheet folded in
 * three shows it and nothing else.
 */
export const WINDOW = { x: mm(110), y: mm(45), width: mm(80), height: mm(45) } as const;

const LEFT = 56;
const WIDTH = 595.28 - 2 * LEFT;

const CONTRACT_TYPES: Record<string, string> = {
  consumer_credit: 'crédit à la consommation',
  energy: 'fourniture d’énergie',
  overdraft: 'découvert bancaire',
  rent: 'loyers',
  telecom: 'services de télécommunication',
  other: 'contrat',
};

const COMPONENTS: Record<LetterComponent, string> = {
  principal: 'principal',
  interest: 'intérêts',
  accessory: 'autres accessoires',
};

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const longDate = (iso: string) => LONG_DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

const money = (cents: number) => pdfMoney('fr', cents);

function paymentWayText(way: PaymentWay): string {
  switch (way.kind) {
    case 'bank_transfer':
      return `par virement au compte de ${way.holder}, IBAN ${way.iban}${way.bic ? `, BIC ${way.bic}` : ''}, en indiquant la référence ${way.reference} ;`;
    case 'cheque':
      return `par chèque à l’ordre de ${way.payee}, adressé à ${way.address.join(', ')}, en inscrivant au dos la référence ${way.reference} ;`;
    case 'phone':
      return `en nous appelant au ${way.phone}, en rappelant la référence ${way.reference}, pour convenir d’un paiement échelonné ou d’un prélèvement adapté à votre situation.`;
  }
}

/**
 * The first letter as a PDF (A4, French): the agency's block, the debtor's address placed for a window envelope
 * with only the agency's name above it, then the five mentions of R124-4, page numbers at the foot of every page.
 */
export async function firstLetterPdf(letter: FirstLetter, createdAt: Date): Promise<Buffer> {
  return (await renderFirstLetter(letter, createdAt)).pdf;
}

/** The first letter's PDF with its number of pages (a print run's manifest counts them). */
export async function renderFirstLetter(letter: FirstLetter, createdAt: Date): Promise<{ pdf: Buffer; pages: number }> {
  let pages = 0;
  const pdf = await renderPdf(
    { title: `Lettre ${letter.letterReference}`, createdAt },
    (doc) => {
      pages = drawLetter(doc, letter, 0);
    },
    { bufferPages: true },
  );
  return { pdf, pages };
}

/**
 * Several letters in one PDF for a mail house's duplex printer: each starts on an odd page (a blank page follows a
 * letter with an odd number of pages), each numbered on its own ("LR-… · page 1 / 2"). Gives each letter's pages,
 * the blank page left out, in the order given.
 */
export async function printRunPdf(
  letters: readonly FirstLetter[],
  info: { title: string; createdAt: Date },
): Promise<{ pdf: Buffer; pages: number[] }> {
  const pages: number[] = [];
  const pdf = await renderPdf(
    info,
    (doc) => {
      letters.forEach((letter, index) => {
        if (index > 0) doc.addPage();
        const start = doc.bufferedPageRange().count - 1;
        const count = drawLetter(doc, letter, start);
        pages.push(count);
        if (count % 2 === 1) doc.addPage();
      });
    },
    { bufferPages: true },
  );
  return { pdf, pages };
}

/** One letter from the current page (index `start` of the buffered pages) on; gives its number of pages. */
function drawLetter(doc: PDFKit.PDFDocument, letter: FirstLetter, start: number): number {
  drawHeader(doc, letter);
  drawBody(doc, letter);
  const count = doc.bufferedPageRange().count - start;
  numberPages(doc, (page, total) => `${letter.letterReference} · page ${page} / ${total}`, { start, count });
  return count;
}

function drawHeader(doc: PDFKit.PDFDocument, letter: FirstLetter) {
  // 1° The agency, and that it collects amicably (inside the envelope: the left of the sheet shows through no window).
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(letter.agency.name, LEFT, 56, { width: mm(85) });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text('Agence de recouvrement amiable', { width: mm(85) });
  for (const line of letter.agency.address) doc.text(line, { width: mm(85) });
  doc.text(`Tél. ${letter.agency.phone}`, { width: mm(85) });
  // The window: the agency's neutral name as sender, then the debtor's address; nothing about the debt.
  doc
    .font('Helvetica')
    .fontSize(7)
    .text(letter.window.sender, WINDOW.x, WINDOW.y + 6, { width: WINDOW.width });
  doc.moveDown(0.6).fontSize(11);
  for (const line of letter.window.recipient) doc.text(line, WINDOW.x, doc.y, { width: WINDOW.width });
  doc.x = LEFT;
  doc.y = WINDOW.y + WINDOW.height + mm(12);
  doc.fontSize(10).text(`Le ${longDate(letter.sentOn)}`, LEFT, doc.y, { width: WIDTH, align: 'right' });
  doc.text(`Notre référence : ${letter.letterReference}`, LEFT, doc.y, { width: WIDTH });
  doc.text(`Dossier : ${letter.caseReference}`, { width: WIDTH });
  doc.moveDown(0.5).font('Helvetica-Bold');
  doc.text('Objet : demande de paiement amiable (article R124-4 du code des procédures civiles d’exécution)', {
    width: WIDTH,
  });
}

function drawBody(doc: PDFKit.PDFDocument, letter: FirstLetter) {
  const paragraph = (text: string, bold = false) =>
    doc
      .moveDown(0.5)
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .text(text, LEFT, doc.y, { width: WIDTH, align: 'left' });
  paragraph('Madame, Monsieur,');
  paragraph(
    `${letter.agency.name}, agence de recouvrement amiable, ${letter.agency.address.join(', ')}, est chargée par le créancier ci-dessous de recouvrer à l’amiable la somme qui lui reste due. Il s’agit d’un recouvrement amiable : aucune procédure judiciaire n’est engagée.`,
  );
  // 2° The creditor.
  paragraph('Créancier', true);
  const named = letter.creditor.legalName === letter.creditor.name ? '' : ` (${letter.creditor.name})`;
  doc.font('Helvetica').text(`${letter.creditor.legalName}${named}, ${letter.creditor.address.join(', ')}`, {
    width: WIDTH,
  });
  // 3° The basis and the amount, itemised.
  paragraph('Fondement de la créance', true);
  doc.font('Helvetica');
  for (const claim of letter.claims) {
    const origin = claim.originalCreditor ? `, créancier d’origine : ${claim.originalCreditor}` : '';
    doc.text(
      `Créance ${claim.reference} : ${CONTRACT_TYPES[claim.contractType] ?? CONTRACT_TYPES.other}, impayée depuis le ${pdfDate('fr', claim.defaultOn)}${origin}.`,
      { width: WIDTH },
    );
  }
  drawItemisation(doc, letter);
  // 4° The demand to pay and the ways to pay.
  paragraph(
    `Nous vous demandons de régler la somme de ${money(letter.itemisation.amountDemandedCents)} dès réception de la présente lettre, ou de nous contacter pour convenir d’une solution adaptée à votre situation. Vous pouvez payer :`,
  );
  for (const way of letter.paymentWays) doc.text(`– ${paymentWayText(way)}`, LEFT + 12, doc.y, { width: WIDTH - 12 });
  // 5° L111-8, paragraphs 2 and 3.
  paragraph('Article L111-8 du code des procédures civiles d’exécution, alinéas 2 et 3 :', true);
  letter.l1118.forEach((text, index) => {
    const quoted = `${index === 0 ? '« ' : ''}${text}${index === letter.l1118.length - 1 ? ' »' : ''}`;
    doc.font('Helvetica-Oblique').text(quoted, LEFT, doc.y, { width: WIDTH });
  });
  paragraph(
    `Les démarches qui suivront cette lettre rappelleront sa référence ${letter.letterReference} et sa date d’envoi.`,
  );
  paragraph('Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.');
  paragraph(letter.agency.name, true);
}

function drawItemisation(doc: PDFKit.PDFDocument, letter: FirstLetter) {
  const { lines, totals, amountDemandedCents } = letter.itemisation;
  const columns = [LEFT, LEFT + 180, LEFT + 330];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, k) =>
      doc.text(cell, columns[k], y, {
        width: k === 2 ? 100 : 150,
        align: k === 2 ? 'right' : 'left',
        lineBreak: false,
      }),
    );
    doc.x = LEFT;
    doc.y = y + 15;
  };
  doc.moveDown(0.5);
  row(['Créance', 'Nature', 'Montant'], true);
  for (const line of lines) row([line.claimReference, COMPONENTS[line.component], money(line.amountCents)]);
  doc.moveDown(0.3);
  row(['Total principal', '', money(totals.principal)]);
  row(['Total intérêts', '', money(totals.interest)]);
  row(['Total autres accessoires', '', money(totals.accessory)]);
  row(['Montant total demandé', '', money(amountDemandedCents)], true);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text('Ce montant ne comprend aucuns frais de recouvrement (article L111-8 ci-dessous).', LEFT, doc.y, {
      width: WIDTH,
    });
}
