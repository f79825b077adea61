import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/dates.js';
import { HELPS_WITH } from '../../core/vocabulary.js';
import {
  composeReferralLetter,
  referralLetterReference,
  type ReferralLetterFacts,
  type ReferralLetterLanguage,
} from './referral-letter.js';

const day = fc.integer({ min: 0, max: 3000 }).map((offset) => addDays('2024-01-01', offset));
const text = fc.string({ minLength: 3, maxLength: 40 }).filter((value) => value.trim().length >= 3);
const maybe = (value: fc.Arbitrary<string>) => fc.option(value, { nil: null });

const facts: fc.Arbitrary<ReferralLetterFacts> = fc.record({
  language: fc.constantFrom<ReferralLetterLanguage>('fr', 'en', 'it'),
  agency: fc.record({ name: text, phone: text, address: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  debtor: fc.record({ name: text, address: fc.array(text, { minLength: 1, maxLength: 4 }) }),
  letterReference: fc.uuid().map(referralLetterReference),
  caseReference: maybe(text),
  sentOn: day,
  proposedOn: day,
  followUpOn: day,
  organisation: fc.record({
    name: text,
    helpsWith: fc.uniqueArray(fc.constantFrom(...HELPS_WITH), { maxLength: 4 }),
    phone: maybe(text),
    email: maybe(text),
    website: maybe(text),
    address: maybe(text),
  }),
});

const wholeText = (letter: ReturnType<typeof composeReferralLetter>) =>
  [...letter.window.recipient, ...letter.heading, ...letter.blocks.map((block) => block.text)].join('\n');

describe('the referral letter', () => {
  it('gives every contact detail the organisation has, its name in bold, and the references', () => {
    fc.assert(
      fc.property(facts, (given) => {
        const letter = composeReferralLetter(given);
        const body = wholeText(letter);
        for (const detail of [given.organisation.phone, given.organisation.email, given.organisation.website])
          if (detail) expect(body).toContain(detail);
        if (given.organisation.address) expect(body).toContain(given.organisation.address);
        expect(letter.blocks).toContainEqual({ text: given.organisation.name, bold: true });
        expect(letter.heading.join('\n')).toContain(given.letterReference);
        if (given.caseReference) expect(letter.heading.join('\n')).toContain(given.caseReference);
        expect(body).toContain(given.agency.phone);
      }),
    );
  });

  it('shows through the window only the agency’s name and the debtor’s address', () => {
    fc.assert(
      fc.property(facts, (given) => {
        const letter = composeReferralLetter(given);
        expect(letter.window).toEqual({
          sender: given.agency.name,
          recipient: [given.debtor.name, ...given.debtor.address],
        });
      }),
    );
  });

  it('is written in the debtor’s language, with the follow-up day', () => {
    const given: ReferralLetterFacts = {
      language: 'fr',
      agency: { name: 'Accord Recouvrement', phone: '01 84 88 00 00', address: ['8 rue des Archives', '75004 Paris'] },
      debtor: { name: 'Marie DUPONT', address: ['3 rue de la Paix', '75002 PARIS'] },
      letterReference: referralLetterReference('0192f1e2-aaaa-7bbb-8ccc-ddddeeeeffff'),
      caseReference: 'ACC-2026-000123',
      sentOn: '2026-12-04',
      proposedOn: '2026-12-03',
      followUpOn: '2026-12-18',
      organisation: {
        name: 'Point Conseil Budget de Paris',
        helpsWith: ['budget_advice', 'over_indebtedness'],
        phone: '01 40 00 00 00',
        email: null,
        website: 'https://www.mesquestionsdargent.fr',
        address: null,
      },
    };
    const letter = composeReferralLetter(given);
    expect(letter.letterReference).toBe('OR-0192F1E2');
    expect(letter.heading).toEqual([
      'Le 4 décembre 2026',
      'Notre référence : OR-0192F1E2',
      'Dossier : ACC-2026-000123',
    ]);
    expect(wholeText(letter)).toContain('Il vous aide pour les conseils pour tenir un budget et le surendettement.');
    expect(wholeText(letter)).toContain('vers le 18 décembre 2026');
    const italian = composeReferralLetter({ ...given, language: 'it' });
    expect(wholeText(italian)).toContain('La ricontatteremo verso il 18 dicembre 2026');
  });
});
