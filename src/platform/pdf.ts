import PDFDocument from 'pdfkit';
import type { Locale } from './db/schema.js';
import { formatEuros } from './money.js';

/** Documents for people (schedules, receipts, statements): A4, the standard fonts, produced in memory. */
export async function renderPdf(
  info: { title: string; createdAt: Date },
  draw: (doc: PDFKit.PDFDocument) => void,
  options: { bufferPages?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: options.bufferPages ?? false,
    info: { Title: info.title, Producer: 'Accord', Creator: 'Accord', CreationDate: info.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

/** One formatter per locale, made once: making an Intl formatter costs far more than formatting with it. */
function perLocale<F>(make: (tag: string) => F): (locale: Locale) => F {
  const made = new Map<Locale, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(tag(locale))));
    return formatter;
  };
}

const dateFormat = perLocale((tag) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC' }));

/** Euros from integer cents, with the standard fonts' plain spaces (they lack the narrow no-break space). */
export const pdfMoney = formatEuros;

export const pdfDate = (locale: Locale, iso: string) =>
  dateFormat(locale).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/**
 * Writes "label n / total" at the foot of every page (or of the pages of `range`, one letter among several), once
 * everything is drawn; the document must have been opened with `bufferPages` (renderPdf's option). The bottom margin
 * is lifted while writing so no page is added.
 */
export function numberPages(
  doc: PDFKit.PDFDocument,
  label: (page: number, total: number) => string,
  range: { start: number; count: number } = doc.bufferedPageRange(),
): void {
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(label(index - range.start + 1, range.count), doc.page.margins.left, doc.page.height - 36, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
