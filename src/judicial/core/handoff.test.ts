import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHandoff, handoffDebtorName, handoffHoldKind, SUSPENDED_HOLD_KIND, type HandoffFacts } from './handoff.js';
import { buildStatement, sumOf, type ClaimMovement, type StatementClaim } from './handoff-statement.js';
import { courtKind, SMALL_CLAIM_CENTS } from './requete.js';
import { HANDOFF_SCHEMA } from './handoff-schema.js';
import { handoffSchemaErrors } from '../handoff-validate.js';

const SAMPLE_FACTS: HandoffFacts = {
  case: { id: 'case-1', reference: 'ACC-000001', stage: 'judicial', currency: 'EUR', openedOn: '2026-03-02' },
  creditor: {
    name: 'Banque Horizon',
    legalName: 'Banque Horizon SA',
    registrationNumber: '552 000 111',
    address: '1 rue de la Banque, 75002 Paris',
  },
  mandate: { code: 'BH-2026', kind: 'purchased', startsOn: '2026-01-01', endsOn: null },
  debtor: {
    kind: 'person',
    title: 'Mme',
    firstName: 'Jeanne',
    lastName: 'Dupont',
    birthName: 'Martin',
    companyName: null,
    registrationNumber: null,
    birthDate: '1980-05-17',
    birthPlace: 'Lyon',
    creditorReference: 'BH-REF-1',
  },
  addresses: [
    {
      line1: '3 rue Neuve',
      line2: null,
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
      suppliedOn: '2026-03-02',
      undeliverable: true,
    },
    {
      line1: '8 quai Sud',
      line2: 'Bât. B',
      postalCode: '69007',
      city: 'Lyon',
      country: 'FR',
      suppliedOn: '2026-01-15',
      undeliverable: false,
    },
  ],
  claims: [
    {
      id: 'c1',
      reference: 'CL-1',
      contractType: 'consumer_credit',
      originalCreditor: 'Crédit Lyonnais',
      defaultOn: '2025-10-01',
      lastPaymentOn: null,
      status: 'open',
      principalCents: 400_000,
      interestCents: 12_000,
      feesCents: 4_000,
    },
    {
      id: 'c2',
      reference: 'CL-2',
      contractType: 'telecom',
      originalCreditor: null,
      defaultOn: '2025-11-01',
      lastPaymentOn: null,
      status: 'paid',
      principalCents: 5_000,
      interestCents: 0,
      feesCents: 0,
    },
  ],
  movements: [
    {
      on: '2026-04-01',
      kind: 'allocation',
      claimId: 'c1',
      component: 'interest',
      amountCents: -12_000,
      receiptNumber: 'R-1',
    },
    {
      on: '2026-04-01',
      kind: 'allocation',
      claimId: 'c1',
      component: 'principal',
      amountCents: -8_000,
      receiptNumber: 'R-1',
    },
    {
      on: '2026-04-02',
      kind: 'allocation',
      claimId: 'c2',
      component: 'principal',
      amountCents: -5_000,
      receiptNumber: 'R-2',
    },
    {
      on: '2026-05-01',
      kind: 'correction',
      claimId: 'c1',
      component: 'fees',
      amountCents: -1_000,
      receiptNumber: null,
    },
  ],
  payments: [
    { receivedOn: '2026-04-01', receiptNumber: 'R-1', channel: 'transfer', amountCents: 20_000, status: 'recorded' },
    { receivedOn: '2026-04-02', receiptNumber: 'R-2', channel: 'card', amountCents: 5_000, status: 'recorded' },
  ],
  firstLetter: null,
  firstTimelineLetter: { on: '2026-03-03' },
  contacts: [
    { at: '2026-03-03T09:00:00.000Z', kind: 'letter', channel: 'letter', direction: 'outbound', outcome: null },
    {
      at: '2026-03-10T09:00:00.000Z',
      kind: 'call_attempt',
      channel: 'phone',
      direction: 'outbound',
      outcome: 'no_answer',
    },
  ],
  stageHistory: [{ from: 'amicable', to: 'judicial', on: '2026-07-01' }],
  holds: [
    { kind: 'vulnerability', caseId: 'case-1', status: 'lifted', startsOn: '2026-05-01', endsOn: '2026-05-31' },
    { kind: 'dispute', caseId: 'case-9', status: 'active', startsOn: '2026-06-01', endsOn: null },
    {
      kind: 'overindebtedness_filed',
      caseId: 'case-9',
      status: 'lifted',
      startsOn: '2026-02-01',
      endsOn: '2026-02-20',
    },
  ],
  timeBars: [
    {
      claimReference: 'CL-1',
      source: 'C. conso R312-35',
      years: 2,
      startOn: '2025-10-01',
      lastDay: '2027-10-01',
      status: 'running',
    },
  ],
  documents: [
    {
      id: 'd1',
      type: 'creditor_evidence',
      fileName: 'contrat.pdf',
      source: 'creditor',
      sha256: 'a'.repeat(64),
      uploadedOn: '2026-03-05',
    },
  ],
};

