/**
 * The source of a rule as the reader's page words it. The shipped policy names its sources with English words around
 * the citations ("C. conso D223-9 (benchmark)", "UNIREC code", "L. 260/1949 as amended"); they are read back here as
 * the citation, kept as written (a legal reference is not translated), and what the English said, by key. A source a
 * compliance officer typed stays whole, as written.
 */
export type PolicySourceNote = 'benchmark' | 'usAnchor' | 'asAmended';
export type PolicySourceName = 'unirecCode' | 'asfCode';

export type PolicySourcePart = { citation: string; note: PolicySourceNote | null } | { name: PolicySourceName };

const NAMES: Readonly<Record<string, PolicySourceName>> = { 'UNIREC code': 'unirecCode', 'ASF code': 'asfCode' };
const NOTES: readonly [RegExp, PolicySourceNote][] = [
  [/^(.+) \(benchmark\)$/, 'benchmark'],
  [/^(.+) \(US anchor\)$/, 'usAnchor'],
  [/^(.+) as amended$/, 'asAmended'],
];

function readPart(part: string): PolicySourcePart {
  if (Object.hasOwn(NAMES, part)) return { name: NAMES[part]! };
  for (const [pattern, note] of NOTES) {
    const match = pattern.exec(part);
    if (match) return { citation: match[1]!, note };
  }
  return { citation: part, note: null };
}

/** The parts of a source, in order (several sources are separated by "; "). */
export function readPolicySource(source: string): PolicySourcePart[] {
  return source.split('; ').map(readPart);
}
