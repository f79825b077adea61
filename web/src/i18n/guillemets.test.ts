import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fr } from './fr.js';

/** Every text of a tree, with where it stands. */
function texts(node: unknown, path: string): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => texts(value, `${path}.${key}`));
}

/**
 * Each capability's French dictionary, read whole: `fr.ts` takes parts of some (`adminProblemsFr.teams`) and a later
 * spread hides an earlier key, so its tree alone could leave a text out.
 */
async function namespacedTexts(): Promise<[string, string][]> {
  const folders = readdirSync(new URL('.', import.meta.url), { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  const found: [string, string][] = [];
  for (const folder of folders) {
    const dictionary = (await import(`./${folder.name}/fr.ts`)) as Record<string, unknown>;
    found.push(...texts(dictionary, folder.name));
  }
  return found;
}

// « and » hold to their words by a no-break space: with a plain one, on a phone the closing » went to a line of its own.
const LOOSE_GUILLEMET = /«(?!\u00a0)|(?<!\u00a0)»/;

describe('French guillemets', () => {
  it('have a no-break space (U+00A0) inside them in every French text, never a plain one or none', async () => {
    const all = [...texts(fr, 'fr'), ...(await namespacedTexts())];
    expect(all.filter(([, text]) => text.includes('«')).length).toBeGreaterThan(60);
    expect(all.filter(([, text]) => LOOSE_GUILLEMET.test(text))).toEqual([]);
  });
});
