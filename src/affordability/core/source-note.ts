/**
 * The source of a reference figure as the reader's page words it. The figures shipped with Accord (migration 0006)
 * carry their notes in English after the legal citation ("CASF L262-2 (from 1 April 2026: secondary sources, to
 * check)"); they are read back here as the citation, kept as written (a legal reference is not translated), and notes
 * by key that the web app says in the reader's language. A source an administrator typed is kept whole, as written.
 */
export type SourceNote =
  | { key: 'scale'; year: number }
  | { key: 'from'; date: string }
  | { key: 'toConfirm' }
  | { key: 'placeholder' }
  | { key: 'agencyFloor' };

/** The source migration 0029 gave the indicative living floor it shipped (no statute sets that floor). */
const SHIPPED_FLOOR_SOURCE = 'indicative: 100 € for one person, 50 € per other person; the agency sets its own';

export interface SourceParts {
  /** The legal citation as written; empty when the source is only a note. */
  citation: string;
  notes: SourceNote[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function readNote(text: string): SourceNote | null {
  if (text === 'secondary sources, to check') return { key: 'toConfirm' };
  const scale = /^(\d{4}) scale$/.exec(text);
  if (scale) return { key: 'scale', year: Number(scale[1]) };
  const from = /^from (\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text);
  const month = from ? MONTHS.indexOf(from[2]!) + 1 : 0;
  if (from && month > 0) {
    return { key: 'from', date: `${from[3]}-${String(month).padStart(2, '0')}-${from[1]!.padStart(2, '0')}` };
  }
  return null;
}

export function readSource(source: string): SourceParts {
  if (source === "placeholder: replace with the agency's figure")
    return { citation: '', notes: [{ key: 'placeholder' }] };
  if (source === SHIPPED_FLOOR_SOURCE) return { citation: '', notes: [{ key: 'agencyFloor' }] };
  const withNotes = /^(.+?) \(([^()]+)\)$/.exec(source);
  if (!withNotes) return { citation: source, notes: [] };
  const notes = withNotes[2]!.split(': ').map(readNote);
  if (notes.some((note) => note === null)) return { citation: source, notes: [] };
  return { citation: withNotes[1]!, notes: notes as SourceNote[] };
}
