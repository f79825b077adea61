import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseCreditorReference, printedReference } from '../../payments/core/creditor-reference.js';
import { findCaseReferences, matchCredit, type CaseFacts, type MatchFacts } from './match.js';

const OPEN_A: CaseFacts = { caseId: 'case-a', reference: 'ACC-2026-000101', open: true };
const OPEN_B: CaseFacts = { caseId: 'case-b', reference: 'ACC-2026-000102', open: true };
const CLOSED_C: CaseFacts = { caseId: 'case-c', reference: 'ACC-2025-000103', open: false };
const IBAN_A = 'FR7620041010050098765430211';
const IBAN_SHARED = 'FR7630003020000500012340625';

function facts(overrides: Partial<MatchFacts> = {}): MatchFacts {
  const cases = [OPEN_A, OPEN_B, CLOSED_C];
  return {
    casesByReference: new Map(cases.map((c) => [c.reference, c])),
    casesById: new Map(cases.map((c) => [c.caseId, c])),
    caseIdsByIban: new Map([
      [IBAN_A, ['case-a']],
      [IBAN_SHARED, ['case-a', 'case-b']],
    ]),
    collectionsByEndToEndId: new Map([
      [
        'ACC-2026-000101-001-AAAAAAAA',
        { endToEndId: 'ACC-2026-000101-001-AAAAAAAA', caseId: 'case-a', mandateId: 'm-a', amountCents: 12000 },
      ],
    ]),
    openInstalments: [
      { caseId: 'case-a', amountCents: 12000, dueOn: '2026-03-05' },
      { caseId: 'case-b', amountCents: 4500, dueOn: '2026-03-01' },
      { caseId: 'case-a', amountCents: 4500, dueOn: '2026-03-10' },
      { caseId: 'case-b', amountCents: 9900, dueOn: '2026-03-08' },
    ],
    ...overrides,
  };
}

const credit = (overrides: Partial<Parameters<typeof matchCredit>[0]> = {}) => ({
  amountCents: 1000,
  bookingDate: '2026-03-05',
  valueDate: '2026-03-05',
  endToEndId: null,
  remittanceText: null,
  creditorReference: null,
  debtorIban: null,
  bankTransactionCode: 'PMNT/RCDT/ESCT',
  ...overrides,
});

describe('finding case references', () => {
  it('reads them however the payer wrote them', () => {
    expect(findCaseReferences('dossier acc 2026 000101 merci')).toEqual(['ACC-2026-000101']);
    expect(findCaseReferences('ACC2026000101/ACC-2026-000102')).toEqual(['ACC-2026-000101', 'ACC-2026-000102']);
    expect(findCaseReferences('ACC-2026-0001011')).toEqual(['ACC-2026-0001011']);
    expect(findCaseReferences('ACCES 2026 maison')).toEqual([]);
    expect(findCaseReferences(null)).toEqual([]);
  });

  it('reads the case an RF reference names, printed in groups or not, only when its check digits are right', () => {
    const rf = caseCreditorReference('ACC-2026-000101');
    expect(findCaseReferences(`virement ${printedReference(rf)} merci`)).toEqual(['ACC-2026-000101']);
    expect(findCaseReferences(printedReference(rf).toLowerCase())).toEqual(['ACC-2026-000101']);
    const wrong = `RF${String((Number(rf.slice(2, 4)) + 1) % 100).padStart(2, '0')} ACC2 0260 0010 1`;
    expect(findCaseReferences(wrong)).toEqual([]);
  });
});

