import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disclosures,
  euros,
  MESSAGE_TEMPLATES,
  renderMessage,
  messageChannels,
  type MessageLanguage,
  type MessageVariables,
} from './message-templates.js';

const variables: MessageVariables = {
  debtorName: 'Marie DUPONT',
  caseReference: 'C-2026-000123',
  firstLetter: { reference: 'LR-C-2026-000123', sentOn: '2026-11-02' },
  agencyName: 'Accord',
  agencyPhone: '01 84 80 00 00',
  balanceCents: 123_456,
};
const LANGUAGES: MessageLanguage[] = ['fr', 'en', 'it'];

const arbitraryVariables = fc.record({
  debtorName: fc.constantFrom('Marie DUPONT', 'SARL Les Tilleuls', 'Giulia ROSSI', 'Jean-Pierre N’DIAYE'),
  caseReference: fc.stringMatching(/^C-20[2-3]\d-\d{6}$/),
  firstLetter: fc.record({
    reference: fc.stringMatching(/^LR-C-20[2-3]\d-\d{6}$/),
    sentOn: fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  }),
  agencyName: fc.constantFrom('Accord', 'Cabinet Martin', 'Servizi Nord'),
  agencyPhone: fc.constantFrom('01 84 80 00 00', '+39 02 1234 5678'),
  balanceCents: fc.integer({ min: 1, max: 1_000_000_000 }),
});

describe('message templates', () => {
  it('renders every template on each of its channels in every language, citing the first letter', () => {
    for (const template of MESSAGE_TEMPLATES)
      for (const channel of messageChannels(template))
        for (const language of LANGUAGES) {
          const result = renderMessage(template, channel, language, variables);
          expect(result.ok).toBe(true);
          if (!result.ok) continue;
          expect(result.message.body).toContain('LR-C-2026-000123');
          expect(result.message.body).toContain(variables.caseReference);
          expect(result.message.subject === null).toBe(channel === 'sms');
          if (channel === 'email') expect(result.message.body).toContain('02/11/2026');
        }
  });

  it('refuses a statement by SMS, and any message before the first letter went out', () => {
    expect(renderMessage('balance_statement', 'sms', 'fr', variables)).toEqual({
      ok: false,
      code: 'communications.template_channel',
    });
    expect(renderMessage('reminder', 'email', 'fr', { ...variables, firstLetter: null })).toEqual({
      ok: false,
      code: 'communications.first_letter_missing',
    });
  });

  it('says the amount in the e-mail body, exactly, in the reader’s way of writing it', () => {
    expect(euros('fr', 123_456)).toBe('1 234,56 €');
    expect(euros('en', 123_456)).toBe('€1,234.56');
    expect(euros('it', 100_000_005)).toBe('1.000.000,05 €');
    const result = renderMessage('balance_statement', 'email', 'fr', variables);
    expect(result.ok && result.message.body).toContain('1 234,56 €');
  });

  it('never shows an amount, a debt or the creditor where a third party could read it (property)', () => {
    fc.assert(
      fc.property(
        arbitraryVariables,
        fc.constantFrom(...MESSAGE_TEMPLATES),
        fc.constantFrom(...LANGUAGES),
        (v, template, language) => {
          for (const channel of messageChannels(template)) {
            const result = renderMessage(template, channel, language, v);
            if (!result.ok) return false;
            expect(disclosures(result.message, ['Banque Populaire Exemple', 'EnergieSud'])).toEqual([]);
            if (channel === 'sms') expect(result.message.body).not.toMatch(/€|\beuros?\b/i);
          }
          return true;
        },
      ),
    );
  });

  it('finds what a message would disclose', () => {
    const sms = { channel: 'sms' as const, template: 'reminder' as const, language: 'fr' as const, subject: null };
    expect(disclosures({ ...sms, body: 'Votre dette de 120,00 € chez EnergieSud' }, ['EnergieSud'])).toEqual([
      'amount',
      'debt_word',
      'creditor',
    ]);
    expect(disclosures({ ...sms, body: 'Accord : rappelez-nous, réf. C-1' }, ['EnergieSud'])).toEqual([]);
    // An e-mail's body beyond its first line is read by the debtor who opened it.
    expect(
      disclosures(
        { channel: 'email', template: 'reminder', language: 'fr', subject: 'Votre dossier', body: 'Bonjour,\n\n12 €' },
        [],
      ),
    ).toEqual([]);
  });
});
