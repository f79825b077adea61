import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEuros } from '../../platform/money.js';
import { CHARGE_COMPONENTS, L111_8_PARAGRAPHS, type ChargeLine } from './first-letter.js';
import { composeItalianFirstLetter } from './first-letter-it.js';
import {
  checkItalianLetter,
  italianRegime,
  JUDICIAL_WORDS,
  letterTexts,
  requiredItalianMentions,
  WINDOW_WORDS,
  type ItalianFirstLetter,
  type ItalianLetterFacts,
} from './first-letter-it-check.js';

const ABF = {
  name: 'Arbitro Bancario Finanziario (ABF)',
  address: 'Via Nazionale 91, 00184 Roma',
  website: 'https://www.arbitrobancariofinanziario.it',
};

const base: ItalianLetterFacts = {
  agency: {
    name: 'Accord Servizi',
    address: { lines: ['12 rue de la Paix', '75002 PARIS'], country: 'FR' },
    phone: '+33 1 84 80 00 00',
    account: { holder: 'Accord Services SAS', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' },
  },
  creditor: {
    name: 'Telco Alpi',
    legalName: 'Telco Alpi S.p.A.',
    address: { lines: ['via Dante 8', '20121 MILANO', 'ITALIA'], country: 'IT' },
  },
  debtor: { name: 'Giulia ROSSI', address: { lines: ['Via Appia 12', '00184 ROMA', 'ITALIE'], country: 'IT' } },
  caseReference: 'ACC-2026-000042',
  letterReference: 'LR-ACC-2026-000042',
  sentOn: '2026-11-25',
  claims: [{ reference: 'TEL-1', contractType: 'telecom', defaultOn: '2026-03-01', originalCreditor: null }],
  charges: [
    { claimReference: 'TEL-1', component: 'principal', amountCents: 123_456 },
    { claimReference: 'TEL-1', component: 'interest', amountCents: 4_510 },
    { claimReference: 'TEL-1', component: 'accessory', amountCents: 1_500 },
  ],
  creditorSector: 'telecom',
  mandateKind: 'collection',
  complaintAnswer: { months: 0, days: 60 },
  mediator: ABF,
};

const name = fc.constantFrom('Banca Esempio S.p.A.', 'Finanziaria Nord S.r.l.', 'Energia Sud S.p.A.', 'Luce & Gas');
const arbitraryFacts: fc.Arbitrary<ItalianLetterFacts> = fc
  .record({
    sector: fc.constantFrom('bank', 'consumer_credit', 'energy', 'housing', 'other', 'telecom'),
    kind: fc.constantFrom('collection' as const, 'purchased' as const),
    claims: fc.uniqueArray(
      fc.record({
        reference: fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,6}$/),
        contractType: fc.constantFrom('consumer_credit', 'energy', 'overdraft', 'rent', 'telecom', 'other'),
        defaultOn: fc.constantFrom('2024-01-31', '2025-06-15', '2026-02-28'),
        originalCreditor: fc.option(name, { nil: null }),
      }),
      { minLength: 1, maxLength: 4, selector: (claim) => claim.reference },
    ),
    amounts: fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 12, maxLength: 12 }),
    fee: fc.integer({ min: 0, max: 1_000_000 }),
    account: fc.boolean(),
    answer: fc.constantFrom({ months: 0, days: 60 }, { months: 2, days: 0 }, { months: 1, days: 15 }),
    sentOn: fc.constantFrom('2026-01-01', '2026-08-15', '2026-11-25', '2027-02-28'),
  })
  .map(({ sector, kind, claims, amounts, fee, account, answer, sentOn }) => {
    const charges: ChargeLine[] = claims.flatMap((claim, i) =>
      (['principal', 'interest', 'accessory'] as const).map((component, k) => ({
        claimReference: claim.reference,
        component,
        amountCents: amounts[i * 3 + k]!,
      })),
    );
    // Something is due, and a collection fee the letter must leave out.
    charges.push({ claimReference: claims[0]!.reference, component: 'principal', amountCents: 1 });
    charges.push({ claimReference: claims[0]!.reference, component: 'collection_fee', amountCents: fee });
    return {
      ...base,
      agency: { ...base.agency, account: account ? base.agency.account : null },
      creditorSector: sector,
      mandateKind: kind,
      claims,
      charges,
      complaintAnswer: answer,
      sentOn,
    };
  });

const composed = (facts: ItalianLetterFacts): ItalianFirstLetter => {
  const result = composeItalianFirstLetter(facts);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.letter;
};

