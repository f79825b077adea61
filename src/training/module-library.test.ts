import { describe, expect, it } from 'vitest';
import { MODULE_IDS, TRAINING_LANGUAGES } from './core/catalogue.js';
import { moduleLibrary } from './module-library.js';

describe('the modules in the repository', () => {
  it('are every module in French, Italian and English, each with a quiz of at least 6 questions', () => {
    const library = moduleLibrary();
    expect(library.size).toBe(MODULE_IDS.length * TRAINING_LANGUAGES.length);
    for (const module of library.values()) {
      expect(module.bank.length, module.id).toBeGreaterThanOrEqual(6);
      expect(module.draw).toBeLessThanOrEqual(module.bank.length);
      expect(module.blocks.length).toBeGreaterThan(3);
    }
  });

  it('give each module one version and the same question ids in every language', () => {
    const library = moduleLibrary();
    for (const id of MODULE_IDS) {
      const [fr, ...others] = TRAINING_LANGUAGES.map((lang) => library.get(`${id}/${lang}`)!);
      for (const other of others) {
        expect(other.version, `${id}/${other.language}`).toBe(fr!.version);
        expect(other.passMark).toBe(fr!.passMark);
        expect(other.draw).toBe(fr!.draw);
        expect(other.bank.map((q) => q.id)).toEqual(fr!.bank.map((q) => q.id));
      }
    }
  });

  // Markdown has no escape for it: the files hold the character itself, which few editors show, so this test looks.
  it('hold the French guillemets to their words by no-break spaces (U+00A0), never plain ones', () => {
    const french = [...moduleLibrary().values()].filter((module) => module.language === 'fr');
    const loose = french.filter((module) => /«(?!\u00a0)|(?<!\u00a0)»/.test(JSON.stringify(module)));
    expect(loose.map((module) => module.id)).toEqual([]);
    expect(french.some((module) => JSON.stringify(module).includes('«\u00a0'))).toBe(true);
  });
});