describe('matching a credit', () => {
  it('1. a direct debit Accord issued, by end-to-end id: certain at the amount collected, probable otherwise', () => {
    const line = credit({
      endToEndId: 'ACC-2026-000101-001-AAAAAAAA',
      amountCents: 12000,
      remittanceText: 'ACC-2026-000102',
    });
    expect(matchCredit(line, facts())).toEqual({
      confidence: 'certain',
      reason: 'end_to_end_id',
      caseId: 'case-a',
      channel: 'direct_debit',
      collectionEndToEndId: 'ACC-2026-000101-001-AAAAAAAA',
      candidateCaseIds: ['case-a'],
    });
    expect(matchCredit({ ...line, amountCents: 11999 }, facts())).toMatchObject({
      confidence: 'probable',
      reason: 'end_to_end_id_amount_differs',
      caseId: 'case-a',
    });
  });

  it('2. one case reference: certain on an open case, probable on a closed one, none when two cases are named', () => {
    expect(matchCredit(credit({ remittanceText: 'Remboursement ACC 2026 000101' }), facts())).toMatchObject({
      confidence: 'certain',
      reason: 'case_reference',
      caseId: 'case-a',
      channel: 'bank_transfer',
    });
    expect(matchCredit(credit({ creditorReference: 'ACC2026000102' }), facts())).toMatchObject({
      confidence: 'certain',
      caseId: 'case-b',
    });
    expect(matchCredit(credit({ remittanceText: 'ACC-2025-000103' }), facts())).toMatchObject({
      confidence: 'probable',
      reason: 'case_reference_closed',
      caseId: 'case-c',
    });
    expect(matchCredit(credit({ remittanceText: 'ACC-2026-000101 et ACC-2026-000102' }), facts())).toMatchObject({
      confidence: 'none',
      reason: 'case_reference_several',
      caseId: null,
      candidateCaseIds: ['case-a', 'case-b'],
    });
  });

  it('a reference to a case Accord does not know falls through to the next rules', () => {
    expect(matchCredit(credit({ remittanceText: 'ACC-2026-999999', debtorIban: IBAN_A }), facts())).toMatchObject({
      reason: 'iban',
      caseId: 'case-a',
    });
  });

  it('3. a mandate IBAN: certain with an expected amount, probable without, none when it leads to several cases', () => {
    expect(
      matchCredit(credit({ debtorIban: 'fr76 2004 1010 0500 9876 5430 211', amountCents: 12000 }), facts()),
    ).toMatchObject({ confidence: 'certain', reason: 'iban_and_amount', caseId: 'case-a' });
    expect(matchCredit(credit({ debtorIban: IBAN_A, amountCents: 5000 }), facts())).toMatchObject({
      confidence: 'probable',
      reason: 'iban',
      caseId: 'case-a',
    });
    expect(matchCredit(credit({ debtorIban: IBAN_SHARED }), facts())).toMatchObject({
      confidence: 'none',
      reason: 'iban_several_cases',
      candidateCaseIds: ['case-a', 'case-b'],
    });
  });

  it('4. the amount alone: probable for one instalment due near the booking date, none for several or none', () => {
    expect(matchCredit(credit({ amountCents: 9900 }), facts())).toMatchObject({
      confidence: 'probable',
      reason: 'amount',
      caseId: 'case-b',
    });
    expect(matchCredit(credit({ amountCents: 4500 }), facts())).toMatchObject({
      confidence: 'none',
      reason: 'amount_several',
      caseId: null,
      candidateCaseIds: ['case-a', 'case-b'],
    });
    expect(matchCredit(credit({ amountCents: 9900, bookingDate: '2026-04-30' }), facts())).toMatchObject({
      confidence: 'none',
      reason: 'nothing',
    });
  });

  it('a direct debit credit not issued by Accord is still recorded as a direct debit', () => {
    expect(
      matchCredit(credit({ remittanceText: 'ACC-2026-000101', bankTransactionCode: 'PMNT/IDDT/ESDD' }), facts()),
    ).toMatchObject({ confidence: 'certain', channel: 'direct_debit' });
  });

  const anyLine = fc.record({
    amountCents: fc.constantFrom(1000, 4500, 9900, 12000),
    bookingDate: fc.constantFrom('2026-03-01', '2026-03-05', '2026-04-30', null),
    valueDate: fc.constant('2026-03-05'),
    endToEndId: fc.constantFrom(null, 'ACC-2026-000101-001-AAAAAAAA', 'NOPE'),
    remittanceText: fc.constantFrom(
      null,
      'ACC 2026 000101',
      'acc2026000102',
      'ACC-2025-000103',
      'ACC-2026-000101 ACC-2026-000102',
      'merci',
    ),
    creditorReference: fc.constantFrom(null, 'ACC2026000101', 'RF18539007547034'),
    debtorIban: fc.constantFrom(null, IBAN_A, IBAN_SHARED, 'DE89370400440532013000'),
    bankTransactionCode: fc.constantFrom(null, 'PMNT/RCDT/ESCT', 'PMNT/IDDT/ESDD'),
  });

  it('property: a certain match always names one open case among its candidates; none names no case', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const match = matchCredit(line, facts());
        if (match.confidence === 'certain') {
          expect(facts().casesById.get(match.caseId!)?.open).toBe(true);
          expect(match.candidateCaseIds).toEqual([match.caseId]);
        }
        if (match.confidence === 'none') expect(match.caseId).toBeNull();
        if (match.caseId) expect(match.candidateCaseIds).toContain(match.caseId);
      }),
    );
  });

  it('property: the order of the facts never changes the answer', () => {
    fc.assert(
      fc.property(anyLine, fc.boolean(), (line, reverse) => {
        const base = facts();
        const shuffled = facts({
          openInstalments: reverse ? [...base.openInstalments].reverse() : base.openInstalments,
          caseIdsByIban: new Map([...base.caseIdsByIban].map(([iban, ids]) => [iban, [...ids].reverse()])),
        });
        expect(matchCredit(line, shuffled)).toEqual(matchCredit(line, base));
      }),
    );
  });

  it('property: an issued collection at its amount is certain whatever else the line says', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        expect(
          matchCredit({ ...line, endToEndId: 'ACC-2026-000101-001-AAAAAAAA', amountCents: 12000 }, facts()),
        ).toMatchObject({ confidence: 'certain', caseId: 'case-a', channel: 'direct_debit' });
      }),
    );
  });
});
