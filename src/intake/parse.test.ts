import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IntakeRecord, RowResult } from './core/types.js';
import { validateRecord, validateRow } from './core/validate-row.js';
import {
  formatFromName,
  IntakeFileError,
  MAX_RECORD_CHARS,
  readIntakeFile,
  readIntakeStream,
  type IntakeFormat,
} from './parse.js';
import { waitUntil } from '../../test/support/wait.js';

const TODAY = '2026-01-15';
const examples = new URL('../../examples/intake/', import.meta.url);
const example = (name: string) => new URL(name, examples).pathname;

const dir = mkdtempSync(join(tmpdir(), 'accord-intake-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const file = (content: string | Buffer, extension = 'csv') => {
  const path = join(dir, `f${++fileCount}.${extension}`);
  writeFileSync(path, content);
  return path;
};

async function collect(source: AsyncIterable<IntakeRecord>): Promise<IntakeRecord[]> {
  const out: IntakeRecord[] = [];
  for await (const item of source) out.push(item);
  return out;
}

async function fileErrorOf(source: AsyncIterable<IntakeRecord>): Promise<IntakeFileError> {
  try {
    await collect(source);
  } catch (error) {
    if (error instanceof IntakeFileError) return error;
    throw error;
  }
  throw new Error('expected an IntakeFileError');
}

/** Bytes cut into pieces of the given sizes (cycled), as a stream delivers them. */
async function* pieces(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

const read = (content: string | Buffer, format: IntakeFormat | 'auto' = 'auto', sizes = [64 * 1024]) =>
  collect(readIntakeStream(pieces(Buffer.isBuffer(content) ? content : Buffer.from(content), sizes), format));

const validated = async (path: string): Promise<RowResult[]> =>
  (await collect(readIntakeFile(path))).map((item) => validateRecord(item, TODAY));

describe('the example files', () => {
  it('placement-example.csv: 12 valid rows, each on its line', async () => {
    const results = await validated(example('placement-example.csv'));
    expect(results.map((r) => r.ok)).toEqual(Array(12).fill(true));
    const rows = results.flatMap((r) => (r.ok ? [r.row] : []));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const byLine = new Map(rows.map((r) => [r.line, r]));
    expect(byLine.get(2)?.debtor.matchKey).toBe(byLine.get(3)?.debtor.matchKey);
    expect(byLine.get(4)?.address?.subdivision).toBe('57');
    expect(byLine.get(5)?.debtor).toMatchObject({ kind: 'company', matchKey: 'company|812345676' });
    expect(byLine.get(6)).toMatchObject({
      address: { subdivision: '974', timeZone: 'Indian/Reunion', line2: 'Résidence Les Filaos; bâtiment B' },
      phones: ['+262692123456'],
    });
    expect(byLine.get(7)).toMatchObject({
      debtor: { language: 'it' },
      address: { country: 'IT', timeZone: 'Europe/Rome' },
    });
    expect(byLine.get(8)?.address?.subdivision).toBe('2A');
    expect(byLine.get(9)?.address?.timeZone).toBe('America/Guadeloupe');
    expect(byLine.get(10)?.address?.line2).toBe('Bâtiment "Le Beffroi", appartement 12');
    expect(byLine.get(13)).toMatchObject({
      operation: 'recall',
      debtorReference: 'CLI-099001',
      claim: { reference: 'PRET-2023-0420' },
    });
  });

  it('placement-with-errors.csv: 4 valid rows, and exactly these errors', async () => {
    const results = await validated(example('placement-with-errors.csv'));
    expect(results.flatMap((r) => (r.ok ? [r.row.line] : []))).toEqual([2, 8, 11, 13]);
    const errors = results.flatMap((r) => (r.ok ? [] : r.errors.map((e) => [e.line, e.column, e.code])));
    expect(errors).toEqual([
      [3, 'last_name', 'required'],
      [3, 'principal', 'amount.too_many_decimals'],
      [4, 'default_date', 'date.future'],
      [4, 'last_payment_date', 'date.invalid'],
      [5, 'postal_code', 'postal_code.invalid'],
      [5, 'phone', 'phone.invalid'],
      [5, 'email', 'email.invalid'],
      [6, 'contract_type', 'contract_type.invalid'],
      [6, 'currency', 'currency.unsupported'],
      [7, '', 'csv.field_count'],
      [9, 'birth_date', 'birth_date.too_young'],
      [9, 'principal', 'amount.negative'],
      [10, 'country', 'country.invalid'],
      [10, 'principal', 'amount.zero_total'],
      [12, 'claim_reference', 'required'],
    ]);
  });

  it('placement-example.jsonl: 4 valid rows, amounts as strings or numbers', async () => {
    const results = await validated(example('placement-example.jsonl'));
    const rows = results.flatMap((r) => (r.ok ? [r.row] : []));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(rows[1]?.claim).toMatchObject({ principalCents: 8990, interestCents: 0, feesCents: 1250 });
    expect(rows[3]?.operation).toBe('recall');
  });

  it('the example in docs/intake-format.md is valid', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/intake-format.md', import.meta.url), 'utf8');
    const csv = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    for (const content of [csv, json]) {
      const items = await read(content);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(validateRecord(item, TODAY)).toMatchObject({ ok: true });
    }
  });
});

const HEADER = 'operation;debtor_reference;claim_reference';

describe('CSV', () => {
  it('detects a "," separator, skips a BOM, accepts CRLF line ends', async () => {
    const items = await read('\uFEFFOperation,Debtor Reference,CLAIM_REFERENCE\r\nrecall,A,1\r\nclose,B,2\r\n');
    expect(items).toEqual([
      { line: 2, record: { operation: 'recall', debtor_reference: 'A', claim_reference: '1' } },
      { line: 3, record: { operation: 'close', debtor_reference: 'B', claim_reference: '2' } },
    ]);
  });

  it('reads quoted fields holding the separator, quotes and line breaks, and numbers rows by their first line', async () => {
    const items = await read(`${HEADER}\nrecall;"A;1";"x\r\ny ""z"""\n\nrecall;B;"p\nq\nr"\nrecall;C;3\n`);
    expect(items.map((i) => [i.line, i.record.debtor_reference, i.record.claim_reference])).toEqual([
      [2, 'A;1', 'x\ny "z"'],
      [5, 'B', 'p\nq\nr'],
      [8, 'C', '3'],
    ]);
  });

  it('a row with the wrong number of fields is a row error on its line, and reading goes on', async () => {
    const items = await read(`${HEADER}\nrecall;A;1\nrecall;B\nrecall;"C\nx";3;extra\nrecall;D;4\n`);
    expect(items.map((i) => [i.line, i.errors?.map((e) => e.code) ?? []])).toEqual([
      [2, []],
      [3, ['csv.field_count']],
      [4, ['csv.field_count']],
      [6, []],
    ]);
    expect(items[2]?.errors?.[0]?.message).toContain('from line 4 to line 5');
    // The pipeline may call validateRow on the record alone: the reading error still comes out.
    const bad = items[1];
    expect(bad && validateRow(bad.record, bad.line, TODAY)).toMatchObject({
      ok: false,
      errors: [{ line: 3, code: 'csv.field_count' }],
    });
  });

  it('a quote inside an unquoted field is a row error', async () => {
    const items = await read(`${HEADER}\nrecall;A;1"2\nrecall;B;3\n`);
    expect(items.map((i) => [i.line, i.errors?.[0]?.code])).toEqual([
      [2, 'csv.quote'],
      [3, undefined],
    ]);
  });

  it('ignores blank lines and lines of separators only; a value under an unnamed column is a row error', async () => {
    const items = await read(`${HEADER};\n\n   \nrecall;A;1;\n;;;\nrecall;B;2;oops\n`);
    expect(items.map((i) => [i.line, i.record.debtor_reference, i.errors?.map((e) => [e.column, e.code])])).toEqual([
      [4, 'A', undefined],
      [6, 'B', [['column 4', 'column.unnamed']]],
    ]);
  });

  it('a header alone gives no rows', async () => {
    expect(await read(`${HEADER}\n`)).toEqual([]);
  });

  it('reads the same records whatever the chunks the bytes arrive in (property)', async () => {
    const content = Buffer.from(`\uFEFF${HEADER}\r\nrecall;Hélène;"Œ;\r\n€"\r\nrecall;"B""";日本\r\n\r\nclose;C;ß\r\n`);
    const whole = await read(content);
    expect(whole.map((i) => i.line)).toEqual([2, 4, 6]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), async (sizes) => {
        expect(await read(content, 'auto', sizes)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});

describe('JSON Lines', () => {
  it('reads one object per line; a broken line is a row error with its number, and reading goes on', async () => {
    const items = await read(
      '{"operation":"recall","debtor_reference":"A","claim_reference":"1"}\n{"debtor_reference": "B", \n\n[1,2]\n{"principal": 12.5, "email": null, "x": true}\n{"operation":"close","debtor_reference":"C","claim_reference":"3"}',
    );
    expect(items.map((i) => [i.line, i.errors?.map((e) => e.code) ?? []])).toEqual([
      [1, []],
      [2, ['json.invalid']],
      [4, ['json.not_object']],
      [5, ['json.value_type']],
      [6, []],
    ]);
    expect(items[3]?.record).toEqual({ principal: '12.5' });
    expect(items[3]?.errors?.[0]?.column).toBe('x');
  });

  it('is recognised by extension or by its first character', async () => {
    expect(formatFromName('a.JSONL')).toBe('jsonl');
    expect(formatFromName('a.ndjson')).toBe('jsonl');
    expect(formatFromName('a.csv')).toBe('csv');
    expect(formatFromName('a.txt')).toBeNull();
    const line = '{"operation":"recall","debtor_reference":"A","claim_reference":"1"}\n';
    expect(await collect(readIntakeFile(file(`\n  ${line}`, 'txt')))).toEqual([
      { line: 2, record: { operation: 'recall', debtor_reference: 'A', claim_reference: '1' } },
    ]);
    expect(await collect(readIntakeFile(file(`${HEADER}\nrecall;A;1\n`, 'txt')))).toHaveLength(1);
  });
});

describe('file errors', () => {
  it('an unknown or missing column refuses the file before any row', async () => {
    const error = await fileErrorOf(readIntakeFile(file('debtor_reference;claim_refrence;notes\nA;1;x\n')));
    expect(error.code).toBe('intake.file_invalid');
    expect(error.status).toBe(422);
    expect(error.errors.map((e) => [e.code, e.line, e.columns])).toEqual([
      ['header.unknown_columns', 1, ['claim_refrence', 'notes']],
      [
        'header.missing_columns',
        1,
        [
          'claim_reference',
          'contract_type',
          'principal',
          'default_date',
          'address_line1',
          'postal_code',
          'city',
          'first_name',
          'last_name',
        ],
      ],
    ]);
    expect(error.errors[0]?.message).toContain('did you mean "claim_reference"');
  });

  it('a file that is not UTF-8 is refused, naming the line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\nrecall;A;1\nrecall;H`),
      Buffer.from([0xe9]),
      Buffer.from('l;2\n'),
    ]);
    const error = await fileErrorOf(readIntakeStream(pieces(latin1, [1 << 16]), 'csv'));
    expect(error.errors).toMatchObject([{ code: 'file.encoding', line: 3 }]);
  });

  it('a quote never closed refuses the file', async () => {
    const error = await fileErrorOf(
      readIntakeStream(pieces(Buffer.from(`${HEADER}\nrecall;A;1\nrecall;"B;2\nrecall;C;3\n`), [7]), 'csv'),
    );
    expect(error.errors).toMatchObject([{ code: 'csv.quote_not_closed', line: 3 }]);
  });

  it('a quoted field followed by other characters refuses the file', async () => {
    const error = await fileErrorOf(readIntakeStream(pieces(Buffer.from(`${HEADER}\nrecall;"A"x;1\n`), [100]), 'csv'));
    expect(error.errors).toMatchObject([{ code: 'csv.quote', line: 2 }]);
  });

  it('a runaway record (a quote never closed in a large file) is refused without reading the rest into memory', async () => {
    const body = `${HEADER}\nrecall;A;1\nrecall;"B;2\n${'recall;C;3\n'.repeat(40_000)}`;
    const error = await fileErrorOf(readIntakeStream(pieces(Buffer.from(body), [1 << 16]), 'csv'));
    expect(error.errors).toMatchObject([{ code: 'csv.record_too_large', line: 3 }]);
  });

  it('a JSON line longer than the limit is a row error, and reading goes on', async () => {
    const long = `{"debtor_reference": "${'x'.repeat(MAX_RECORD_CHARS)}"}`;
    const items = await read(
      `${long}\n{"operation":"recall","debtor_reference":"A","claim_reference":"1"}\n`,
      'jsonl',
      [1000],
    );
    expect(items.map((i) => [i.line, i.errors?.[0]?.code])).toEqual([
      [1, 'line.too_long'],
      [2, undefined],
    ]);
  });

  it('tab separators and empty files are refused', async () => {
    expect(
      (await fileErrorOf(readIntakeFile(file('operation\tdebtor_reference\tclaim_reference\n')))).errors[0]?.code,
    ).toBe('file.separator');
    expect((await fileErrorOf(readIntakeFile(file('')))).errors[0]?.code).toBe('file.empty');
    expect((await fileErrorOf(readIntakeFile(file(' \n\n', 'jsonl')))).errors[0]?.code).toBe('file.empty');
  });
});

describe('streaming', () => {
  it('reads rows one at a time from a stream that is never whole, and stops cleanly when the reader does', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<string> {
      yield `${HEADER}\n`;
      for (;;) {
        produced++;
        yield `recall;D${produced};C${produced}\n`;
      }
    }
    let seen = 0;
    for await (const item of readIntakeStream(endless(), 'csv')) {
      seen++;
      expect(item.line).toBe(seen + 1);
      if (seen === 5000) break;
    }
    expect(seen).toBe(5000);
    // Back-pressure: the reader ran ahead of the consumer by buffers, not by the whole (endless) input.
    expect(produced).toBeLessThan(200_000);
  });

  it('opens the file on the first iteration and closes it when the reader stops early', async () => {
    const missing = readIntakeFile(join(dir, 'missing.csv'));
    await expect(collect(missing)).rejects.toMatchObject({ code: 'ENOENT' });

    const openFiles = () => readdirSync('/proc/self/fd').length;
    const path = file([HEADER, ...Array.from({ length: 20_000 }, (_, i) => `recall;D${i};C${i}`)].join('\n'));
    const before = openFiles();
    for await (const item of readIntakeFile(path)) if (item.line === 10) break;
    await waitUntil(() => openFiles() <= before, 10);
    expect(openFiles()).toBe(before);
  });

  it('reads a large file to the end with the right line numbers', async () => {
    const rows = 50_000;
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) lines.push(`recall;D${i};"C${i}"`);
    let count = 0;
    let lastLine = 0;
    for await (const item of readIntakeFile(file(lines.join('\r\n')))) {
      count++;
      lastLine = item.line;
    }
    expect(count).toBe(rows);
    expect(lastLine).toBe(rows + 1);
  });
});
