import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RowError } from './core/types.js';
import { validateRecord } from './core/validate-row.js';
import { ChunkPool } from './chunk-pool.js';
import { IntakeFileError, readIntakeStream, type IntakeFormat } from './parse.js';
import { validatedChunks, type ChunkOptions, type IntakeItem } from './read-chunks.js';
import { stageLine } from './stage.js';

/**
 * The reading on worker threads gives what the serial reading gives: the rows read, the COPY text of the valid
 * rows and every row error (with the line it rejects), or the same file error after the same rows.
 */
const TODAY = '2026-01-15';

interface Outcome {
  rowsRead: number;
  copyText: string;
  errors: (RowError & { rejects: boolean })[];
  fileErrors: unknown;
}

/** Chunks read by workers (not serially), across the tests: the property must exercise them. */
let chunksRead = 0;

async function outcomeOf(items: AsyncIterable<IntakeItem>): Promise<Outcome> {
  const out: Outcome = { rowsRead: 0, copyText: '', errors: [], fileErrors: null };
  const addErrors = (errors: RowError[]) => errors.forEach((e, i) => out.errors.push({ ...e, rejects: i === 0 }));
  try {
    for await (const item of items) {
      if ('copyText' in item) {
        chunksRead += 1;
        out.rowsRead += item.rowsRead;
        out.copyText += item.copyText;
        item.rowErrors.forEach(addErrors);
      } else {
        out.rowsRead += 1;
        if (item.ok) out.copyText += stageLine(item.row);
        else addErrors(item.errors);
      }
    }
  } catch (error) {
    if (!(error instanceof IntakeFileError)) throw error;
    out.fileErrors = error.errors;
  }
  return out;
}

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function* serial(bytes: Buffer, size: number, format: IntakeFormat | 'auto') {
  for await (const record of readIntakeStream(pieces(bytes, size), format)) yield validateRecord(record, TODAY);
}

const both = async (bytes: Buffer, options: ChunkOptions, size = 1 << 16, format: IntakeFormat | 'auto' = 'auto') => ({
  serial: await outcomeOf(serial(bytes, size, format)),
  parallel: await outcomeOf(validatedChunks(pieces(bytes, size), format, TODAY, options)),
});

const HEADER = [
  'operation',
  'debtor_reference',
  'first_name',
  'last_name',
  'address_line1',
  'postal_code',
  'city',
  'country',
  'claim_reference',
  'contract_type',
  'principal',
  'default_date',
];

const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A field: mostly plain, sometimes quoted with separators, quotes or line breaks inside. */
const field = (plain: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 6, arbitrary: plain },
    { weight: 1, arbitrary: plain.map(quoted) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(plain, fc.constantFrom(';', '"', '\n', '""', '\r\n', ' ; "x"\n'), plain)
        .map(([a, b, c]) => quoted(a + b + c)),
    },
  );

const row = fc
  .tuple(
    field(fc.constantFrom('place', 'place', 'recall', 'close', 'burn', '')),
    field(fc.constantFrom('D1', 'D2', 'D-3', '', 'x'.repeat(70))),
    field(fc.constantFrom('Marie', 'Jean-Pierre', '', 'Zoë')),
    field(fc.constantFrom('Dupont', 'De La Fontaine', '')),
    field(fc.constantFrom('12 rue de la République', '5 place Saint-Louis', '')),
    field(fc.constantFrom('69002', '57000', 'ABCDE', '')),
    field(fc.constantFrom('Lyon', 'Metz', '')),
    field(fc.constantFrom('FR', 'BE', 'XX', '')),
    field(fc.constantFrom('K1', 'K2', 'K3', '')),
    field(fc.constantFrom('consumer_credit', 'overdraft', 'bogus')),
    field(fc.constantFrom('1 234,56', '0', '-5', '12,345', 'abc', '')),
    field(fc.constantFrom('15/03/2025', '31/02/2024', '01/01/2099', '')),
  )
  .map((fields) => fields.join(';'));

/** Rows, blank lines and lines of separators only. */
const plainLine = fc.oneof(
  { weight: 12, arbitrary: row },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', ';;;;;;;;;;;', ' ; ;;;;;;;;;;') },
);

/** A line of the file: also lines that the serial reading skips or stops at. */
const line = fc.oneof(
  { weight: 12, arbitrary: row },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', ';;;;;;;;;;;', ' ; ;;;;;;;;;;') },
  { weight: 1, arbitrary: row.map((r) => `${r};extra`) },
  { weight: 1, arbitrary: row.map((r) => r.split(';').slice(0, 5).join(';')) },
  { weight: 1, arbitrary: row.map((r) => r.replace('place', 'pl"ace')) },
  { weight: 1, arbitrary: fc.constantFrom('recall;"D1"x;K1;;;;;;;;;', 'recall;"D1;K1;;;;;;;;;;') },
);

