import { inflateRawSync } from 'node:zlib';

/** The files of a ZIP archive (an XLSX workbook) by name, read through its central directory. */
export function unzip(archive: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP archive');
  let entry = archive.readUInt32LE(end + 16);
  for (let n = archive.readUInt16LE(end + 10); n > 0; n--) {
    const method = archive.readUInt16LE(entry + 10);
    const size = archive.readUInt32LE(entry + 20);
    const nameLength = archive.readUInt16LE(entry + 28);
    const skip = nameLength + archive.readUInt16LE(entry + 30) + archive.readUInt16LE(entry + 32);
    const local = archive.readUInt32LE(entry + 42);
    const name = archive.toString('utf8', entry + 46, entry + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    entry += 46 + skip;
  }
  return files;
}

/**
 * The first sheet's cells row by row, as written: a text (shared or inline string), or a number for numbers and
 * dates (a date is a serial day count with a date format), with the cell's style index.
 */
export function readSheet(archive: Buffer): { value: string | number; style: number }[][] {
  const files = unzip(archive);
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    [...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => unescapeXml(t[1]!)).join(''),
  );
  const sheet = files.get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no first sheet');
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((cell) => {
      const attributes = cell[1]!;
      const inner = cell[2] ?? '';
      const style = Number(/ s="(\d+)"/.exec(attributes)?.[1] ?? 0);
      const raw = /<v>(.*?)<\/v>/s.exec(inner)?.[1] ?? /<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? '';
      if (/t="s"/.test(attributes)) return { value: shared[Number(raw)]!, style };
      if (/t="(inlineStr|str)"/.test(attributes)) return { value: unescapeXml(raw), style };
      return { value: Number(raw), style };
    }),
  );
}

/** The number format code of each cell style index (`#,##0.00`, `dd/mm/yyyy`…), for checking amounts and dates. */
export function styleFormats(archive: Buffer): string[] {
  const styles = unzip(archive).get('xl/styles.xml') ?? '';
  const formats = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, unescapeXml(m[2]!)]),
  );
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf ([^>]*?)\/?>/g)].map((xf) => {
    const id = /numFmtId="(\d+)"/.exec(xf[1]!)?.[1] ?? '0';
    return formats.get(id) ?? `builtin:${id}`;
  });
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
