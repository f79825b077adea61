// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { makeFormatters } from './format.js';
import { i18next } from './index.js';
import { describeProblem } from './problems.js';

// English and Italian are fetched the first time they are chosen (i18n/index.ts); these tests read them directly.
beforeAll(() => i18next.loadLanguages(['en', 'it']));

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('a problem with amounts', () => {
  const refused = new ApiError(
    409,
    'payments.surplus_already_used',
    'Payment Q-1 left a surplus of 1234.56 € as the debtor’s credit, and 1000.00 € of it is no longer there',
    { surplusCents: 123_456, missingCents: 100_000, creditCents: 23_456 },
  );

  it.each([
    ['fr', 'un trop-perçu de 1 234,56 € en avoir, dont 1 000,00 € a déjà été remboursé'],
    ['en', 'a surplus of €1,234.56 as credit, and €1,000.00 of it'],
    ['it', 'un’eccedenza di 1.234,56 € come credito, di cui 1.000,00 €'],
  ] as const)('says the amounts of the problem in %s, in its format, never the server’s English', (locale, words) => {
    const t = i18next.getFixedT(locale);
    const said = describeProblem(refused, t, makeFormatters(locale));
    expect(plain(said.message.text)).toContain(words);
    expect(said.message.lang).toBeUndefined();
  });
});
