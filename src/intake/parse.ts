/**
 * Reads intake files (CSV or JSON Lines, docs/intake-format.md) as a stream of records, one at a time: a file of
 * a million rows never sits in memory. Problems of one row (wrong number of fields, broken JSON) come out as row
 * errors on that row; problems of the whole file (bad header, not UTF-8, a quote never closed) stop the reading
 * with an IntakeFileError.
 */
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse as csvParse, type CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { AppError } from '../platform/errors.js';
import { checkHeader, detectDelimiter } from './core/columns.js';
import type { FileError, IntakeRecord, RowError } from './core/types.js';
import { attachReadErrors, reportedValue } from './core/validate-row.js';
import { textLines } from './text-lines.js';

export type IntakeFormat = 'csv' | 'jsonl';

/** Longest record (CSV) or line (JSON Lines) read, in characters: far beyond any valid row, it bounds memory. */
export const MAX_RECORD_CHARS = 256 * 1024;

/**
 * The file cannot be read as an intake file at all: it is refused whole, whatever the mandate says about bad
 * rows. `errors` says what to fix; as an AppError it answers 422 with code `intake.file_invalid`.
 */
export class IntakeFileError extends AppError {
  constructor(readonly errors: FileError[]) {
    const first = errors[0];
    const where = first?.line ? `line ${first.line}: ` : '';
    super(
      'intake.file_invalid',
      422,
      `The file cannot be imported: ${where}${first?.message ?? 'unknown problem'}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''}.`,
      { errors },
    );
    this.name = 'IntakeFileError';
  }
}

const fileError = (code: string, line: number | null, message: string): IntakeFileError =>
  new IntakeFileError([{ code, line, message }]);

/** The format a file name announces (`.csv`, `.jsonl`, `.ndjson`), or null. */
export function formatFromName(path: string): IntakeFormat | null {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return null;
}

/**
 * Reads an intake file. The format comes from the extension, or else from the first non-blank character
 * (`{` → JSON Lines, anything else → CSV). Yields each record with the physical line where it starts; throws an
 * IntakeFileError (on the first iteration for a bad header) when the file as a whole cannot be read.
 */
export async function* readIntakeFile(path: string): AsyncGenerator<IntakeRecord, void, undefined> {
  // Opened on the first iteration, closed when the reading ends, fails or is abandoned.
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    yield* readIntakeStream(stream, formatFromName(path) ?? 'auto');
  } finally {
    stream.destroy();
  }
}

/** Reads an intake file from a stream of bytes (an upload): as readIntakeFile, with the format given or 'auto'. */
export async function* readIntakeStream(
  stream: AsyncIterable<Uint8Array | string>,
  format: IntakeFormat | 'auto',
): AsyncGenerator<IntakeRecord, void, undefined> {
  const text = decodeText(stream)[Symbol.asyncIterator]();
  try {
    const { head, format: chosen } = await readHead(text, format);
    if (chosen === 'jsonl') yield* readJsonLines(prepend(head, text));
    else yield* readCsv(text, head);
  } finally {
    await text.return?.(undefined);
  }
}

/**
 * Reads the text until the first line is complete: it decides the format ('auto') and the CSV separator. The text
 * read (`head`) is to be read again before the rest of the iterator.
 */
export async function readHead(
  text: AsyncIterator<string>,
  format: IntakeFormat | 'auto',
): Promise<{ head: string; format: IntakeFormat }> {
  let head = '';
  let done = false;
  const firstLineComplete = () => {
    const first = head.search(/\S/);
    return first >= 0 && head.indexOf('\n', first) >= 0;
  };
  while (!done && !firstLineComplete() && head.length <= MAX_RECORD_CHARS) {
    const next = await text.next();
    if (next.done) done = true;
    else head += next.value;
  }
  if (head.trim() === '') throw fileError('file.empty', null, 'the file is empty');
  return { head, format: format === 'auto' ? (head.trimStart().startsWith('{') ? 'jsonl' : 'csv') : format };
}

