import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  companyNameKey,
  forbiddenCharacter,
  hasLetter,
  matchKey,
  nameKey,
  normaliseName,
  normaliseRegistration,
  parseRegistration,
} from './names.js';

describe('cleanText', () => {
  it('trims and collapses every kind of whitespace to one space', () => {
    expect(cleanText('  Marie   Dupont ')).toBe('Marie Dupont');
    expect(cleanText('12 rue\tde la\npaix')).toBe('12 rue de la paix');
    expect(cleanText('a\u00a0\u202f b')).toBe('a b');
    expect(cleanText('déjà propre')).toBe('déjà propre');
    expect(cleanText('   ')).toBe('');
  });
});

describe('forbiddenCharacter', () => {
  it('accepts printable text in any script, and tabs and line breaks', () => {
    expect(forbiddenCharacter('Chloé Muller-Schmitt')).toBeNull();
    expect(forbiddenCharacter('Résidence «Les Pins»\nbât. B\t3')).toBeNull();
    expect(forbiddenCharacter('Ζωή Παπαδοπούλου')).toBeNull();
  });

  it('refuses control and invisible characters and the replacement character', () => {
    expect(forbiddenCharacter('Dupont\u0000')).toContain('U+0000');
    expect(forbiddenCharacter('Du\u200bpont')).toContain('U+200B');
    expect(forbiddenCharacter('H\uFFFDl\uFFFDne')).toContain('UTF-8');
  });
});

describe('normaliseName and the keys', () => {
  it('makes names comparable', () => {
    expect(normaliseName('Jean-Pierre')).toBe('jeanpierre');
    expect(normaliseName('Jérôme')).toBe('jerome');
    expect(normaliseName("D'Artagnan")).toBe('dartagnan');
    expect(normaliseName('Lætitia')).toBe('laetitia');
    expect(normaliseName('Cœur')).toBe('coeur');
    expect(normaliseName('Strauß')).toBe('strauss');
    expect(normaliseName('Saint-Exupéry')).toBe('saintexupery');
    expect(normaliseName('St Exupéry')).toBe('stexupery');
  });

  it('Jean-Pierre DE LA FONTAINE and jean pierre de la fontaine have the same keys; Jérôme is jerome', () => {
    expect(nameKey('DE LA FONTAINE', 'Jean-Pierre')).toBe(nameKey('de la fontaine', 'jean pierre'));
    expect(nameKey('DE LA FONTAINE', 'Jean-Pierre')).toBe('delafontaine|jeanpierre');
    expect(matchKey('Dupont', 'Jérôme', '1980-02-29')).toBe('dupont|jerome|1980-02-29');
  });

  it('has no match key without a birth date, and no key for an empty name', () => {
    expect(matchKey('Dupont', 'Marie', null)).toBeNull();
    expect(nameKey('Dupont', '--')).toBeNull();
    expect(companyNameKey('Boulangerie des Tanneurs SARL')).toBe('company|boulangeriedestanneurssarl');
  });

  it('hasLetter tells names from punctuation and digits', () => {
    expect(hasLetter('Ø')).toBe(true);
    expect(hasLetter('12-34')).toBe(false);
  });

  const casing = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toUpperCase(),
    (s) => s.toLowerCase(),
  );
  const accents: Record<string, string> = { e: 'é', a: 'à', o: 'ô', c: 'ç', i: 'ï', u: 'ù' };
  const word = fc.stringMatching(/^[a-z]{1,10}$/);

  it('the keys are invariant under case, accents, extra spaces and hyphens (property)', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        casing,
        fc.constantFrom(' ', '-', '  ', ' - ', '\u00a0'),
        fc.boolean(),
        (lastWords, firstWords, cased, separator, accented) => {
          const accent = (s: string) => (accented ? s.replace(/[eaocius]/g, (c) => accents[c] ?? c) : s);
          const last = `  ${cased(accent(lastWords.join(separator)))} `;
          const first = cased(accent(firstWords.join(separator)));
          expect(nameKey(last, first)).toBe(nameKey(lastWords.join(' '), firstWords.join(' ')));
          expect(matchKey(last, first, '1980-01-01')).toBe(`${lastWords.join('')}|${firstWords.join('')}|1980-01-01`);
        },
      ),
    );
  });
});

describe('normaliseName on plain ASCII', () => {
  // The general folding, which a name with a character beyond ASCII takes.
  const folded = (name: string) =>
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');

  it('gives the key the general folding gives (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (name) => {
        expect(normaliseName(name)).toBe(folded(name));
      }),
      { numRuns: 2000 },
    );
    expect(normaliseName("D'Artagnan-Le Grand 2")).toBe('dartagnanlegrand2');
  });
});

describe('parseRegistration', () => {
  it('accepts a French SIREN or SIRET whose SIREN passes its check digit, keyed on the SIREN', () => {
    expect(parseRegistration('812 345 676', 'FR')).toEqual({
      ok: true,
      registration: '812345676',
      matchKey: 'company|812345676',
    });
    expect(parseRegistration('812 345 676 00012', 'FR')).toEqual({
      ok: true,
      registration: '81234567600012',
      matchKey: 'company|812345676',
    });
  });

  it('refuses a French number of the wrong length or failing its check digit', () => {
    expect(parseRegistration('81234567', 'FR')).toMatchObject({ ok: false, code: 'company_registration.invalid' });
    expect(parseRegistration('812345677', 'FR')).toMatchObject({ ok: false, code: 'company_registration.invalid' });
    expect(parseRegistration('B 812 345 676', 'FR')).toMatchObject({ ok: false, code: 'company_registration.invalid' });
  });

  it('accepts other countries’ numbers as letters and digits', () => {
    expect(parseRegistration('IT 01234567890', 'IT')).toEqual({
      ok: true,
      registration: 'IT 01234567890',
      matchKey: 'company|it01234567890',
    });
    expect(parseRegistration('---', 'DE')).toMatchObject({ ok: false, code: 'company_registration.invalid' });
    expect(normaliseRegistration('HRB-12.345')).toBe('hrb12345');
  });
});
