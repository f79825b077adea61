// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { i18next as i18n } from '../../i18n/index.js';
import { makeFormatters } from '../../i18n/format.js';
import { appliedFilterWords } from './AppliedFilters.js';

const NONE = { from: null, to: null, author: null, case: null, debtor: null, family: null, action: null };

describe('the audit filters in words', () => {
  it('reads the period, the author and the area as a person writes them, never an id or a key', async () => {
    const applied = {
      ...NONE,
      from: '2026-12-01',
      to: '2026-12-03',
      author: { id: '4f0c…', name: 'Marie Dupont' },
      family: 'payments' as const,
    };
    await i18n.changeLanguage('fr');
    expect(appliedFilterWords(applied, i18n.t, makeFormatters('fr'))).toBe(
      'Du 1 déc. 2026 au 3 déc. 2026 · Auteur : Marie Dupont · Domaine : Paiements',
    );
    await i18n.changeLanguage('en');
    expect(appliedFilterWords(applied, i18n.t, makeFormatters('en'))).toBe(
      'From 1 Dec 2026 to 3 Dec 2026 · Author: Marie Dupont · Area: Payments',
    );
    await i18n.changeLanguage('fr');
  });

  it('names a case by its reference and a debtor by name, and says when there is no filter', async () => {
    await i18n.changeLanguage('fr');
    const format = makeFormatters('fr');
    expect(
      appliedFilterWords(
        { ...NONE, case: { id: null, reference: 'ACC-000123' }, debtor: { id: 'd', name: null } },
        i18n.t,
        format,
      ),
    ).toBe('Dossier : ACC-000123 · Débiteur : inconnu');
    expect(appliedFilterWords(NONE, i18n.t, format)).toBe('aucun, toutes les entrées');
  });

  it('names one kind of act by its sentence, never by its code', async () => {
    await i18n.changeLanguage('fr');
    expect(appliedFilterWords({ ...NONE, action: 'payment.recorded' }, i18n.t, makeFormatters('fr'))).toBe(
      'Action : Quelqu’un a enregistré un paiement de … sur le dossier …',
    );
    await i18n.changeLanguage('it');
    expect(appliedFilterWords({ ...NONE, action: 'payment.recorded' }, i18n.t, makeFormatters('it'))).not.toContain(
      'payment.recorded',
    );
    // An action this version of the app has no sentence for is shown as it is rather than hidden.
    expect(appliedFilterWords({ ...NONE, action: 'future.act' }, i18n.t, makeFormatters('it'))).toContain('future.act');
    await i18n.changeLanguage('fr');
  });
});
