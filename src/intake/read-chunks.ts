/**
 * Reads, checks and stages an intake file on worker threads: the main thread decodes the bytes as parse.ts does,
 * reads the header, and cuts the rest into record-aligned chunks of about 0.5 MB (at a `\n` outside double quotes) that the
 * workers of a ChunkPool turn into COPY text and row errors (read-chunk.ts); results come out in file order, a few
 * chunks in flight. The serial reading (parse.ts) stays the authority: JSON Lines, a header not on line 1, and
 * the rest of the file from any chunk a worker is not sure of are read serially, with the same results.
 */
import { createReadStream } from 'node:fs';
import type { RowResult } from './core/types.js';
import { validateRecord } from './core/validate-row.js';
import { ChunkPool, defaultPoolSize } from './chunk-pool.js';
import {
  countNewlines,
  decodeText,
  formatFromName,
  MAX_RECORD_CHARS,
  prepend,
  readCsvHeader,
  readCsvRecords,
  readHead,
  readJsonLines,
  type CsvHeader,
  type IntakeFormat,
} from './parse.js';
import { readChunk, type ChunkHeader, type ChunkJob, type ValidatedChunk } from './read-chunk.js';

export type { ValidatedChunk } from './read-chunk.js';

/** What the reading hands stageRows, in file order: whole chunks, or rows one by one where read serially. */
export type IntakeItem = RowResult | ValidatedChunk;

export interface ChunkOptions {
  /** Characters of text per chunk (CHUNK_CHARS); tests force tiny chunks so that boundaries fall everywhere. */
  chunkChars?: number;
  /** Worker threads (default: defaultPoolSize(), at least one). */
  workers?: number;
  /** A pool to use rather than one of the reading's own (tests); it is left running. */
  pool?: ChunkPool;
}

/** About half a megabyte, 3,000 rows of a usual file: bigger chunks cost memory (a chunk a worker, and one more, in flight) and save no time. */
const CHUNK_CHARS = 500_000;

/** readIntakeFile and validateRecord (validatedRows in import-file.ts), on worker threads. */
export async function* validatedChunksOfFile(
  path: string,
  today: string,
  options: ChunkOptions = {},
): AsyncGenerator<IntakeItem, void, undefined> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    yield* validatedChunks(stream, formatFromName(path) ?? 'auto', today, options);
  } finally {
    stream.destroy();
  }
}

/** readIntakeStream and validateRecord, on worker threads. */
export async function* validatedChunks(
  stream: AsyncIterable<Uint8Array | string>,
  format: IntakeFormat | 'auto',
  today: string,
  options: ChunkOptions = {},
): AsyncGenerator<IntakeItem, void, undefined> {
  const text = decodeText(stream)[Symbol.asyncIterator]();
  const own: { pool: ChunkPool | null } = { pool: null };
  try {
    const { head, format: chosen } = await readHead(text, format);
    if (chosen === 'jsonl') return yield* validated(readJsonLines(prepend(head, text)), today);
    const header = readCsvHeader(head);
    const bodyStart = header.firstLine.length + 1;
    if (header.headerLine !== 1 || head.length < bodyStart) {
      // The header below blank lines: csv-parse's count of lines starts at it, and only the serial reading follows.
      const records = readCsvRecords(prepend(head.slice(header.leading.length), text), header, {
        line: header.headerLine,
        linesOffset: 0,
      });
      return yield* validated(records, today);
    }
    const cutter = new RecordCutter(prepend(head.slice(bodyStart), text), options.chunkChars ?? CHUNK_CHARS);
    const pool = () => options.pool ?? (own.pool ??= new ChunkPool(options.workers ?? defaultPoolSize()));
    yield* inFileOrder(cutter, { header, today, pool });
  } finally {
    await own.pool?.terminate();
    await text.return?.(undefined);
  }
}

async function* validated(records: AsyncIterable<Parameters<typeof validateRecord>[0]>, today: string) {
  for await (const record of records) yield validateRecord(record, today);
}

interface InFlight {
  text: string;
  startLine: number;
  outcome: Promise<ReturnType<typeof readChunk>>;
}

/**
 * The chunks' outcomes in file order, one per worker and one more in flight. A file that is one chunk is read on the
 * main thread (no pool is started for it). From the first chunk a worker is not sure of, the serial reading.
 */
