import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy.js';
import { describePolicy } from './describe.js';
import { readPolicySource } from './source-words.js';

describe('the source of a policy rule', () => {
  it('reads the English words of the shipped sources by key, keeping the citations as written', () => {
    expect(readPolicySource('C. conso D223-9 (benchmark)')).toEqual([
      { citation: 'C. conso D223-9', note: 'benchmark' },
    ]);
    expect(readPolicySource('Regulation F (US anchor)')).toEqual([{ citation: 'Regulation F', note: 'usAnchor' }]);
    expect(readPolicySource('L. 260/1949 as amended')).toEqual([{ citation: 'L. 260/1949', note: 'asAmended' }]);
    expect(readPolicySource('Garante Privacy 2005; ASF code')).toEqual([
      { citation: 'Garante Privacy 2005', note: null },
      { name: 'asfCode' },
    ]);
    expect(readPolicySource('UNIREC code')).toEqual([{ name: 'unirecCode' }]);
    expect(readPolicySource('C. conso L722-2, R722-5')).toEqual([{ citation: 'C. conso L722-2, R722-5', note: null }]);
  });

  it('leaves no English word of the shipped policy unread', () => {
    const english = /\b(benchmark|anchor|amended|code)\b/;
    const sources = describePolicy(DEFAULT_POLICY).flatMap((line) => (line.source ? [line.source] : []));
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      for (const part of readPolicySource(source)) if ('citation' in part) expect(part.citation).not.toMatch(english);
    }
  });

  it('keeps every citation of a typed source, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9.,\- ]{1,20}$/), { minLength: 1, maxLength: 4 }), (parts) => {
        const source = parts.join('; ');
        expect(readPolicySource(source)).toHaveLength(source.split('; ').length);
      }),
    );
  });
});
