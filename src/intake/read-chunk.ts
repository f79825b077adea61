/**
 * One record-aligned chunk of a CSV file read, checked and turned into COPY text, as the serial reading would
 * (parse.ts, then validateRecord and stageLine): what a worker thread of chunk-pool.ts runs. Only the plain case
 * is handled here; anything else (a row csv-parse skips other than a blank line, a broken quote, a record too
 * long) makes the chunk `unsure`, and the serial reading takes over from its start (see read-chunks.ts).
 */
import { parse as parseSync, type CsvError } from 'csv-parse/sync';
import type { RowError } from './core/types.js';
import { validateRecord } from './core/validate-row.js';
import { MAX_RECORD_CHARS, countNewlines, rowRecord, skippedRow } from './parse.js';
import { stageLine } from './stage.js';

/** The header as readCsvHeader read it: enough to read any chunk of the file the same way. */
export interface ChunkHeader {
  firstLine: string;
  delimiter: string;
  headerWidth: number;
  columns: readonly (string | undefined)[];
}

export interface ChunkJob {
  /** Whole records only: starts at the start of a record, ends with the `\n` ending one (or the file's end). */
  text: string;
  /** The physical line the text starts on. */
  startLine: number;
  header: ChunkHeader;
  today: string;
}

/** What stageRows needs of a chunk's rows: how many were read, their COPY text, and the errors of the others. */
export interface ValidatedChunk {
  rowsRead: number;
  /** stageLine of each valid row, in file order, joined. */
  copyText: string;
  stagedRows: number;
  /** The errors of each invalid row, in file order (the first error of a row rejects its line). */
  rowErrors: RowError[][];
  /** The line after the chunk, as the serial reading counts it. */
  nextLine: number;
}

export type ChunkOutcome = ValidatedChunk | { unsure: true };

/** A row csv-parse skipped, in file order among the records (see on_skip below). */
type Item = string[] | { skipped: CsvError };

const UNSURE = { unsure: true } as const;

export function readChunk(job: ChunkJob): ChunkOutcome {
  const { header, startLine, today } = job;
  const items = csvItemsOf(job);
  if (items === null) return UNSURE;
  const skipContext = { seenHeader: true, headerWidth: header.headerWidth, delimiter: header.delimiter };
  // The text starts with the header line, one line before the chunk; csv-parse counts the header as line 1.
  const linesOffset = startLine - 2;
  let nextLine = startLine - 1;
  let rowsRead = 0;
  let stagedRows = 0;
  const copyLines: string[] = [];
  const rowErrors: RowError[][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const start = nextLine;
    if (!Array.isArray(item)) {
      const skipped = skippedRow(item.skipped, start, skipContext, linesOffset);
      if (skipped.record) return UNSURE;
      nextLine = skipped.nextLine;
      continue;
    }
    let breaks = 0;
    for (const f of item) if (f.includes('\n')) breaks += countNewlines(f);
    nextLine = start + 1 + breaks;
    if (i === 0) continue; // the header line, read and checked on the main thread
    const record = rowRecord(item, header.columns, start);
    if (!record) continue;
    rowsRead += 1;
    const result = validateRecord(record, today);
    if (result.ok) {
      copyLines.push(stageLine(result.row));
      stagedRows += 1;
    } else {
      rowErrors.push(result.errors);
    }
  }
  return { rowsRead, copyText: copyLines.join(''), stagedRows, rowErrors, nextLine };
}

/**
 * The chunk's records and blank lines, in order, parsed with the options of the serial reading; null when
 * csv-parse met anything else. The header line goes first, so that csv-parse expects the header's field count.
 */
function csvItemsOf(job: ChunkJob): Item[] | null {
  const items: Item[] = [];
  let unsure = false;
  try {
    parseSync(`${job.header.firstLine}\n${job.text}`, {
      delimiter: job.header.delimiter,
      bom: true,
      relax_column_count: false,
      skip_empty_lines: false,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARS,
      on_record: (record: string[]) => {
        items.push(record);
        return null; // kept here, in order with the skipped rows
      },
      on_skip: (err: CsvError | undefined): undefined => {
        if (!err) return undefined;
        if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') items.push({ skipped: err });
        else unsure = true;
        return undefined;
      },
    });
  } catch {
    return null;
  }
  return unsure ? null : items;
}
