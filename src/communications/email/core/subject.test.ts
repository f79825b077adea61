import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertNeutralSubject, subjectDisclosure, SubjectDisclosesDebtError } from './subject.js';

const NEUTRAL_WORDS = [
  'Votre',
  'dossier',
  'Your',
  'file',
  'La',
  'sua',
  'pratica',
  'rappel',
  'reminder',
  'Accord',
  'information',
  'rendez-vous',
  'du',
  'message',
  'important',
  'à',
  'lire',
  'please',
  'call',
  'us',
];
const reference = fc
  .tuple(fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([year, n]) => `AC-${year}-${String(n).padStart(6, '0')}`);
const neutralWords = fc.array(fc.oneof(fc.constantFrom(...NEUTRAL_WORDS), reference), { minLength: 1, maxLength: 8 });

/** Any casing of a text, letter by letter. */
const anyCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
/** An amount as French, English and Italian texts write it. */
const amount = fc
  .tuple(
    fc.integer({ min: 1, max: 1_000_000_000 }),
    fc.constantFrom('fr', 'fr-nbsp', 'en', 'it', 'eur', 'euros', 'whole', 'decimals'),
  )
  .map(([cents, style]) => {
    const units = String(Math.floor(cents / 100));
    const decimals = String(cents % 100).padStart(2, '0');
    switch (style) {
      case 'fr':
        return `${group(units, ' ')},${decimals} €`;
      case 'fr-nbsp':
        return `${group(units, '\u202f')},${decimals}\u00a0€`;
      case 'en':
        return `€${group(units, ',')}.${decimals}`;
      case 'it':
        return `${group(units, '.')},${decimals} EUR`;
      case 'eur':
        return `EUR ${units}.${decimals}`;
      case 'euros':
        return `${units} euros`;
      case 'whole':
        return `${units}€`;
      default:
        return `${units},${decimals}`;
    }
  });
const DEBT_FORMS = [
  'dette',
  'dettes',
  'debt',
  'debtor',
  'débito',
  'debiti',
  'débiteur',
  'recouvrement',
  'recovery',
  'recupero crediti',
  'impayé',
  'impayés',
  'unpaid',
  'insoluto',
  'insoluti',
  'contentieux',
  'huissier',
];
const debtWord = fc.constantFrom(...DEBT_FORMS).chain(anyCase);
const CREDITORS = ['Horizon Crédit', 'Énergie Plus', 'Banca Esempio'];

const insert = (words: string[], at: number, word: string) => {
  const copy = [...words];
  copy.splice(at % (copy.length + 1), 0, word);
  return copy.join(' ');
};

describe('the subject of an e-mail', () => {
  it('lets through any subject made of neutral words and the agency’s reference', () => {
    fc.assert(
      fc.property(neutralWords, (words) => {
        expect(subjectDisclosure(words.join(' '), { creditorNames: CREDITORS })).toBeNull();
      }),
    );
  });

  it('refuses any subject holding an amount, wherever it stands and however it is written', () => {
    fc.assert(
      fc.property(neutralWords, amount, fc.nat(), (words, money, at) => {
        expect(subjectDisclosure(insert(words, at, money))).toBe('amount');
      }),
    );
  });

  it('refuses any subject with a word that says debt or collection, in any case, with or without accents', () => {
    fc.assert(
      fc.property(neutralWords, debtWord, fc.boolean(), fc.nat(), (words, word, stripAccents, at) => {
        const written = stripAccents ? word.normalize('NFD').replace(/\p{M}/gu, '') : word;
        expect(subjectDisclosure(insert(words, at, written))).toBe('debt_word');
      }),
    );
  });

  it('refuses a subject naming the creditor', () => {
    fc.assert(
      fc.property(neutralWords, fc.constantFrom(...CREDITORS).chain(anyCase), fc.nat(), (words, creditor, at) => {
        expect(subjectDisclosure(insert(words, at, creditor), { creditorNames: CREDITORS })).toBe('creditor');
      }),
    );
  });

  it('throws a typed error with a stable code', () => {
    expect(() => assertNeutralSubject('Votre dossier AC-2026-000123')).not.toThrow();
    expect(() => assertNeutralSubject('Rappel : 120,00 € à régler')).toThrow(SubjectDisclosesDebtError);
    const caught = (() => {
      try {
        assertNeutralSubject('Your unpaid invoice');
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(caught).toMatchObject({
      code: 'communications.subject_discloses_debt',
      status: 422,
      extra: { disclosure: 'debt_word' },
    });
  });

  it('reads ordinary numbers and dates as what they are', () => {
    for (const subject of ['2e rappel', 'Rendez-vous du 12/03/2026', 'Your file 2026-11-30', 'Appel au 01 84 80 00 00'])
      expect(subjectDisclosure(subject), subject).toBeNull();
  });
});