/** Half the files have no line the serial reading skips (a stray quote, a wrong field count). */
const file = fc.record({
  lines: fc.oneof(fc.array(plainLine, { maxLength: 40, size: 'max' }), fc.array(line, { maxLength: 40 })),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  endsWithNewline: fc.boolean(),
});

const bytesOf = (f: { lines: string[]; bom: boolean; crlf: boolean; endsWithNewline: boolean }) => {
  const eol = f.crlf ? '\r\n' : '\n';
  const text = [HEADER.join(';'), ...f.lines].join(eol) + (f.endsWithNewline ? eol : '');
  return Buffer.from((f.bom ? '\uFEFF' : '') + text);
};

describe('reading on worker threads', () => {
  let pool: ChunkPool;
  beforeAll(() => {
    pool = new ChunkPool(2);
  });
  afterAll(async () => {
    await pool.terminate();
  });

  it('gives the serial reading’s rows, COPY text and errors, wherever the chunks are cut', async () => {
    chunksRead = 0;
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.integer({ min: 50, max: 500 }),
        fc.integer({ min: 1, max: 300 }),
        async (f, chunkChars, pieceSize) => {
          const { serial, parallel } = await both(bytesOf(f), { chunkChars, pool }, pieceSize);
          expect(parallel).toEqual(serial);
        },
      ),
      { numRuns: 150 },
    );
    expect(chunksRead).toBeGreaterThan(300);
  });

  it('reads a file of clean rows in many chunks without falling back, with its own pool', async () => {
    const lines = Array.from(
      { length: 3_000 },
      (_, i) => `place;D${i % 700};Marie;"Dupont; ""la"" grande";"12 rue
de la Paix";69002;Lyon;FR;K${i};consumer_credit;1 234,56;15/03/2025`,
    );
    const bytes = Buffer.from([HEADER.join(';'), ...lines, '', ';;;;;;;;;;;', ''].join('\r\n'));
    const parallel = validatedChunks(pieces(bytes, 1 << 16), 'csv', TODAY, { chunkChars: 10_000, workers: 2 });
    let chunks = 0;
    const counted = (async function* () {
      for await (const item of parallel) {
        if ('copyText' in item) chunks += 1;
        yield item;
      }
    })();
    const result = await outcomeOf(counted);
    expect(result).toEqual(await outcomeOf(serial(bytes, 1 << 16, 'csv')));
    expect(result.rowsRead).toBe(3_000);
    expect(chunks).toBeGreaterThan(20);
  });

  it('reads JSON Lines, a header below blank lines and a file of one chunk as the serial reading does', async () => {
    const cases = [
      Buffer.from('{"operation":"recall","debtor_reference":"A","claim_reference":"1"}\nnot json\n'),
      Buffer.from(`\n\n${HEADER.join(';')}\nrecall;D1;;;;;;;K1;;;\n\nrecall;D1;;;;;;;;;;\n`),
      Buffer.from(`${HEADER.join(';')}\nrecall;D1;;;;;;;K1;;;\nrecall;"D2;;;;;;;;;;\n`),
      Buffer.from(`${HEADER.join(';')}\nrecall;D1;;;;;;;K1;;;`),
    ];
    for (const bytes of cases) {
      const { serial, parallel } = await both(bytes, { chunkChars: 20, pool });
      expect(parallel).toEqual(serial);
      const alone = await both(bytes, { pool });
      expect(alone.parallel).toEqual(alone.serial);
    }
  });

  it('terminates its workers when the reading is abandoned or fails', async () => {
    const terminate = vi.spyOn(ChunkPool.prototype, 'terminate');
    try {
      const rows = Array.from({ length: 400 }, (_, i) => `recall;D${i};;;;;;;K${i};;;`);
      const bytes = Buffer.from([HEADER.join(';'), ...rows].join('\n'));
      for await (const item of validatedChunks(pieces(bytes, 1 << 16), 'csv', TODAY, { chunkChars: 500 })) {
        expect('copyText' in item).toBe(true);
        break;
      }
      expect(terminate).toHaveBeenCalledTimes(1);
      const broken = Buffer.concat([bytes, Buffer.from('\nrecall;"D;K\n')]);
      const failed = await outcomeOf(validatedChunks(pieces(broken, 1 << 16), 'csv', TODAY, { chunkChars: 500 }));
      expect(failed.fileErrors).toMatchObject([{ code: 'csv.quote_not_closed' }]);
      expect(terminate).toHaveBeenCalledTimes(2);
    } finally {
      terminate.mockRestore();
    }
  });
});
