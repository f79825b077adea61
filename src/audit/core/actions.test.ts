import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_FAMILIES, actionsOf, familyOf, sentenceFacts } from './actions.js';

describe('the families of audit actions', () => {
  it('puts every known action in exactly one family, and that family lists it', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) {
      const family = familyOf(action);
      expect(family).not.toBe('other');
      expect(actionsOf(family)).toContain(action);
    }
    const listed = AUDIT_FAMILIES.flatMap((family) => actionsOf(family));
    expect([...listed].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("calls an action it does not know 'other'", () => {
    fc.assert(
      fc.property(fc.string(), (action) => {
        expect(familyOf(action)).toBe(AUDIT_ACTIONS.includes(action) ? familyOf(action) : 'other');
      }),
    );
  });
});

describe('the facts of an entry’s sentence', () => {
  it('takes the amount, count, version and reference an action recorded', () => {
    expect(
      sentenceFacts('payment.recorded', null, { amountCents: 15050, receiptNumber: 'Q-2026-000001', caseId: 'x' }),
    ).toEqual({ amountCents: 15050, count: null, version: null, reference: 'Q-2026-000001' });
    expect(sentenceFacts('plan.proposed', null, { agreedCents: 456525, instalments: 18, version: 1 })).toEqual({
      amountCents: 456525,
      count: 18,
      version: 1,
      reference: null,
    });
    expect(
      sentenceFacts('payment.credit_allocated', null, { allocations: [{ amountCents: 1000 }, { amountCents: 250 }] })
        .amountCents,
    ).toBe(1250);
    expect(sentenceFacts('remittance.prepared', null, { number: 'R-ACME-20261130-0001', net: 9000 })).toMatchObject({
      amountCents: 9000,
      reference: 'R-ACME-20261130-0001',
    });
  });

  it('names an export’s rows and its format', () => {
    expect(
      sentenceFacts('export.cases', null, { list: 'cases', format: 'xlsx', filters: {}, rows: 42, completed: true }),
    ).toEqual({ amountCents: null, count: 42, version: null, reference: 'XLSX' });
  });

  it('never throws and never guesses on whatever an entry recorded', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), fc.jsonValue(), (action, before, after) => {
        const facts = sentenceFacts(action, before, after);
        for (const value of [facts.amountCents, facts.count, facts.version]) {
          expect(value === null || Number.isSafeInteger(value)).toBe(true);
        }
        expect(facts.reference === null || typeof facts.reference === 'string').toBe(true);
      }),
    );
  });
});
