import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedText } from './message-templates.js';
import {
  composeReminderLetter,
  reminderLetterLanguage,
  reminderWithdrawal,
  type ReminderInput,
} from './reminder-letter.js';
import { checkTemplateText, type MessageLanguage } from './template-text.js';

const LANGUAGES: MessageLanguage[] = ['fr', 'en', 'it'];

const facts = (charges: ReminderInput['facts']['charges']): ReminderInput['facts'] => ({
  agency: {
    name: 'Cabinet Accord',
    address: { lines: ['8 rue des Archives', '75004 PARIS'], country: 'FR' },
    phone: '01 84 80 00 00',
    account: null,
  },
  creditor: {
    name: 'EnergieSud',
    legalName: 'EnergieSud SA',
    address: { lines: ['1 rue X', '13001 MARSEILLE'], country: 'FR' },
  },
  debtor: { name: 'Marie DUPONT', address: { lines: ['3 rue Y', '69001 LYON'], country: 'FR' } },
  caseReference: 'C-2026-000123',
  claims: [],
  charges,
  portal: null,
});

const input = (language: MessageLanguage, charges: ReminderInput['facts']['charges']): ReminderInput => ({
  facts: facts(charges),
  language,
  firstLetter: { reference: 'LR-C-2026-000123', sentOn: '2026-10-20' },
  template: { version: 0, text: shippedText({ template: 'reminder', channel: 'letter', language }) },
  letterReference: 'RL-C-2026-000123-1',
  sentOn: '2026-11-25',
  debtorName: 'Marie DUPONT',
});

const charge = fc.record({
  claimReference: fc.constantFrom('K-1', 'K-2'),
  component: fc.constantFrom('principal', 'interest', 'accessory', 'collection_fee') as fc.Arbitrary<
    'principal' | 'interest' | 'accessory' | 'collection_fee'
  >,
  amountCents: fc.integer({ min: 1, max: 10_000_000 }),
});

describe('reminder letters', () => {
  it('ships a letter template in every language that passes its own checks', () => {
    for (const language of LANGUAGES)
      expect(
        checkTemplateText(
          { template: 'reminder', channel: 'letter', language },
          shippedText({ template: 'reminder', channel: 'letter', language }),
        ),
      ).toEqual([]);
  });

  it('refuses to publish a letter without the first letter’s reference, or with judicial words or a written fee', () => {
    const slot = { template: 'reminder', channel: 'letter', language: 'fr' } as const;
    const body = shippedText(slot).body;
    const codes = (text: string) => checkTemplateText(slot, { subject: null, body: text }).map((f) => f.code);
    expect(codes(body.replace('{{firstLetterReference}}', 'LR'))).toContain('template.mention_missing');
    expect(codes(`${body}\nAvant saisie par huissier.`)).toContain('template.judicial_wording');
    expect(codes(`${body}\nFrais de dossier : 40 €.`)).toContain('template.literal_amount');
    expect(codes(body.replace('{{howToDispute}}', ''))).toContain('template.mention_missing');
  });

  it('writes a French case’s letter in French, an Italian case’s in its debtor’s language', () => {
    expect(reminderLetterLanguage('FR', 'en')).toBe('fr');
    expect(reminderLetterLanguage('IT', 'it')).toBe('it');
    expect(reminderLetterLanguage('IT', 'en')).toBe('en');
  });

  it('refuses a reminder before the first letter', () => {
    const refused = composeReminderLetter({
      ...input('fr', [{ claimReference: 'K', component: 'principal', amountCents: 100 }]),
      firstLetter: null,
    });
    expect(refused).toEqual({ ok: false, code: 'communications.first_letter_missing' });
  });

  it('always cites the first letter and itemises what is due without any collection fee', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.array(charge, { minLength: 1, maxLength: 6 }),
        (language, charges) => {
          const composed = composeReminderLetter(input(language, charges));
          const owed = charges
            .filter((c) => c.component !== 'collection_fee')
            .reduce((sum, c) => sum + c.amountCents, 0);
          if (owed === 0) {
            expect(composed).toMatchObject({ ok: false, code: 'communications.nothing_due' });
            return;
          }
          expect(composed.ok).toBe(true);
          if (!composed.ok) return;
          const { letter } = composed;
          expect(letter.body).toContain('LR-C-2026-000123');
          expect(letter.body).toContain('20/10/2026');
          expect(letter.amountDemandedCents).toBe(owed);
          expect(letter.body).not.toMatch(
            /collection_fee|· frais de recouvrement|· collection fee|· spese di recupero/i,
          );
          expect(letter.window.recipient[0]).toBe('Marie DUPONT');
        },
      ),
    );
  });
});

describe('a reminder letter waiting for its print run', () => {
  const waiting = { amountOnLetterCents: 45_000, addressOnLetterId: 'a1' };
  it('still goes when only the caps, spacing or hours would refuse a new one: they counted it when it was issued', () => {
    const rules = ['cap.letter.14d', 'spacing.letter', 'pause_after_conversation', 'window.hours', 'care.pace'];
    expect(
      reminderWithdrawal({ ...waiting, policyRules: rules, amountNowCents: 45_000, addressNowId: 'a1' }),
    ).toBeNull();
  });
  it('is withdrawn by what stands about the person or the case, with those rules only', () => {
    const withdrawal = reminderWithdrawal({
      ...waiting,
      policyRules: ['cap.letter.14d', 'hold.dispute', 'opt_out', 'case.closed'],
      amountNowCents: 45_000,
      addressNowId: 'a1',
    });
    expect(withdrawal).toEqual({ reason: 'no_longer_allowed', rules: ['hold.dispute', 'opt_out', 'case.closed'] });
  });
  it('is withdrawn when the amount or the address it names is no longer the one of today', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
        fc.option(fc.constantFrom('a1', 'a2'), { nil: null }),
        (amountNowCents, addressNowId) => {
          const withdrawal = reminderWithdrawal({ ...waiting, policyRules: [], amountNowCents, addressNowId });
          if (amountNowCents !== waiting.amountOnLetterCents) expect(withdrawal?.reason).toBe('amount_changed');
          else if (addressNowId !== 'a1') expect(withdrawal?.reason).toBe('address_changed');
          else expect(withdrawal).toBeNull();
        },
      ),
    );
  });
});