/** The text read ahead, then the rest from the iterator it was read from. */
export async function* prepend(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (head !== '') yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

export const countNewlines = (text: string, end = text.length): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Bytes → text: strict UTF-8 (a file in another encoding is refused, not silently mangled), BOM removed, line
 * ends made `\n` (CRLF and lone CR), so that lines count the same whatever system wrote the file.
 */
export async function* decodeText(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 1;
  let pendingCR = false;
  const normalise = (chunk: string): string => {
    let text = pendingCR ? `\r${chunk}` : chunk;
    pendingCR = text.endsWith('\r');
    if (pendingCR) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, '\n');
    lines += countNewlines(text);
    return text;
  };
  const encodingError = (bytes: Uint8Array | null): IntakeFileError => {
    let line = lines;
    if (bytes) {
      const lossy = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
      const bad = lossy.indexOf('\uFFFD');
      if (bad >= 0) line += countNewlines(lossy, bad);
    }
    return fileError(
      'file.encoding',
      line,
      'the file is not valid UTF-8 (it may be in Windows-1252 or ISO-8859-1): export it again as UTF-8 (CSV UTF-8 in Excel)',
    );
  };
  let first = true;
  for await (const chunk of stream) {
    let text: string;
    if (typeof chunk === 'string') {
      text = first ? chunk.replace(/^\uFEFF/, '') : chunk;
    } else {
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw encodingError(chunk);
      }
    }
    first = false;
    if (text !== '') yield normalise(text);
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw encodingError(null);
  }
  const last = normalise(tail) + (pendingCR ? '\n' : '');
  if (last !== '') yield last;
}

const rowError = (line: number, column: string, value: string, code: string, message: string): RowError => ({
  line,
  column,
  value: reportedValue(value),
  code,
  message,
});

/** A record that could not be read: no fields, its problems attached (see validateRow). */
const unreadable = (line: number, errors: RowError[]): IntakeRecord => ({
  line,
  record: attachReadErrors({}, errors),
  errors,
});

/**
 * What the CSV parser hands on, in file order: a record's fields, a row it skipped, or a problem after which the
 * rest of the file cannot be trusted (the last two pushed by on_skip).
 */
type CsvItem = string[] | { skipped: CsvError } | { fatal: CsvError };

/**
 * CSV: the header line first, then one record per row, each with the physical line where it starts. Lines are
 * counted here (a record takes one line plus the line breaks inside its quoted fields) rather than through
 * csv-parse's `info` option, whose per-record snapshot costs a third of the parsing time; csv-parse's own count
 * (`err.lines`) re-anchors the count after every skipped row.
 */
async function* readCsv(rest: AsyncIterator<string>, head: string): AsyncGenerator<IntakeRecord> {
  const header = readCsvHeader(head);
  yield* readCsvRecords(prepend(head.slice(header.leading.length), rest), header, {
    line: header.headerLine,
    linesOffset: 0,
  });
}

export type CsvHeader = ReturnType<typeof readCsvHeader>;

/**
 * The records of CSV text that starts with the header line (`from.line` is the line given to it). `from.linesOffset`
 * is added to csv-parse's own line count, for text that does not start at the top of the file (see read-chunks.ts).
 */
export async function* readCsvRecords(
  text: AsyncIterable<string>,
  header: CsvHeader,
  from: { line: number; linesOffset: number },
): AsyncGenerator<IntakeRecord> {
  const { delimiter, headerWidth, columns } = header;
  const { records, parser } = csvItems(text, delimiter);
  let nextLine = from.line;
  let seenHeader = false;
  try {
    for await (const item of records) {
      const start = nextLine;
      if ('fatal' in item) throw csvFileError(item.fatal, start, from.linesOffset);
      if (!Array.isArray(item)) {
        const skipped = skippedRow(item.skipped, start, { seenHeader, headerWidth, delimiter }, from.linesOffset);
        nextLine = skipped.nextLine;
        if (skipped.record) yield skipped.record;
        continue;
      }
      const fields = item;
      let breaks = 0;
      for (const f of fields) if (f.includes('\n')) breaks += countNewlines(f);
      nextLine = start + 1 + breaks;
      if (!seenHeader) {
        seenHeader = true; // already read and checked by readCsvHeader
        continue;
      }
      const record = rowRecord(fields, columns, start);
      if (record) yield record;
    }
  } catch (error) {
    if (error instanceof IntakeFileError) throw error;
    if (isCsvError(error)) throw csvFileError(error, nextLine, from.linesOffset);
    throw error;
  } finally {
    parser.destroy();
  }
}

