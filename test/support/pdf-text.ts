import { inflateSync } from 'node:zlib';

/** The text of a PDF: its streams inflated and its strings decoded, joined, so that a marker split by kerning is whole. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      content = match[1]!;
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
  const first = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(raw);
  if (!first) return [];
  const content = inflateSync(Buffer.from(first[1]!, 'latin1')).toString('latin1');
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