describe('the handoff file', () => {
  it('states the account: placed, corrected, paid and owed by component, open claims only in the total', () => {
    const doc = buildHandoff(SAMPLE_FACTS, { version: 1, builtAt: '2026-07-02T08:00:00.000Z', builtOn: '2026-07-02' });
    expect(doc.statement.totals.owed).toEqual({ principal: 392_000, interest: 0, fees: 3_000 });
    expect(doc.statement.totals.owedCents).toBe(395_000);
    expect(doc.statement.claims[1]!.owed).toEqual({ principal: 0, interest: 0, fees: 0 });
    expect(doc.statement.lines.map((l) => [l.on, l.kind, l.amountCents])).toEqual([
      ['2026-04-01', 'payment', 20_000],
      ['2026-04-02', 'payment', 5_000],
      ['2026-05-01', 'correction', -1_000],
    ]);
    expect(doc.statement.lines[0]!.allocations).toEqual([
      { claimReference: 'CL-1', component: 'interest', amountCents: 12_000 },
      { claimReference: 'CL-1', component: 'principal', amountCents: 8_000 },
    ]);
  });

  it('cites the first letter from the timeline when the case records none, and says so', () => {
    const doc = buildHandoff(SAMPLE_FACTS, { version: 2, builtAt: '2026-07-02T08:00:00.000Z', builtOn: '2026-07-02' });
    expect(doc.firstLetter).toEqual({ reference: null, sentOn: '2026-03-03', basis: 'first_letter_on_timeline' });
    const recorded = buildHandoff(
      { ...SAMPLE_FACTS, firstLetter: { reference: 'LR-1', sentOn: '2026-03-02' } },
      { version: 2, builtAt: '2026-07-02T08:00:00.000Z', builtOn: '2026-07-02' },
    );
    expect(recorded.firstLetter).toEqual({ reference: 'LR-1', sentOn: '2026-03-02', basis: 'recorded_on_case' });
  });

  it('fills the requête: the court of the domicile, the itemised amount, the basis and the bordereau', () => {
    const doc = buildHandoff(SAMPLE_FACTS, { version: 1, builtAt: '2026-07-02T08:00:00.000Z', builtOn: '2026-07-02' });
    const r = doc.requete;
    expect(r.court.kind).toBe('juge_des_contentieux_de_la_protection');
    // The first deliverable address is the domicile: the newest came back undelivered.
    expect(r.court.designation).toContain('69007 Lyon');
    expect(r.amounts).toEqual({ principalCents: 392_000, interestCents: 0, feesCents: 3_000, totalCents: 395_000 });
    expect(r.basis.map((b) => b.claimReference)).toEqual(['CL-1']);
    expect(r.bordereau.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.documents[0]!.number).toBe(2);
    expect(r.smallClaim).toBe(true);
    expect(doc.mandate.assignment?.deedReference).toBeNull();
    expect(handoffDebtorName(doc.debtor)).toBe('Mme Jeanne DUPONT (né·e MARTIN)');
  });

  it('never names a care hold, nor another case’s dispute; a procedure on the person is named', () => {
    const doc = buildHandoff(SAMPLE_FACTS, { version: 1, builtAt: '2026-07-02T08:00:00.000Z', builtOn: '2026-07-02' });
    expect(doc.holds.map((h) => h.kind)).toEqual([SUSPENDED_HOLD_KIND, SUSPENDED_HOLD_KIND, 'overindebtedness_filed']);
    fc.assert(
      fc.property(fc.string(), fc.option(fc.constantFrom('case-1', 'case-2')), (kind, caseId) => {
        const read = handoffHoldKind({ kind, caseId }, 'case-1');
        expect(read === kind || read === SUSPENDED_HOLD_KIND).toBe(true);
        if (kind === 'vulnerability' || kind === 'debt_advice') expect(read).toBe(SUSPENDED_HOLD_KIND);
      }),
    );
    expect(handoffHoldKind({ kind: 'vulnerability', caseId: 'case-1' }, 'case-1')).toBe(SUSPENDED_HOLD_KIND);
  });

  it('chooses the judge from the debtor and the contracts', () => {
    expect(courtKind('company', ['consumer_credit'])).toBe('tribunal_de_commerce');
    expect(courtKind('person', ['energy', 'rent'])).toBe('juge_des_contentieux_de_la_protection');
    expect(courtKind('person', ['energy'])).toBe('tribunal_judiciaire');
    expect(SMALL_CLAIM_CENTS).toBe(500_000);
  });
});

