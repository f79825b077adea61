import writeXlsxFile, { type Cell, type Row as SheetRow } from 'write-excel-file/node';
import { isoDateOf, clockOf, toLocal } from '../platform/calendar/index.js';
import type { Locale } from '../platform/db/schema.js';
import type { Message } from '../platform/message.js';
import { numberPages, pdfDate, pdfMoney, renderPdf } from '../platform/pdf.js';
import { SMALLEST_CELL } from './core/small-cells.js';
import type { MonthlyReport, ReportCell, ReportSection } from './core/monthly-report.js';

/**
 * The monthly report as files: a PDF to read (title, creditor, month, the moment of its figures, one table per section,
 * page numbers) and an XLSX workbook to compute with (one sheet per section, amounts and rates as numbers), both drawn
 * from the same composed report, in French, English or Italian.
 */

const m = (fr: string, en: string, it: string): Message => ({ fr, en, it });

const TEXTS = {
  title: m('Rapport mensuel', 'Monthly report', 'Rapporto mensile'),
  creditor: m('Créancier', 'Creditor', 'Creditore'),
  month: m('Mois', 'Month', 'Mese'),
  figuresAsOf: m('Chiffres calculés le', 'Figures computed on', 'Dati calcolati il'),
  notYet: m('pas encore calculés', 'not yet computed', 'non ancora calcolati'),
  composedAt: m('Rapport établi le', 'Report made on', 'Rapporto redatto il'),
  page: m('Page', 'Page', 'Pagina'),
  withheld: m(`moins de ${SMALLEST_CELL}`, `fewer than ${SMALLEST_CELL}`, `meno di ${SMALLEST_CELL}`),
  note: m(
    `Les effectifs de 1 à ${SMALLEST_CELL - 1} débiteurs fragiles sont masqués. Taux en pourcentage, arrondis au centième.`,
    `Counts of 1 to ${SMALLEST_CELL - 1} vulnerable debtors are withheld. Rates in per cent, rounded to the hundredth.`,
    `I conteggi da 1 a ${SMALLEST_CELL - 1} debitori fragili non sono mostrati. Tassi in percentuale, arrotondati al centesimo.`,
  ),
};

/** Sheet names: at most 31 characters, as Excel allows. */
const SHEETS: Record<ReportSection['key'], Message> = {
  summary: m('Synthèse', 'Summary', 'Sintesi'),
  vintages: m('Millésimes', 'Vintages', 'Annate'),
  outcomes: m('Résultats du mois', 'Outcomes', 'Risultati del mese'),
  first_payment: m('Premier paiement', 'First payment', 'Primo pagamento'),
  contacts: m('Contacts et plafonds', 'Contacts and caps', 'Contatti e limiti'),
  complaints: m('Réclamations', 'Complaints', 'Reclami'),
};

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