async function* inFileOrder(
  cutter: RecordCutter,
  reading: { header: CsvHeader; today: string; pool: () => ChunkPool },
): AsyncGenerator<IntakeItem> {
  const { header, today } = reading;
  const chunkHeader: ChunkHeader = {
    firstLine: header.firstLine,
    delimiter: header.delimiter,
    headerWidth: header.headerWidth,
    columns: header.columns,
  };
  const inFlight: InFlight[] = [];
  let nextLine = 2;
  for (;;) {
    const limit = () => (inFlight.length === 0 ? 1 : reading.pool().size + 1);
    while (!cutter.stopped && !cutter.finished && inFlight.length < limit()) {
      const chunk = await cutter.next();
      if (!chunk) break;
      const job: ChunkJob = { text: chunk.text, startLine: chunk.startLine, header: chunkHeader, today };
      const alone = inFlight.length === 0 && cutter.done;
      const outcome = alone ? Promise.resolve(readChunk(job)) : reading.pool().run(job);
      outcome.catch(() => {}); // a chunk given up with the pool is never awaited
      inFlight.push({ ...chunk, outcome });
    }
    const first = inFlight.shift();
    if (!first) break;
    const outcome = await first.outcome;
    if ('unsure' in outcome || first.startLine !== nextLine) {
      return yield* serialFrom(first.startLine, [first, ...inFlight], cutter, reading);
    }
    nextLine = outcome.nextLine;
    yield outcome;
  }
  // Cutting gave up (a record longer than any valid one, or quotes the parity cannot follow).
  if (cutter.stopped) yield* serialFrom(nextLine, [], cutter, reading);
}

/** The serial reading from the start of a chunk (on `line`) to the end of the file: the text of the chunks, then the rest. */
function serialFrom(
  line: number,
  chunks: readonly { text: string }[],
  cutter: RecordCutter,
  reading: { header: CsvHeader; today: string },
): AsyncGenerator<RowResult> {
  const text = prepend(`${reading.header.firstLine}\n${chunks.map((c) => c.text).join('')}`, cutter.rest());
  // The header line is given the line before the chunk; csv-parse counts it as line 1.
  return validated(readCsvRecords(text, reading.header, { line: line - 1, linesOffset: line - 2 }), reading.today);
}

/**
 * Cuts text into chunks of about `target` characters, each ending with a `\n` outside double quotes (RFC 4180
 * parity: `""` inside quotes toggles twice) or at the end of the text. Gives up (`stopped`) when no cut is found
 * within a record's greatest length.
 */
export class RecordCutter {
  private buffer = '';
  /** Scanned up to here in the buffer, with the quote state there. */
  private scanned = 0;
  private inQuotes = false;
  private line = 2;
  done = false;
  stopped = false;

  /** Every chunk cut: the text is read to its end and nothing is left. */
  get finished(): boolean {
    return this.done && this.buffer === '';
  }

  constructor(
    private readonly source: AsyncIterator<string>,
    private readonly target: number,
  ) {}

  async next(): Promise<{ text: string; startLine: number } | null> {
    for (;;) {
      if (this.done || this.buffer.length >= this.target) {
        const cut = this.done ? this.buffer.length : this.findCut();
        if (cut > 0) {
          const text = this.buffer.slice(0, cut);
          const startLine = this.line;
          this.buffer = this.buffer.slice(cut);
          this.scanned = 0;
          this.inQuotes = false;
          this.line += countNewlines(text);
          return { text, startLine };
        }
        if (this.done) return null;
        if (this.buffer.length > this.target + MAX_RECORD_CHARS + 1) {
          this.stopped = true;
          return null;
        }
      }
      const piece = await this.source.next();
      if (piece.done) this.done = true;
      else this.buffer += piece.value;
    }
  }

  /** The text not yet cut: the buffer, then the rest of the source. */
  rest(): AsyncIterator<string> {
    const buffer = this.buffer;
    this.buffer = '';
    return prepend(buffer, this.source);
  }

  /** The end of the first `\n` outside quotes at or after the target, or -1 (the scan resumes where it stopped). */
  private findCut(): number {
    const b = this.buffer;
    let at = this.scanned;
    let inQuotes = this.inQuotes;
    while (at < this.target) {
      const quote = b.indexOf('"', at);
      if (quote < 0 || quote >= this.target) {
        at = this.target;
        break;
      }
      inQuotes = !inQuotes;
      at = quote + 1;
    }
    for (;;) {
      const quote = b.indexOf('"', at);
      if (!inQuotes) {
        const newline = b.indexOf('\n', at);
        if (newline >= 0 && (quote < 0 || newline < quote)) return newline + 1;
      }
      if (quote < 0) {
        this.scanned = b.length;
        this.inQuotes = inQuotes;
        return -1;
      }
      inQuotes = !inQuotes;
      at = quote + 1;
    }
  }
}