const component = fc.constantFrom('principal' as const, 'interest' as const, 'fees' as const);
const claimArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    reference: fc.constant(`REF-${id}`),
    contractType: fc.constant('energy'),
    originalCreditor: fc.constant(null),
    defaultOn: fc.constant('2025-01-01'),
    lastPaymentOn: fc.constant(null),
    status: fc.constantFrom('open', 'open', 'paid'),
    principalCents: fc.integer({ min: 0, max: 1_000_000 }),
    interestCents: fc.integer({ min: 0, max: 100_000 }),
    feesCents: fc.integer({ min: 0, max: 100_000 }),
  }) satisfies fc.Arbitrary<StatementClaim>;

describe('the statement of account', () => {
  it('owes, per open claim and component, what was placed and corrected less what was paid, never below zero', () => {
    fc.assert(
      fc.property(
        fc.tuple(claimArb('a'), claimArb('b')),
        fc.array(
          fc.record({
            on: fc.constantFrom('2026-01-01', '2026-02-01'),
            kind: fc.constantFrom('correction' as const, 'allocation' as const),
            claimId: fc.constantFrom('a', 'b'),
            component,
            amountCents: fc.integer({ min: -50_000, max: 50_000 }),
            receiptNumber: fc.constant(null),
          }) satisfies fc.Arbitrary<ClaimMovement>,
          { maxLength: 12 },
        ),
        (claims, movements) => {
          const s = buildStatement({ asOf: '2026-03-01', currency: 'EUR', claims, movements, payments: [] });
          let expected = 0;
          for (const claim of claims) {
            if (claim.status !== 'open') continue;
            for (const c of ['principal', 'interest', 'fees'] as const) {
              const placed = { principal: claim.principalCents, interest: claim.interestCents, fees: claim.feesCents }[
                c
              ];
              const moved = movements
                .filter((m) => m.claimId === claim.id && m.component === c)
                .reduce((sum, m) => sum + m.amountCents, 0);
              expected += Math.max(0, placed + moved);
            }
          }
          expect(s.totals.owedCents).toBe(expected);
          expect(s.totals.owedCents).toBe(sumOf(s.totals.owed));
          expect(s.lines.filter((l) => l.kind === 'correction')).toHaveLength(
            movements.filter((m) => m.kind === 'correction').length,
          );
        },
      ),
    );
  });
});

describe('the JSON Schema of the handoff file', () => {
  const built = { version: 1, builtAt: '2026-07-02T08:00:00.000Z', builtOn: '2026-07-02' };

  it('is the one published in docs/schemas/handoff-v1.json', () => {
    const published: unknown = JSON.parse(
      readFileSync(new URL('../../../docs/schemas/handoff-v1.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(HANDOFF_SCHEMA)));
  });

  it('accepts every file built, whatever the facts, and refuses a file that breaks it', () => {
    expect(handoffSchemaErrors(JSON.parse(JSON.stringify(buildHandoff(SAMPLE_FACTS, built))))).toEqual([]);
    const company = {
      ...SAMPLE_FACTS,
      debtor: { ...SAMPLE_FACTS.debtor, kind: 'company' as const, companyName: 'Dupont SARL', birthDate: null },
      addresses: [],
      mandate: { ...SAMPLE_FACTS.mandate, kind: 'collection' as const },
      firstTimelineLetter: null,
      documents: [],
    };
    expect(handoffSchemaErrors(JSON.parse(JSON.stringify(buildHandoff(company, built))))).toEqual([]);
    const broken = { ...buildHandoff(SAMPLE_FACTS, built), employer: 'Acme' };
    expect(handoffSchemaErrors(broken).join()).toContain('/employer');
    const { requete: _dropped, ...withoutRequete } = buildHandoff(SAMPLE_FACTS, built);
    expect(handoffSchemaErrors(withoutRequete).join()).toContain('requete');
  });
});
