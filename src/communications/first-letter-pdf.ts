import { numberPages, pdfDate, pdfMoney, renderPdf } from '../platform/pdf.js';
import type { FirstLetter, LetterComponent, PaymentWay } from './core/first-letter.js';
import type { ItalianFirstLetter } from './core/first-letter-it-check.js';
import { drawItalianLetter } from './first-letter-pdf-it.js';
import type { ReminderLetter } from './core/reminder-letter.js';
import { drawReminderLetter } from './reminder-letter-pdf.js';
import { drawAmountTable, drawWindow, LEFT, mm, paragraph as writeParagraph, WIDTH } from './letter-layout.js';
import { drawPortalQr, portalLink } from './letter-qr.js';

export { WINDOW } from './letter-layout.js';

/** A case's first letter, French or Italian, or a reminder letter after it, as the PDF draws it. */
type AnyLetter = FirstLetter | ItalianFirstLetter | ReminderLetter;

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
      return `en nous appelant au ${way.phone}, en rappelant la référence ${way.reference}, pour convenir d’un paiement échelonné ou d’un prélèvement adapté à votre situation ;`;
    case 'online':
      return `sur votre espace en ligne, ${way.url}, avec votre code d’accès ${way.accessCode} et votre date de naissance : vous y voyez votre dossier et pouvez nous écrire à toute heure.`;
  }
}

/**
 * The first letter as a PDF (A4): the agency's block, the debtor's address placed for a window envelope with only the
 * agency's name above it, then the French letter's five mentions of R124-4 or the Italian letter's blocks, page
 * numbers at the foot of every page.
 */
export async function firstLetterPdf(letter: AnyLetter, createdAt: Date): Promise<Buffer> {
  return (await renderFirstLetter(letter, createdAt)).pdf;
}

/** A letter's PDF (a first letter or a reminder) with its number of pages (a print run's manifest counts them). */
export async function renderFirstLetter(letter: AnyLetter, createdAt: Date): Promise<{ pdf: Buffer; pages: number }> {
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
  letters: readonly AnyLetter[],
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
function drawLetter(doc: PDFKit.PDFDocument, letter: AnyLetter, start: number): number {
  if ('kind' in letter) drawReminderLetter(doc, letter);
  else if (letter.law === 'IT') drawItalianLetter(doc, letter);
  else {
    drawHeader(doc, letter);
    drawBody(doc, letter);
  }
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
  drawWindow(doc, letter.window);
  doc.fontSize(10).text(`Le ${longDate(letter.sentOn)}`, LEFT, doc.y, { width: WIDTH, align: 'right' });
  doc.text(`Notre référence : ${letter.letterReference}`, LEFT, doc.y, { width: WIDTH });
  doc.text(`Dossier : ${letter.caseReference}`, { width: WIDTH });
  doc.moveDown(0.5).font('Helvetica-Bold');
  doc.text('Objet : demande de paiement amiable (article R124-4 du code des procédures civiles d’exécution)', {
    width: WIDTH,
  });
}

function drawBody(doc: PDFKit.PDFDocument, letter: FirstLetter) {
  const paragraph = (text: string, bold = false) => writeParagraph(doc, text, bold);
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
  const link = portalLink(letter.paymentWays);
  if (link) {
    doc.moveDown(0.5);
    drawPortalQr(
      doc,
      link,
      'Ou scannez ce code avec votre téléphone : il ouvre votre espace en ligne avec votre code d’accès déjà saisi. Votre date de naissance vous sera demandée.',
    );
  }
  // 5° L111-8, paragraphs 2 and 3.
  paragraph('Article L111-8 du code des procédures civiles d’exécution, alinéas 2 et 3 :', true);
  letter.l1118.forEach((text, index) => {
    const quoted = `${index === 0 ? '«\u00a0' : ''}${text}${index === letter.l1118.length - 1 ? '\u00a0»' : ''}`;
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
  drawAmountTable(doc, {
    header: ['Créance', 'Nature', 'Montant'],
    rows: lines.map((line) => [line.claimReference, COMPONENTS[line.component], money(line.amountCents)]),
    totals: [
      ['Total principal', '', money(totals.principal)],
      ['Total intérêts', '', money(totals.interest)],
      ['Total autres accessoires', '', money(totals.accessory)],
      ['Montant total demandé', '', money(amountDemandedCents)],
    ],
  });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text('Ce montant ne comprend aucuns frais de recouvrement (article L111-8 ci-dessous).', LEFT, doc.y, {
      width: WIDTH,
    });
}
