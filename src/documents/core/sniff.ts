/**
 * The media type of a file, read from its first bytes and never from its name or the type the sender declared: a
 * program renamed `.pdf` is still a program. Only the few types a case needs are admitted; anything else is refused.
 */

export const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'text/plain'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** How many leading bytes the sniffing reads. */
export const SNIFF_BYTES = 8192;

/** The usual file extension of each admitted type, for a download's name. */
export const EXTENSIONS: Record<MediaType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'text/plain': 'txt',
};

const SIGNATURES: { type: MediaType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] }, // little-endian "II*\0"
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // big-endian "MM\0*"
];

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);
}

/**
 * Plain text: valid UTF-8 (a UTF-8 byte order mark allowed) with no control character other than tab, line feed,
 * form feed and carriage return. A sequence cut at the end of the sample is allowed (the sample stops mid-file).
 */
export function isPlainText(head: Uint8Array, complete: boolean): boolean {
  if (head.length === 0) return false;
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  let index = start;
  while (index < head.length) {
    const byte = head[index]!;
    if (byte < 0x80) {
      if (byte === 0x7f || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d))
        return false;
      index += 1;
      continue;
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    if (index + length > head.length) return !complete;
    for (let next = 1; next < length; next += 1) {
      const continuation = head[index + next]!;
      if (continuation < 0x80 || continuation > 0xbf) return false;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const second = head[index + 1]!;
    if (byte === 0xe0 && second < 0xa0) return false;
    if (byte === 0xed && second > 0x9f) return false;
    if (byte === 0xf0 && second < 0x90) return false;
    if (byte === 0xf4 && second > 0x8f) return false;
    index += length;
  }
  return true;
}

/**
 * The admitted media type the bytes are, or null. `complete` says the sample is the whole file (a short file), so a
 * multi-byte character cut at its end is not text.
 */
export function sniffMediaType(head: Uint8Array, complete: boolean): MediaType | null {
  for (const signature of SIGNATURES) if (startsWith(head, signature.bytes)) return signature.type;
  return isPlainText(head.subarray(0, SNIFF_BYTES), complete && head.length <= SNIFF_BYTES) ? 'text/plain' : null;
}
