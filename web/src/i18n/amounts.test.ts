// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sayMessage, withAmounts } from './amounts.js';
import { makeFormatters } from './format.js';

describe('a text the server composed, with its amounts as parameters', () => {
  const step = {
    fr: 'Reste après les dépenses : {{eur:456525}} de ressources − {{eur:-1050}} = {{eur:100}} par mois.',
    en: 'Left after expenses: {{eur:456525}} of resources − {{eur:-1050}} = {{eur:100}} a month.',
    it: 'Resta dopo le spese: {{eur:456525}} di risorse − {{eur:-1050}} = {{eur:100}} al mese.',
  };

  it('is said in the reader’s language with the amounts in its grouping, as Intl gives it', () => {
    expect(sayMessage(makeFormatters('en'), step)).toBe(
      'Left after expenses: €4,565.25 of resources − -€10.50 = €1.00 a month.',
    );
    expect(sayMessage(makeFormatters('it'), step)).toBe(
      'Resta dopo le spese: 4.565,25\u00a0€ di risorse − -10,50\u00a0€ = 1,00\u00a0€ al mese.',
    );
    expect(sayMessage(makeFormatters('fr'), step)).toBe(
      'Reste après les dépenses : 4\u202f565,25\u00a0€ de ressources − -10,50\u00a0€ = 1,00\u00a0€ par mois.',
    );
  });

  it('shows a text stored before amounts were parameters (an older budget) as it was written', () => {
    const older = {
      fr: 'Capacité : 200,00\u00a0€ par mois.',
      en: 'Capacity: €200.00 a month.',
      it: 'Capacità: 200,00\u00a0€.',
    };
    expect(sayMessage(makeFormatters('it'), older)).toBe(older.it);
    expect(withAmounts(makeFormatters('en'), 'Promise of {{eur:15050}} due on 5 June 2026.')).toBe(
      'Promise of €150.50 due on 5 June 2026.',
    );
  });
});