/** The header line: where it stands, the separator it uses and the columns it names, checked. */
export function readCsvHeader(head: string) {
  // Blank lines before the header are dropped (the parser must see the header first) but counted.
  const leading = /^(?:[ \t]*\n)*/.exec(head)?.[0] ?? '';
  const firstLine = head.slice(leading.length).split('\n', 1)[0] ?? '';
  const headerLine = countNewlines(leading) + 1;
  const delimiter = detectDelimiter(firstLine);
  if (delimiter === null) {
    throw fileError('file.separator', headerLine, 'the columns are separated by tabs: separate them with ";" or ","');
  }
  let headerFields: string[];
  try {
    headerFields = (parseSync(firstLine, { delimiter, bom: true }) as string[][])[0] ?? [];
  } catch (error) {
    throw fileError(
      'header.invalid',
      headerLine,
      `the header line cannot be read${error instanceof Error ? ` (${error.message})` : ''}`,
    );
  }
  const header = checkHeader(headerFields);
  if (header.errors.length > 0) throw new IntakeFileError(header.errors.map((e) => ({ ...e, line: headerLine })));
  return { leading, firstLine, headerLine, delimiter, headerWidth: headerFields.length, columns: header.columns };
}

/** The CSV parser over the text, from the header line on: what it hands on, in file order (see CsvItem). */
function csvItems(text: AsyncIterable<string>, delimiter: string) {
  let parser: ReturnType<typeof csvParse> | null = null;
  parser = csvParse({
    delimiter,
    bom: true,
    relax_column_count: false,
    // Blank lines reach on_skip as one-field records, so that every line is counted; they are ignored there.
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (err: CsvError | undefined): undefined => {
      if (!err) return undefined;
      if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || err.code === 'INVALID_OPENING_QUOTE') {
        parser?.push({ skipped: err } satisfies CsvItem);
        return undefined;
      }
      // The parser runs ahead of the reading loop, which alone knows the line the broken row starts on: hand the
      // problem on in order, and stop feeding the parser (what it already holds is not read further).
      if (!stopped) parser?.push({ fatal: err } satisfies CsvItem);
      stopped = true;
      return undefined;
    },
  });
  let stopped = false;
  async function* feed(): AsyncGenerator<string> {
    for await (const chunk of text) {
      if (stopped) return;
      yield chunk;
    }
  }
  const records: AsyncIterable<CsvItem> = pipeline(Readable.from(feed()), parser, () => {});
  return { records, parser };
}

/**
 * A row the parser skipped: a stray quote, or the wrong number of fields (a blank line is one field, and is
 * ignored). The line after it, and the unreadable record to hand on, if any.
 */
export function skippedRow(
  err: CsvError,
  start: number,
  header: { seenHeader: boolean; headerWidth: number; delimiter: string },
  linesOffset = 0,
): { nextLine: number; record: IntakeRecord | null } {
  const fields = Array.isArray(err.record) ? (err.record as string[]) : [];
  const end =
    typeof err.lines === 'number' ? err.lines + linesOffset : start + fields.reduce((n, f) => n + countNewlines(f), 0);
  const nextLine = end + 1;
  if (err.code === 'INVALID_OPENING_QUOTE') {
    if (!header.seenHeader)
      throw fileError('header.invalid', start, 'the header line cannot be read: a quote stands inside a column name');
    const quote = rowError(
      end,
      '',
      '',
      'csv.quote',
      'a quote (") stands inside a field that does not start with one: put the whole field in quotes and double the inner quotes ("")',
    );
    return { nextLine, record: unreadable(end, [quote]) };
  }
  if (fields.every((f) => f.trim() === '')) return { nextLine, record: null }; // a blank line
  const { headerWidth, delimiter } = header;
  const message = `the row has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${headerWidth}: check the "${delimiter}" separators and the quotes${end > start ? ` (the row runs from line ${start} to line ${end})` : ''}`;
  return {
    nextLine,
    record: unreadable(start, [rowError(start, '', fields.join(delimiter), 'csv.field_count', message)]),
  };
}

