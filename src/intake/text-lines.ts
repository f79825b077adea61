/**
 * Splits text into lines without ever holding more than one line (up to `maxChars`): a longer line is
 * reported by its number and skipped.
 */
export async function* textLines(
  text: AsyncIterable<string>,
  maxChars: number,
): AsyncGenerator<{ line: number; text: string | null }> {
  let partial = '';
  let tooLong = false;
  let line = 1;
  for await (const chunk of text) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      const piece = chunk.slice(from, nl);
      from = nl + 1;
      if (!tooLong && partial.length + piece.length <= maxChars) yield { line, text: partial + piece };
      else yield { line, text: null };
      partial = '';
      tooLong = false;
      line++;
    }
    if (!tooLong) {
      partial += chunk.slice(from);
      if (partial.length > maxChars) {
        tooLong = true;
        partial = '';
      }
    }
  }
  if (tooLong) yield { line, text: null };
  else if (partial !== '') yield { line, text: partial };
}
