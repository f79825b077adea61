// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '../../i18n/index.js';
import { makeFormatters } from '../../i18n/format.js';
import type { Locale } from '../../i18n/index.js';
import { saySource } from './fields.js';

// English and Italian are fetched the first time they are chosen (i18n/index.ts); these tests read them directly.
beforeAll(() => i18next.loadLanguages(['en', 'it']));

const say = (locale: Locale, source: string) => saySource(i18next.getFixedT(locale), makeFormatters(locale), source);

describe('the source of a reference figure on the page', () => {
  const shippedFloor = 'indicative: 100 € for one person, 50 € per other person; the agency sets its own';

  it('says the shipped living floor’s source in words of the reader’s language, never the stored English note', () => {
    expect(say('fr', shippedFloor)).toBe(
      'Choix de l’agence, qu’aucun texte ne fixe : montant indicatif livré avec Accord, à remplacer par celui de l’agence',
    );
    expect(say('it', shippedFloor)).toBe(
      'Scelta dell’agenzia, che nessuna norma fissa: importo indicativo fornito con Accord, da sostituire con quello dell’agenzia',
    );
    expect(say('en', shippedFloor)).toBe(
      'The agency’s choice, which no statute sets: an indicative amount shipped with Accord, to be replaced with the agency’s own',
    );
  });

  it('keeps a legal citation as written and says its notes by key', () => {
    expect(say('it', 'CASF L262-2 (from 1 April 2026: secondary sources, to check)')).toBe(
      'CASF L262-2 (dal 01/04/2026; fonti secondarie, da confermare)',
    );
  });
});
