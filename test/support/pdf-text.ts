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
