import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';

/** The text of a PDF: its streams inflated and its strings decoded, joined, so that a marker split by kerning is whole. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const data of pdfStreams(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
    } catch {
      content = data;
    }
    for (const piece of content.matchAll(/<([0-9a-fA-F]+)>|\(((?:\\.|[^\\)])*)\)/g)) {
      text += piece[1] ? Buffer.from(piece[1], 'hex').toString('latin1') : piece[2]!;
    }
  }
  return `${raw}\n${text}`;
}

/** A line of text pdfkit drew: where it starts, from the sheet's top-left corner in points, and its text. */
export interface PdfTextRun {
  x: number;
  top: number;
  text: string;
}

/**
 * The lines of text on the first page of a PDF written by pdfkit (its first content stream), each with where it
 * starts: pdfkit flips the page twice (`1 0 0 -1 0 h cm`), so a run's `Tm` is in the PDF's own bottom-up points.
 */
export function pdfFirstPageRuns(pdf: Buffer): PdfTextRun[] {
  const raw = pdf.toString('latin1');
  const height = Number(/\/MediaBox \[0 0 [\d.]+ ([\d.]+)\]/.exec(raw)?.[1] ?? '841.89');
  const first = pdfStreams(raw)[0];
  if (first === undefined) return [];
  const content = inflateSync(Buffer.from(first, 'latin1')).toString('latin1');
  const runs: PdfTextRun[] = [];
  for (const block of content.matchAll(/BT\s+1 0 0 1 ([\d.-]+) ([\d.-]+) Tm[\s\S]*?\[([\s\S]*?)\] TJ\s+ET/g)) {
    const text = [...block[3]!.matchAll(/<([0-9a-fA-F]*)>/g)]
      .map((piece) => Buffer.from(piece[1]!, 'hex').toString('latin1'))
      .join('');
    runs.push({ x: Number(block[1]), top: height - Number(block[2]), text });
  }
  return runs;
}

/** Text as the PDF's standard fonts encode it (WinAnsi), without any white space: a PDF's lines break anywhere. */
export const squeezed = (text: string) =>
  text.replace(/’/g, '\x92').replace(/€/g, '\x80').replace(/–/g, '\x96').replace(/\s+/g, '');

/** The texts of the first page drawn inside a box (an envelope's window), top to bottom as written. */
export function pdfTextsInBox(pdf: Buffer, box: { x: number; y: number; width: number; height: number }): string[] {
  return pdfFirstPageRuns(pdf)
    .filter((run) => run.x >= box.x - 1 && run.x < box.x + box.width)
    .filter((run) => run.top >= box.y && run.top < box.y + box.height)
    .map((run) => run.text);
}

// The package is CommonJS whose module object is the function; its types declare an ES default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/**
 * The texts of the QR codes a PDF draws as vector squares (`x y w w re`, as `letter-qr.ts` does), read back by a QR
 * decoder from a bitmap of those squares: what a phone's camera would read off the printed sheet.
 */
export function pdfQrTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const found: string[] = [];
  for (const data of pdfStreams(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    const allSquares = [...content.matchAll(/([\d.-]+) ([\d.-]+) ([\d.]+) ([\d.]+) re/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }))
      .filter((s) => Math.abs(s.w - s.h) < 0.01);
    if (allSquares.length === 0) continue;
    // The code's modules are the most frequent square size: any other square on the page (a box, a mark) is not one.
    const sizes = new Map<string, number>();
    for (const s of allSquares) sizes.set(s.w.toFixed(2), (sizes.get(s.w.toFixed(2)) ?? 0) + 1);
    const moduleSize = [...sizes].sort((a, b) => b[1] - a[1])[0]![0];
    const squares = allSquares.filter((s) => s.w.toFixed(2) === moduleSize);
    const side = squares[0]!.w;
    const left = Math.min(...squares.map((s) => s.x));
    const top = Math.min(...squares.map((s) => s.y));
    const modules = Math.round((Math.max(...squares.map((s) => s.x)) - left) / side) + 1;
    const scale = 4;
    const quiet = 4;
    const width = (modules + 2 * quiet) * scale;
    const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
    for (const square of squares) {
      const col = Math.round((square.x - left) / side) + quiet;
      const row = Math.round((square.y - top) / side) + quiet;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const at = ((row * scale + dy) * width + col * scale + dx) * 4;
          pixels.fill(0, at, at + 3);
        }
      }
    }
    const read = jsQR(pixels, width, width);
    if (read) found.push(read.data);
  }
  return found;
}

/**
 * The raw data of each stream of a PDF, cut at the length its dictionary gives: compressed data may end with a byte
 * that reads as the line end before `endstream` (a carriage return), which a pattern would then take off.
 */
function pdfStreams(raw: string): string[] {
  const streams: string[] = [];
  for (const match of raw.matchAll(/\bstream\r?\n/g)) {
    const start = match.index + match[0].length;
    // The stream's dictionary is what its object holds before the keyword (nested dictionaries and all).
    const dictionary = raw.slice(raw.lastIndexOf(' obj', match.index), match.index);
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dictionary);
    if (length) {
      streams.push(raw.slice(start, start + Number(length[1])));
      continue;
    }
    const end = raw.indexOf('endstream', start);
    if (end > start) streams.push(raw.slice(start, end).replace(/\r?\n$/, ''));
  }
  return streams;
}
