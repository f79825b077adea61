/**
 * A file's name is metadata only: it is never used to build a path (files are stored by a generated id). What is
 * kept is the last segment of what the browser sent, without control characters, within a length; what is sent back
 * in Content-Disposition is encoded so that no name can break the header.
 */

export const FILE_NAME_MAX_LENGTH = 200;

/** The name kept for a document: the last path segment, control and bidi-override characters removed, trimmed. */
export function cleanFileName(raw: string, fallback: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const visible = lastSegment.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const trimmed = visible.trim().replace(/^\.+$/, '');
  const name = trimmed === '' ? fallback : trimmed;
  return Array.from(name).slice(0, FILE_NAME_MAX_LENGTH).join('');
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266, RFC 8187): an ASCII fallback where every character
 * outside printable ASCII, the quote and the backslash becomes `_`, and the exact name percent-encoded.
 */
export function contentDisposition(name: string): string {
  const fallback = Array.from(name, (char) =>
    /^[\x20-\x7e]$/.test(char) && char !== '"' && char !== '\\' ? char : '_',
  ).join('');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
