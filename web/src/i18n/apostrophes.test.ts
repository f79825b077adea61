import { describe, expect, it } from 'vitest';
import { fr } from './fr.js';
import { it as italian } from './it.js';

/** Every text of a tree, with where it stands. */
function texts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key));
}

describe('typographic apostrophes', () => {
  it.each([
    ['fr', fr],
    ['it', italian],
  ])('the %s texts use the typographic apostrophe (’), never the straight one', (_language, tree) => {
    const straight = texts(tree).filter(([, text]) => text.includes("'"));
    expect(straight).toEqual([]);
  });
});