describe('the Italian first letter', () => {
  it('carries every mention its regime requires, passes its checker, and never a fee, a judicial word or L111-8', () => {
    fc.assert(
      fc.property(arbitraryFacts, (facts) => {
        const letter = composed(facts);
        expect(checkItalianLetter(letter, facts)).toEqual([]);
        const required = requiredItalianMentions(letter.regime);
        for (const mention of required) expect(letter.blocks.some((b) => b.mention === mention)).toBe(true);
        const owed = facts.charges
          .filter((charge) => charge.component !== 'collection_fee')
          .reduce((sum, charge) => sum + charge.amountCents, 0);
        expect(letter.itemisation.amountDemandedCents).toBe(owed);
        const texts = letterTexts(letter).join('\n').toLowerCase();
        expect(texts).toContain(formatEuros('it', owed).toLowerCase());
        for (const word of JUDICIAL_WORDS) expect(texts).not.toMatch(new RegExp(`\\b${word}\\b`));
        for (const paragraph of L111_8_PARAGRAPHS) expect(texts).not.toContain(paragraph.slice(0, 40).toLowerCase());
        expect(letter.paymentWays.every((way) => way.kind === 'online' || way.reference === facts.caseReference)).toBe(
          true,
        );
        expect(letter.window).toEqual({
          sender: facts.agency.name,
          recipient: [facts.debtor.name, ...facts.debtor.address!.lines],
        });
      }),
    );
  });

  it('names who holds and who services a transferred claim, and the Banca d’Italia for a bank credit serviced', () => {
    fc.assert(
      fc.property(arbitraryFacts, (facts) => {
        const { holding, servicedBankCredit, financial } = italianRegime(facts);
        const transferred = facts.mandateKind === 'purchased' || facts.claims.some((c) => c.originalCreditor);
        expect(holding.transferred).toBe(transferred);
        expect(holding.holder).toBe(facts.mandateKind === 'purchased' ? facts.agency.name : facts.creditor.legalName);
        expect(holding.servicer).toBe(facts.agency.name);
        const bankish =
          ['bank', 'consumer_credit'].includes(facts.creditorSector) ||
          facts.claims.some((c) => c.contractType === 'consumer_credit' || c.contractType === 'overdraft');
        expect(financial).toBe(bankish);
        expect(servicedBankCredit).toBe(transferred && bankish);
        const mentions = composed(facts).blocks.map((block) => block.mention);
        expect(mentions.includes('holder_and_servicer')).toBe(transferred);
        expect(mentions.includes('bank_of_italy')).toBe(transferred && bankish);
        expect(mentions.includes('abf')).toBe(bankish);
      }),
    );
  });

  it('finds a letter lacking any one of its mandatory mentions, or one naming less than it must', () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.nat(), fc.boolean(), (facts, pick, emptied) => {
        const letter = composed(facts);
        const required = requiredItalianMentions(letter.regime);
        const mention = required[pick % required.length]!;
        const blocks = emptied
          ? letter.blocks.map((block) =>
              block.mention === mention
                ? { ...block, lines: ['Per informazioni, ci contatti.'], table: undefined }
                : block,
            )
          : letter.blocks.filter((block) => block.mention !== mention);
        expect(checkItalianLetter({ ...letter, blocks }, facts)).toEqual([{ code: 'mention_missing', mention }]);
      }),
    );
  });

  it('finds a word imitating a judicial act wherever it is written', () => {
    fc.assert(
      fc.property(
        arbitraryFacts,
        fc.constantFrom(...JUDICIAL_WORDS),
        fc.nat(),
        fc.boolean(),
        (facts, word, at, shout) => {
          const letter = composed(facts);
          const index = at % letter.blocks.length;
          const written = shout ? word.toUpperCase() : word;
          const blocks = letter.blocks.map((block, i) =>
            i === index ? { ...block, lines: [...block.lines, `Vedi ${written}.`] } : block,
          );
          expect(checkItalianLetter({ ...letter, blocks }, facts)).toContainEqual({ code: 'judicial_wording', word });
        },
      ),
    );
  });

  it('refuses an agency name that would show a word of debt in the window', () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.constantFrom(...WINDOW_WORDS), (facts, word) => {
        const named = { ...facts, agency: { ...facts.agency, name: `Studio ${word} Srl` } };
        const result = composeItalianFirstLetter(named);
        expect(result.ok).toBe(false);
        if (!result.ok && result.code === 'communications.first_letter_incomplete')
          expect(result.findings).toContainEqual({ code: 'window_discloses', word });
      }),
    );
    const letter = composed(base);
    const peeking = { ...letter, window: { ...letter.window, recipient: [...letter.window.recipient, 'Telco Alpi'] } };
    expect(checkItalianLetter(peeking, base)).toEqual([{ code: 'window_not_neutral' }]);
  });

  it('refuses a banking letter with no mediator in the directory, and any letter with no complaint answer time', () => {
    const bank = { ...base, creditorSector: 'bank', mediator: null };
    expect(composeItalianFirstLetter(bank)).toEqual({
      ok: false,
      code: 'communications.first_letter_incomplete',
      findings: [{ code: 'mention_missing', mention: 'abf' }],
    });
    // A telecom claim is no ABF matter: no mediator is needed.
    expect(composeItalianFirstLetter({ ...base, mediator: null }).ok).toBe(true);
    expect(composeItalianFirstLetter({ ...base, complaintAnswer: null })).toMatchObject({
      ok: false,
      findings: [{ code: 'mention_missing', mention: 'complaint' }],
    });
  });

  it('finds French L111-8 text slipped in, and refuses no address or nothing due as the French letter does', () => {
    const letter = composed(base);
    const blocks = [...letter.blocks, { mention: null, heading: null, lines: [L111_8_PARAGRAPHS[0]] }];
    expect(checkItalianLetter({ ...letter, blocks }, base)).toEqual([{ code: 'french_text' }]);
    expect(composeItalianFirstLetter({ ...base, debtor: { name: 'X', address: null } })).toEqual({
      ok: false,
      code: 'communications.no_letter_address',
    });
    const feeOnly: ChargeLine[] = [{ claimReference: 'TEL-1', component: CHARGE_COMPONENTS[3], amountCents: 900 }];
    expect(composeItalianFirstLetter({ ...base, charges: feeOnly })).toEqual({
      ok: false,
      code: 'communications.nothing_due',
    });
  });

  it('writes the amount, the answer time and the letter’s date in Italian', () => {
    const letter = composed(base);
    const text = letterTexts(letter).join('\n');
    expect(letter.heading.date).toBe('25 novembre 2026');
    expect(text).toContain('Importo totale richiesto');
    expect(text).toContain(formatEuros('it', 129_466));
    expect(text).toContain('entro 60 giorni dal ricevimento');
    expect(text).toContain('non pagato dal 01/03/2026');
  });
});
