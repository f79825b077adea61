import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urlForLog } from './log-url.js';

describe('a URL as the logs keep it', () => {
  it('hides a survey token and a query, and keeps ids and words', () => {
    expect(urlForLog(`/api/v1/satisfaction/survey/${'a1B2'.repeat(8)}`)).toBe('/api/v1/satisfaction/survey/[token]');
    expect(urlForLog('/api/v1/search?q=Dupont%20Marie')).toBe('/api/v1/search?[query]');
    expect(urlForLog('/api/v1/cases/0b1e6a8c-5d1f-4c1a-9a7e-2f7d0c1b9e11/plans')).toBe(
      '/api/v1/cases/0b1e6a8c-5d1f-4c1a-9a7e-2f7d0c1b9e11/plans',
    );
    expect(urlForLog('/api/v1/reports/champion-challenger')).toBe('/api/v1/reports/champion-challenger');
  });

  it('never keeps a long token-like segment, whatever the path around it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('api', 'v1', 'portal', 'survey', 'cases'), { maxLength: 4 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{24,64}$/),
        (before, token) => {
          const logged = urlForLog(`/${[...before, token].join('/')}`);
          expect(logged.includes(token)).toBe(false);
        },
      ),
    );
  });
});