/** A row's fields by column name; a value in a column the header does not name is an error; null for a blank row. */
export function rowRecord(
  fields: string[],
  columns: readonly (string | undefined)[],
  start: number,
): IntakeRecord | null {
  const record: Record<string, string> = {};
  let blank = true;
  let errors: RowError[] | null = null;
  for (let i = 0; i < fields.length; i++) {
    const name = columns[i];
    const value = fields[i] ?? '';
    if (blank && value.trim() !== '') blank = false;
    if (name) record[name] = value;
    else if (value.trim() !== '') {
      (errors ??= []).push(
        rowError(
          start,
          `column ${i + 1}`,
          value,
          'column.unnamed',
          `this value stands in column ${i + 1}, which has no name in the header: name the column or remove the value`,
        ),
      );
    }
  }
  if (blank) return null; // a line of separators only, as spreadsheets leave
  return errors ? { line: start, record: attachReadErrors(record, errors), errors } : { line: start, record };
}

const isCsvError = (error: unknown): error is CsvError => {
  const code: unknown = error instanceof Error ? (error as unknown as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE');
};

/** CSV problems after which the rest of the file cannot be trusted: the file is refused. */
function csvFileError(err: CsvError, start: number, linesOffset: number): IntakeFileError {
  const at = typeof err.lines === 'number' ? err.lines + linesOffset : null;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fileError(
        'csv.quote_not_closed',
        start,
        `a quoted field of the row starting on line ${start} is never closed (the file ends inside it${at ? `, on line ${at}` : ''}): add the missing quote (")`,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return fileError(
        'csv.quote',
        start,
        `in the row starting on line ${start}, a quoted field is followed by other characters before the separator${at && at !== start ? ` (on line ${at})` : ''}: inside quotes, write a quote as two quotes ("")`,
      );
    case 'CSV_MAX_RECORD_SIZE':
      return fileError(
        'csv.record_too_large',
        start,
        `the row starting on line ${start} is longer than ${MAX_RECORD_CHARS} characters: a quote is probably never closed`,
      );
    default:
      return fileError('csv.invalid', at ?? start, `the file is not valid CSV: ${err.message}`);
  }
}

/** JSON Lines: one object per non-blank line; a line that is not one is a row error on that line. */
export async function* readJsonLines(text: AsyncIterable<string>): AsyncGenerator<IntakeRecord> {
  let any = false;
  for await (const { line, text: content } of textLines(text, MAX_RECORD_CHARS)) {
    if (content === null) {
      yield unreadable(line, [
        rowError(line, '', '', 'line.too_long', `the line is longer than ${MAX_RECORD_CHARS} characters`),
      ]);
      continue;
    }
    if (content.trim() === '') continue;
    any = true;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
      yield unreadable(line, [
        rowError(
          line,
          '',
          content,
          'json.invalid',
          `the line is not valid JSON${detail}: each line must be one JSON object`,
        ),
      ]);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield unreadable(line, [
        rowError(
          line,
          '',
          content,
          'json.not_object',
          'each line must be one JSON object: {"debtor_reference": "…", …}',
        ),
      ]);
      continue;
    }
    const record: Record<string, string> = {};
    const errors: RowError[] = [];
    for (const [key, v] of Object.entries(value)) {
      if (v === null) continue;
      if (typeof v === 'string') record[key] = v;
      else if (typeof v === 'number') record[key] = String(v);
      else {
        errors.push(
          rowError(
            line,
            key,
            JSON.stringify(v) ?? '',
            'json.value_type',
            'write the value as a string (or a number for amounts)',
          ),
        );
      }
    }
    yield errors.length > 0 ? { line, record: attachReadErrors(record, errors), errors } : { line, record };
  }
  if (!any) throw fileError('file.empty', null, 'the file has no records');
}
