import type { Readable } from 'node:stream';
import fc from 'fast-check';
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { readSheet, styleFormats } from '../../../test/support/xlsx.js';
import { CSV_BOM, csvField, csvLines } from './csv.js';
import { exportContext, pagesOf, sendExport, type ExportSent, type ExportTable } from './send.js';
import { EXPORT_MAX_ROWS, type ExportColumn } from './table.js';
import { xlsxBuffer } from './xlsx.js';

interface Line {
  name: string;
  cents: number;
  on: string;
  at: string;
}
const columns: ExportColumn<Line>[] = [
  { header: { fr: 'Nom', en: 'Name', it: 'Nome' }, kind: 'text', value: (l) => l.name },
  { header: { fr: 'Montant', en: 'Amount', it: 'Importo' }, kind: 'cents', value: (l) => l.cents },
  { header: { fr: 'Date', en: 'Date', it: 'Data' }, kind: 'date', value: (l) => l.on },
  { header: { fr: 'Reçu', en: 'Received', it: 'Ricevuto' }, kind: 'instant', value: (l) => l.at },
];
const lines: Line[] = [
  { name: 'Dupont; "Jean"', cents: 456525, on: '2026-03-02', at: '2026-03-02T08:30:00Z' },
  { name: '=HYPERLINK("http://x")', cents: -1250, on: '2026-12-31', at: '2026-07-01T22:15:00Z' },
];
async function* once<T>(rows: T[]) {
  yield rows;
}
async function text(locale: 'fr' | 'en') {
  let out = '';
  for await (const chunk of csvLines(columns, once(lines), { locale, zone: 'Europe/Paris' })) out += chunk;
  return out;
}

describe('CSV export', () => {
  it('starts with a BOM, heads its columns in the reader’s language and writes French numbers and local times', async () => {
    const csv = await text('fr');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Nom;Montant;Date;Reçu',
      '"Dupont; ""Jean""";4565,25;2026-03-02;2026-03-02 09:30',
      `"'=HYPERLINK(""http://x"")";-12,50;2026-12-31;2026-07-02 00:15`,
      '',
    ]);
  });

  it('uses commas and decimal points in English', async () => {
    expect((await text('en')).split('\r\n')[1]).toBe('"Dupont; ""Jean""",4565.25,2026-03-02,2026-03-02 09:30');
  });

  it('never lets a text start a formula, and reads back every text as written', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(';', ','), (value, separator) => {
        const field = csvField(value, separator);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
        expect(unquoted === value || unquoted === `'${value}`).toBe(true);
        if (!field.startsWith('"')) expect(field.includes(separator) || field.includes('\n')).toBe(false);
      }),
    );
  });
});

describe('XLSX export', () => {
  it('writes amounts as numbers with 2 decimals, dates as dates and texts as texts, never formulas', async () => {
    const buffer = await xlsxBuffer(columns, once(lines), { locale: 'fr', zone: 'Europe/Paris', sheetName: 'Lignes' });
    const rows = readSheet(buffer);
    const formats = styleFormats(buffer);
    expect(rows[0]!.map((cell) => cell.value)).toEqual(['Nom', 'Montant', 'Date', 'Reçu']);
    const [name, amount, on, at] = rows[2]!;
    expect(name!.value).toBe('=HYPERLINK("http://x")');
    expect(amount!.value).toBe(-12.5);
    expect(formats[amount!.style]).toBe('#,##0.00');
    // 2026-12-31 is day 46,387 counted from 1899-12-30, as spreadsheets count.
    expect(on!.value).toBe(46387);
    expect(formats[on!.style]).toBe('dd/mm/yyyy');
    expect(at!.value).toBeCloseTo(46205 + 15 / (24 * 60), 6);
    expect(formats[at!.style]).toBe('dd/mm/yyyy hh:mm');
    expect(buffer.toString('latin1')).not.toContain('<f>');
  });
});

describe('recording an export', () => {
  /** A reply that hands back what is sent: the CSV stream or the XLSX buffer. */
  const reply = () => {
    const fake = { type: () => fake, header: () => fake, send: (body: unknown) => body };
    return fake as unknown as FastifyReply;
  };
  const table = (count: number): ExportTable<Line> => ({
    fileStem: 'lines',
    title: { fr: 'Lignes', en: 'Lines', it: 'Righe' },
    columns,
    readPage: pagesOf(async () => Array.from({ length: count }, () => lines[0]!)),
  });
  const context = (format: 'csv' | 'xlsx', sent: ExportSent[]) =>
    exportContext({ config: { AGENCY_TZ: 'Europe/Paris' }, now: () => new Date() }, { locale: 'fr' }, format, (s) => {
      sent.push(s);
      return Promise.resolve();
    });

  it('records the rows of a whole CSV before its last page is written, and of a whole XLSX before it is sent', async () => {
    const sent: ExportSent[] = [];
    const stream = (await sendExport(reply(), context('csv', sent), table(2500))) as unknown as Readable;
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2501);
    expect(sent).toEqual([{ rows: 2500, completed: true }]);
    await sendExport(reply(), context('xlsx', sent), table(3));
    expect(sent[1]).toEqual({ rows: 3, completed: true });
  });

  it('records what was read when the reader goes away before the end', async () => {
    const sent: ExportSent[] = [];
    const stream = (await sendExport(reply(), context('csv', sent), table(2500))) as unknown as Readable;
    for await (const _chunk of stream) break;
    await new Promise<void>((resolve) => stream.once('close', resolve));
    expect(sent).toEqual([{ rows: 1000, completed: false }]);
  });

  it('records nothing for a list it refuses as too long', async () => {
    const sent: ExportSent[] = [];
    await expect(sendExport(reply(), context('csv', sent), table(EXPORT_MAX_ROWS + 1))).rejects.toThrow(/narrow/);
    expect(sent).toEqual([]);
  });
});
