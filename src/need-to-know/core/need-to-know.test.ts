import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../identity/core/roles.js';
import { decideNeedToKnow, REASON_MIN_LENGTH, reasonProblem } from './need-to-know.js';
import { CARE_RULE, restrictAssessment, restrictHold, SPECIAL_CATEGORY } from './projection.js';
import { sealBatch, type SealedRead } from './read-batch.js';

const role = fc.constantFrom(...ROLES);
const reason = fc.option(fc.string({ maxLength: 40 }), { nil: null });

describe('need-to-know', () => {
  it('gives the care team, compliance and the worker holding the case the details, each with its basis', () => {
    expect(decideNeedToKnow({ role: 'care_specialist', holdsCase: false, reason: null })).toEqual({ access: 'full', basis: 'care_team' });
    expect(decideNeedToKnow({ role: 'compliance_officer', holdsCase: false, reason: null })).toEqual({ access: 'full', basis: 'compliance' });
    expect(decideNeedToKnow({ role: 'agent', holdsCase: true, reason: null })).toEqual({ access: 'full', basis: 'case_holder' });
    expect(decideNeedToKnow({ role: 'agent', holdsCase: false, reason: null })).toEqual({ access: 'restricted', reasonAccepted: false });
  });

  it('lets team leaders and managers read outside their cases only with a reason that says something', () => {
    expect(decideNeedToKnow({ role: 'manager', holdsCase: false, reason: null })).toEqual({ access: 'restricted', reasonAccepted: true });
    expect(decideNeedToKnow({ role: 'manager', holdsCase: false, reason: 'court' })).toEqual({ access: 'restricted', reasonAccepted: true });
    expect(decideNeedToKnow({ role: 'team_leader', holdsCase: false, reason: 'Complaint 2026-114 review' })).toEqual({ access: 'full', basis: 'stated_reason' });
    expect(reasonProblem('agent', 'Complaint 2026-114 review')).toBe('need_to_know.reason_not_accepted');
    expect(reasonProblem('manager', 'court')).toBe('need_to_know.reason_too_short');
  });

  it('never opens the details to creditor users, administrators or a role without a basis, whatever they hold or say', () => {
    fc.assert(
      fc.property(fc.constantFrom('creditor_user', 'administrator', 'overindebtedness_specialist', 'judicial_specialist', 'agent'), fc.boolean(), reason, (r, holdsCase, said) => {
        const decision = decideNeedToKnow({ role: r, holdsCase, reason: said });
        const holderRole = r !== 'creditor_user' && r !== 'administrator';
        expect(decision.access === 'full').toBe(holderRole && holdsCase);
      }),
    );
  });

  it('a full read always has a basis the reader can be held to, and a stated reason is at least the minimum length', () => {
    fc.assert(
      fc.property(role, fc.boolean(), reason, (r, holdsCase, said) => {
        const decision = decideNeedToKnow({ role: r, holdsCase, reason: said });
        if (decision.access === 'full' && decision.basis === 'stated_reason') {
          expect(said!.length).toBeGreaterThanOrEqual(REASON_MIN_LENGTH);
          expect(['team_leader', 'manager']).toContain(r);
        }
        if (decision.access === 'restricted' && said !== null) expect(reasonProblem(r, said)).not.toBeNull();
      }),
    );
  });
});

describe('restricted projections', () => {
  it('a care hold keeps its dates but loses its kind and reason; other holds are unchanged', () => {
    const care = { id: 'h1', kind: 'vulnerability', reason: 'hospitalisée', endsAt: '2026-12-25' };
    expect(restrictHold(care)).toEqual({ id: 'h1', kind: CARE_RULE, reason: null, endsAt: '2026-12-25', restricted: true });
    const dispute = { id: 'h2', kind: 'dispute', reason: 'conteste le montant' };
    expect(restrictHold(dispute)).toEqual({ ...dispute, restricted: false });
  });

  it('a budget keeps every line in place, health lines without category or amount', () => {
    const input = {
      date: '2026-05-01',
      household: { adults: 1, children: 0, dependants: 0 },
      resources: [{ type: 'salary' as const, amountCents: 150000 }],
      expenses: [
        { category: 'housing' as const, amountCents: 60000, basis: 'actual' as const },
        { category: 'health' as const, amountCents: 12345, basis: 'actual_with_evidence' as const },
      ],
    };
    const restricted = restrictAssessment(input);
    expect(restricted.restrictedLines).toBe(1);
    expect(restricted.input.expenses).toEqual([input.expenses[0], { category: SPECIAL_CATEGORY, basis: 'actual_with_evidence' }]);
    expect(JSON.stringify(restricted.input)).not.toContain('12345');
  });
});

describe('sealing a batch of reads', () => {
  const read = (seq: number, reasonText: string | null = null): SealedRead => ({
    seq,
    readAt: '2026-11-25T09:00:00.000Z',
    userId: 'u',
    role: 'agent',
    debtorId: 'd',
    caseId: null,
    subject: 'budget',
    basis: reasonText === null ? 'case_holder' : 'stated_reason',
    reason: reasonText,
    requestId: null,
  });

  it('covers every field of every read: changing, removing or adding one changes the seal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), fc.string({ minLength: 1 }), (count, pick, text) => {
        const reads = Array.from({ length: count }, (_, i) => read(i + 1));
        const seal = sealBatch(reads);
        expect(seal).toMatchObject({ firstSeq: 1, lastSeq: count, count });
        const index = pick % count;
        const changed = reads.map((r, i) => (i === index ? read(r.seq, text) : r));
        expect(sealBatch(changed).sha256).not.toBe(seal.sha256);
        if (count > 1) expect(sealBatch(reads.filter((_, i) => i !== index)).sha256).not.toBe(seal.sha256);
        expect(sealBatch([...reads, read(count + 1)]).sha256).not.toBe(seal.sha256);
      }),
    );
  });

  it('refuses an empty batch or reads out of order', () => {
    expect(() => sealBatch([])).toThrow();
    expect(() => sealBatch([read(2), read(1)])).toThrow();
  });
});
