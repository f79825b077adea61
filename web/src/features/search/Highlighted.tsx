import type { SearchResult } from './api.js';

/** A matched value with the parts the typed text matched in <mark>. */
export function Highlighted({ value, highlights }: Pick<SearchResult, 'value' | 'highlights'>) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push({ text: value.slice(at, start), marked: false });
    parts.push({ text: value.slice(start, end), marked: true });
    at = end;
  }
  if (at < value.length) parts.push({ text: value.slice(at), marked: false });
  return (
    <span className="search-value">
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
