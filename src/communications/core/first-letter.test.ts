import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHARGE_COMPONENTS,
  composeFirstLetter,
  configuredAddress,
  firstLetterLaw,
  itemiseCharges,
  L111_8_PARAGRAPHS,
  postalLines,
  type ChargeLine,
  type FirstLetterFacts,
} from './first-letter.js';

const charge: fc.Arbitrary<ChargeLine> = fc.record({
  claimReference: fc.constantFrom('C-1', 'C-2', 'C-3'),
  component: fc.constantFrom(...CHARGE_COMPONENTS),
  amountCents: fc.integer({ min: 0, max: 100_000_000 }),
});

const facts = (charges: ChargeLine[]): FirstLetterFacts => ({
  agency: {
    name: 'Accord',
    address: { lines: ['1 rue de la Paix', '75002 PARIS'], country: 'FR' },
    phone: '01 84 80 00 00',
    account: { holder: 'Accord SAS', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' },
  },
  creditor: { name: 'Banque', legalName: 'Banque SA', address: { lines: ['2 rue X', '69002 LYON'], country: 'FR' } },
  debtor: { name: 'Marie DUPONT', address: { lines: ['3 rue Y', '13005 MARSEILLE'], country: 'FR' } },
  caseReference: 'CASE-1',
  letterReference: 'LR-CASE-1',
  sentOn: '2026-12-04',
  claims: [{ reference: 'C-1', contractType: 'consumer_credit', defaultOn: '2025-01-01', originalCreditor: null }],
  charges,
});

describe('itemiseCharges', () => {
  it('sums its lines to the amount demanded and never itemises a collection fee', () => {
    fc.assert(
      fc.property(fc.array(charge, { maxLength: 30 }), (charges) => {
        const { lines, totals, amountDemandedCents } = itemiseCharges(charges);
        expect(lines.every((line) => (line.component as string) !== 'collection_fee')).toBe(true);
        expect(lines.every((line) => line.amountCents > 0)).toBe(true);
        expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(amountDemandedCents);
        expect(totals.principal + totals.interest + totals.accessory).toBe(amountDemandedCents);
        const owed = charges.filter((c) => c.component !== 'collection_fee').reduce((sum, c) => sum + c.amountCents, 0);
        expect(amountDemandedCents).toBe(owed);
      }),
    );
  });

  it('leaves a collection fee out of the letter whatever its amount', () => {
    fc.assert(
      fc.property(fc.array(charge, { maxLength: 10 }), fc.integer({ min: 1, max: 1_000_000 }), (charges, fee) => {
        const without = itemiseCharges(charges);
        const withFee = itemiseCharges([
          ...charges,
          { claimReference: 'C-1', component: 'collection_fee', amountCents: fee },
        ]);
        expect(withFee).toEqual(without);
        const composed = composeFirstLetter(
          facts([...charges, { claimReference: 'C-9', component: 'principal', amountCents: 1 }]),
        );
        expect(composed.ok && composed.letter.itemisation.lines.some((l) => l.claimReference === 'C-9')).toBe(true);
      }),
    );
  });

  it('refuses what is not an amount in cents', () => {
    expect(() => itemiseCharges([{ claimReference: 'C', component: 'principal', amountCents: -1 }])).toThrow(
      RangeError,
    );
    expect(() => itemiseCharges([{ claimReference: 'C', component: 'interest', amountCents: 1.5 }])).toThrow(
      RangeError,
    );
  });
});

describe('composeFirstLetter', () => {
  const due: ChargeLine[] = [
    { claimReference: 'C-1', component: 'principal', amountCents: 123_456 },
    { claimReference: 'C-1', component: 'interest', amountCents: 4_510 },
    { claimReference: 'C-1', component: 'accessory', amountCents: 4_000 },
  ];

  it('writes the five mentions, the window block neutral, the ways to pay naming the case', () => {
    const composed = composeFirstLetter(facts(due));
    if (!composed.ok) throw new Error(composed.code);
    const { letter } = composed;
    expect(letter.window).toEqual({ sender: 'Accord', recipient: ['Marie DUPONT', '3 rue Y', '13005 MARSEILLE'] });
    expect(letter.agency.amicable).toBe(true);
    expect(letter.creditor.address).toEqual(['2 rue X', '69002 LYON']);
    expect(letter.itemisation.totals).toEqual({ principal: 123_456, interest: 4_510, accessory: 4_000 });
    expect(letter.itemisation.amountDemandedCents).toBe(131_966);
    expect(letter.paymentWays.map((way) => way.kind)).toEqual(['bank_transfer', 'cheque', 'phone']);
    expect(letter.paymentWays.every((way) => way.kind === 'online' || way.reference === 'CASE-1')).toBe(true);
    expect(letter.l1118).toEqual(L111_8_PARAGRAPHS);
  });

  it('names the debtor portal with the case’s access code when the agency has one', () => {
    const composed = composeFirstLetter({
      ...facts(due),
      portal: { url: 'https://accord.example.fr/portal', accessCode: '7K3QM-X2D9P' },
    });
    if (!composed.ok) throw new Error(composed.code);
    expect(composed.letter.paymentWays.at(-1)).toEqual({
      kind: 'online',
      url: 'https://accord.example.fr/portal',
      accessCode: '7K3QM-X2D9P',
    });
  });

  it('names no transfer when the agency has no account configured', () => {
    const composed = composeFirstLetter({ ...facts(due), agency: { ...facts(due).agency, account: null } });
    expect(composed.ok && composed.letter.paymentWays.map((way) => way.kind)).toEqual(['cheque', 'phone']);
  });

  it('refuses a debtor with no address, and a case with nothing due', () => {
    const noAddress = { ...facts(due), debtor: { name: 'X', address: null } };
    expect(composeFirstLetter(noAddress)).toEqual({ ok: false, code: 'communications.no_letter_address' });
    const feeOnly: ChargeLine[] = [{ claimReference: 'C-1', component: 'collection_fee', amountCents: 5_000 }];
    expect(composeFirstLetter(facts(feeOnly))).toEqual({ ok: false, code: 'communications.nothing_due' });
  });

  it('is the letter of every country but Italy', () => {
    expect(firstLetterLaw('IT')).toBe('IT');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2}$/).filter((country) => country !== 'IT'),
        (country) => firstLetterLaw(country) === 'FR',
      ),
    );
  });
});

describe('addresses', () => {
  it('prints a French address without its country, a foreign one with it', () => {
    const base = { line1: '3 rue Y', line2: null, postalCode: '13005', city: 'Marseille' };
    expect(postalLines({ ...base, country: 'FR' }).lines).toEqual(['3 rue Y', '13005 MARSEILLE']);
    expect(postalLines({ ...base, country: 'BE' }, { BE: 'Belgique' }).lines).toEqual([
      '3 rue Y',
      '13005 MARSEILLE',
      'BELGIQUE',
    ]);
  });

  it("reads the agency's configured address, lines split by ';'", () => {
    expect(configuredAddress(' 1 rue de la Paix ; 75002 Paris ')?.lines).toEqual(['1 rue de la Paix', '75002 Paris']);
    expect(configuredAddress(undefined)).toBeNull();
    expect(configuredAddress(' ; ')).toBeNull();
  });
});