/** "novembre 2026", "November 2026", "novembre 2026". */
export function monthName(locale: Locale, month: string): string {
  return new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** A cell as the PDF writes it. */
export function cellText(cell: ReportCell, locale: Locale): string {
  const number = (value: number, decimals = 0) =>
    new Intl.NumberFormat(tag(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      .format(value)
      .replace(/[\u202f\u00a0]/g, ' ');
  switch (cell.kind) {
    case 'label':
      return cell.text[locale];
    case 'text':
      return cell.text;
    case 'count':
      return cell.value === null ? TEXTS.withheld[locale] : number(cell.value);
    case 'cents':
      return pdfMoney(locale, cell.value);
    case 'rate':
      return cell.bp === null ? '—' : `${number(cell.bp / 100, 2)} %`;
    case 'days':
      return cell.value === null ? '—' : number(cell.value);
  }
}

/** An instant on the agency's clock: "01/12/2026 06:00". */
function localInstant(locale: Locale, iso: string, zone: string): string {
  const local = toLocal(zone, new Date(iso).getTime());
  return `${pdfDate(locale, isoDateOf(local.dayNumber))} ${clockOf(local.minuteOfDay)}`;
}

/** The file names: `rapport-mensuel-<creditor code>-2026-11.pdf`. */
export function reportFileStem(report: Pick<MonthlyReport, 'month'>, creditorCode: string): string {
  return `rapport-mensuel-${creditorCode.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}-${report.month}`;
}

export async function monthlyReportPdf(report: MonthlyReport, locale: Locale, zone: string): Promise<Buffer> {
  const title = `${TEXTS.title[locale]} · ${report.creditorName} · ${monthName(locale, report.month)}`;
  return renderPdf(
    { title, createdAt: new Date(report.composedAt) },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(16).text(TEXTS.title[locale]);
      doc.font('Helvetica').fontSize(10).moveDown(0.3);
      doc.text(`${TEXTS.creditor[locale]} : ${report.creditorName}`);
      doc.text(`${TEXTS.month[locale]} : ${monthName(locale, report.month)}`);
      const refreshed = report.refreshedAt ? localInstant(locale, report.refreshedAt, zone) : TEXTS.notYet[locale];
      doc.text(`${TEXTS.figuresAsOf[locale]} ${refreshed}`);
      doc.text(`${TEXTS.composedAt[locale]} ${localInstant(locale, report.composedAt, zone)}`);
      doc.fontSize(8).fillColor('#444444').text(TEXTS.note[locale]).fillColor('#000000');
      for (const section of report.sections) drawSection(doc, section, locale);
      numberPages(
        doc,
        (page, total) => `${report.creditorName} · ${report.month} · ${TEXTS.page[locale]} ${page} / ${total}`,
      );
    },
    { bufferPages: true },
  );
}

const ROW_HEIGHT = 14;

/** A section: its title, then its table, the header repeated on a new page. */
function drawSection(doc: PDFKit.PDFDocument, section: ReportSection, locale: Locale): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const first = section.columns.length > 2 ? 80 : width * 0.6;
  const rest = (width - first) / Math.max(1, section.columns.length - 1);
  const xs = section.columns.map((_, index) => (index === 0 ? left : left + first + rest * (index - 1)));
  const widths = section.columns.map((_, index) => (index === 0 ? first : rest) - 4);
  const bottom = () => doc.page.height - doc.page.margins.bottom - ROW_HEIGHT;
  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y > bottom()) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    cells.forEach((text, index) =>
      doc.text(text, xs[index]!, y, { width: widths[index]!, align: index === 0 ? 'left' : 'right', lineBreak: false }),
    );
    doc.y = y + ROW_HEIGHT;
  };
  if (doc.y > bottom() - 3 * ROW_HEIGHT) doc.addPage();
  doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text(section.title[locale], left, doc.y);
  doc.moveDown(0.3);
  drawRow(
    section.columns.map((column) => column[locale]),
    true,
  );
  doc
    .moveTo(left, doc.y - 3)
    .lineTo(left + width, doc.y - 3)
    .lineWidth(0.5)
    .stroke();
  section.rows.forEach((row, index) =>
    drawRow(
      row.map((cell) => cellText(cell, locale)),
      section.totalRow && index === section.rows.length - 1,
    ),
  );
  doc.x = left;
}

/** A cell as the workbook keeps it: amounts, counts and rates as numbers, a withheld count as its words. */
function sheetCell(cell: ReportCell, locale: Locale): Cell {
  switch (cell.kind) {
    case 'label':
      return { type: String, value: cell.text[locale] };
    case 'text':
      return { type: String, value: cell.text };
    case 'count':
      return cell.value === null
        ? { type: String, value: TEXTS.withheld[locale] }
        : { type: Number, value: cell.value };
    case 'cents':
      return { type: Number, value: cell.value / 100, format: '#,##0.00' };
    case 'rate':
      return cell.bp === null ? null : { type: Number, value: cell.bp / 10_000, format: '0.00%' };
    case 'days':
      return cell.value === null ? null : { type: Number, value: cell.value };
  }
}

export async function monthlyReportXlsx(report: MonthlyReport, locale: Locale): Promise<Buffer> {
  const caption: SheetRow = [
    { type: String, value: `${TEXTS.title[locale]} · ${report.creditorName} · ${monthName(locale, report.month)}` },
  ];
  return writeXlsxFile(
    report.sections.map((section) => ({
      sheet: SHEETS[section.key][locale],
      stickyRowsCount: 3,
      columns: section.columns.map((_, index) => ({ width: index === 0 ? 40 : 16 })),
      data: [
        caption,
        [null],
        section.columns.map((column) => ({ type: String, value: column[locale], fontWeight: 'bold' as const })),
        ...section.rows.map((row) => row.map((cell) => sheetCell(cell, locale))),
      ],
    })),
  ).toBuffer();
}
