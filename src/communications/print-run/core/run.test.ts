import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layOut, manifestCsv, parseReturns, type RunLetter } from './run.js';

const letter = (pages: number, overrides: Partial<RunLetter> = {}): RunLetter => ({
  letterReference: `LR-C${pages}`,
  caseReference: `C${pages}`,
  addresseeName: 'Jeanne Martin',
  postalCode: '69003',
  city: 'LYON',
  country: 'FR',
  pages,
  ...overrides,
});

describe('layOut', () => {
  it('starts each letter on an odd page, a blank back after an odd letter', () => {
    const layout = layOut([letter(1), letter(2), letter(3), letter(1)]);
    expect(layout.letters.map((l) => [l.sequence, l.firstPage, l.sheets])).toEqual([
      [1, 1, 1],
      [2, 3, 1],
      [3, 5, 2],
      [4, 9, 1],
    ]);
    expect(layout).toMatchObject({ totalPages: 10, totalSheets: 5 });
  });

  it('lays out nothing for no letter', () => {
    expect(layOut([])).toEqual({ letters: [], totalPages: 0, totalSheets: 0 });
  });

  it('never overlaps letters, always starts them on odd pages, and counts every page', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 40 }), (pages) => {
        const layout = layOut(pages.map((p) => letter(p)));
        let next = 1;
        for (const placed of layout.letters) {
          expect(placed.firstPage).toBe(next);
          expect(placed.firstPage % 2).toBe(1);
          expect(placed.sheets * 2).toBeGreaterThanOrEqual(placed.pages);
          expect(placed.sheets * 2 - placed.pages).toBeLessThan(2);
          next += placed.sheets * 2;
        }
        expect(layout.totalPages).toBe(next - 1);
        expect(layout.totalPages % 2).toBe(0);
        expect(layout.totalSheets * 2).toBe(layout.totalPages);
      }),
    );
  });
});

describe('manifestCsv', () => {
  it('writes a header, a line per letter and the total, semicolon-separated with a BOM and CRLF', () => {
    const csv = manifestCsv(layOut([letter(1), letter(2, { addresseeName: 'SARL "Le Point; Virgule"' })]));
    expect(csv.startsWith('\uFEFFsequence;letter_reference;case_reference;addressee_name;')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFsequence;letter_reference;case_reference;addressee_name;postal_code;city;country;first_page;pages;sheets',
      '1;LR-C1;C1;Jeanne Martin;69003;LYON;FR;1;1;1',
      '2;LR-C2;C2;"SARL ""Le Point; Virgule""";69003;LYON;FR;3;2;1',
      'TOTAL;2;;;;;;;4;2',
      '',
    ]);
  });

  it('writes a name starting like a formula as text', () => {
    const csv = manifestCsv(layOut([letter(1, { addresseeName: '=HYPERLINK("x")' })]));
    expect(csv).toContain(`;"'=HYPERLINK(""x"")";`);
  });
});

describe('parseReturns', () => {
  it('reads references, French or ISO dates and reasons, skipping a header and blank lines', () => {
    const text = '\uFEFFréférence;date;motif\r\nLR-A-1;27/11/2026;NPAI\r\n\r\nLR-B-2;2026-11-28;\r\n';
    expect(parseReturns(text)).toEqual([
      { line: 2, ok: true, letterReference: 'LR-A-1', returnedOn: '2026-11-27', reason: 'NPAI' },
      { line: 4, ok: true, letterReference: 'LR-B-2', returnedOn: '2026-11-28', reason: null },
    ]);
  });

  it('reads commas when the first line has no semicolon, and quoted fields', () => {
    expect(parseReturns('LR-A-1,2026-11-27,"Refusé, inconnu"')).toEqual([
      { line: 1, ok: true, letterReference: 'LR-A-1', returnedOn: '2026-11-27', reason: 'Refusé, inconnu' },
    ]);
  });

  it('reports each bad line and keeps the others', () => {
    const text = ['LR-A-1;31/02/2026;NPAI', ';2026-11-27;', 'LR-C-3;2026-11-27;NPAI;extra', 'LR-D-4;2026-11-27;NPAI'];
    expect(parseReturns(text.join('\n'))).toEqual([
      { line: 1, ok: false, problem: 'date' },
      { line: 2, ok: false, problem: 'reference' },
      { line: 3, ok: false, problem: 'columns' },
      { line: 4, ok: true, letterReference: 'LR-D-4', returnedOn: '2026-11-27', reason: 'NPAI' },
    ]);
  });

  it('never throws, and gives at most a line per non-blank line of the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const lines = parseReturns(text);
        expect(lines.length).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length);
        for (const line of lines) if (line.ok) expect(line.returnedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
