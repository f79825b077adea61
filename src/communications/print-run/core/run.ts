import { isIsoDate } from '../../../platform/calendar/index.js';

/**
 * A print run's pure rules: where each letter starts in the run's PDF (every letter on an odd page, for a duplex
 * printer), the mail house's manifest, and the list of returned letters a mail house sends back.
 */

/** A field of the manifest: a text starting like a formula written as text (CSV injection), quoted when needed. */
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A letter of the run, in the run's order, as the manifest names it. */
export interface RunLetter {
  letterReference: string;
  caseReference: string;
  addresseeName: string;
  postalCode: string;
  city: string;
  country: string;
  /** The letter's own pages, the blank back that may follow it left out. */
  pages: number;
}

export interface PlacedLetter extends RunLetter {
  sequence: number;
  firstPage: number;
  /** Sheets printed on both sides: half the pages, rounded up (an odd letter's last back is blank). */
  sheets: number;
}

export interface RunLayout {
  letters: PlacedLetter[];
  /** The pages of the run's PDF, the blank backs counted. */
  totalPages: number;
  totalSheets: number;
}

/** The sheets a letter of `pages` pages takes printed on both sides. */
export const sheetsOf = (pages: number) => Math.ceil(pages / 2);

/** Each letter's sequence (from 1), first page and sheets; a letter after an odd one starts after a blank page. */
export function layOut(letters: readonly RunLetter[]): RunLayout {
  let next = 1;
  const placed = letters.map((letter, index) => {
    if (!Number.isInteger(letter.pages) || letter.pages < 1) throw new Error('A letter has at least one page.');
    const sheets = sheetsOf(letter.pages);
    const at = { ...letter, sequence: index + 1, firstPage: next, sheets };
    next += 2 * sheets;
    return at;
  });
  return { letters: placed, totalPages: next - 1, totalSheets: (next - 1) / 2 };
}

export const MANIFEST_HEADER = [
  'sequence',
  'letter_reference',
  'case_reference',
  'addressee_name',
  'postal_code',
  'city',
  'country',
  'first_page',
  'pages',
  'sheets',
] as const;

/**
 * The manifest for the mail house: semicolon-separated (a French spreadsheet's), UTF-8 with a byte order mark, CRLF;
 * one line per letter in the PDF's order, then a TOTAL line with the letters, the PDF's pages (blank backs counted)
 * and the sheets. Texts are formula-proofed and quoted when needed.
 */
export function manifestCsv(layout: RunLayout): string {
  const rows = layout.letters.map((l) => [
    String(l.sequence),
    l.letterReference,
    l.caseReference,
    l.addresseeName,
    l.postalCode,
    l.city,
    l.country,
    String(l.firstPage),
    String(l.pages),
    String(l.sheets),
  ]);
  rows.push([
    'TOTAL',
    String(layout.letters.length),
    '',
    '',
    '',
    '',
    '',
    '',
    String(layout.totalPages),
    String(layout.totalSheets),
  ]);
  return '\uFEFF' + [[...MANIFEST_HEADER], ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** A line of a mail house's list of returned letters. */
export type ReturnLine =
  | { line: number; ok: true; letterReference: string; returnedOn: string; reason: string | null }
  | { line: number; ok: false; problem: 'columns' | 'reference' | 'date' | 'reason' };

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,79}$/;

/** Splits one CSV line on `separator`, with RFC 4180 quotes. */
function fields(line: string, separator: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/**
 * The returned letters a mail house lists: letter reference, return date (YYYY-MM-DD or DD/MM/YYYY), reason
 * (optional, up to 200 characters); separated by semicolons or commas (the first line tells), a header line skipped
 * (the first, with no digit in its date column), blank lines ignored. Each line is read on its own: a bad line is reported and
 * the others stand.
 */
export function parseReturns(text: string): ReturnLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const separator = first.includes(';') ? ';' : ',';
  const out: ReturnLine[] = [];
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const [reference = '', day = '', reason = '', ...rest] = fields(raw, separator);
    const returnedOn = calendarDay(day);
    // A header: the first line, with no digit where the date stands.
    if (raw === first && returnedOn === null && !/\d/.test(day)) return;
    const line = index + 1;
    if (rest.some((f) => f !== '')) out.push({ line, ok: false, problem: 'columns' });
    else if (!REFERENCE.test(reference)) out.push({ line, ok: false, problem: 'reference' });
    else if (returnedOn === null) out.push({ line, ok: false, problem: 'date' });
    else if (reason.length > 200) out.push({ line, ok: false, problem: 'reason' });
    else out.push({ line, ok: true, letterReference: reference, returnedOn, reason: reason === '' ? null : reason });
  });
  return out;
}

/** A day written YYYY-MM-DD or DD/MM/YYYY, as YYYY-MM-DD; null when it is no real day. */
function calendarDay(text: string): string | null {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : text;
  return isIsoDate(iso) ? iso : null;
}
