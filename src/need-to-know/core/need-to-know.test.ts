import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES } from '../../affordability/core/types.js';
import { HOLD_KINDS } from '../../contact-policy/core/policy-document.js';
import { ROLES } from '../../identity/core/roles.js';
import {
  CARE_HOLD_KINDS,
  decideNeedToKnow,
  REASON_MIN_LENGTH,
  reasonProblem,
  SPECIAL_CATEGORY_EXPENSES,
} from './need-to-know.js';
import { CARE_RULE, restrictAssessment, restrictHold, SPECIAL_CATEGORY } from './projection.js';

const role = fc.constantFrom(...ROLES);
const reason = fc.option(fc.string({ maxLength: 40 }), { nil: null });

describe('need-to-know', () => {
  it('gives the care team, compliance and the worker holding the case the details, each with its basis', () => {
    expect(decideNeedToKnow({ role: 'care_specialist', holdsCase: false, reason: null })).toEqual({
      access: 'full',
      basis: 'care_team',
    });
    expect(decideNeedToKnow({ role: 'compliance_officer', holdsCase: false, reason: null })).toEqual({
      access: 'full',
      basis: 'compliance',
    });
    expect(decideNeedToKnow({ role: 'agent', holdsCase: true, reason: null })).toEqual({
      access: 'full',
      basis: 'case_holder',
    });
    expect(decideNeedToKnow({ role: 'agent', holdsCase: false, reason: null })).toEqual({
      access: 'restricted',
      reasonAccepted: false,
    });
  });

  it('lets team leaders and managers read outside their cases only with a reason that says something', () => {
    expect(decideNeedToKnow({ role: 'manager', holdsCase: false, reason: null })).toEqual({
      access: 'restricted',
      reasonAccepted: true,
    });
    expect(decideNeedToKnow({ role: 'manager', holdsCase: false, reason: 'court' })).toEqual({
      access: 'restricted',
      reasonAccepted: true,
    });
    expect(decideNeedToKnow({ role: 'team_leader', holdsCase: false, reason: 'Complaint 2026-114 review' })).toEqual({
      access: 'full',
      basis: 'stated_reason',
    });
    expect(reasonProblem('agent', 'Complaint 2026-114 review')).toBe('need_to_know.reason_not_accepted');
    expect(reasonProblem('manager', 'court')).toBe('need_to_know.reason_too_short');
  });

  it('never opens the details to creditor users, administrators or a role without a basis, whatever they hold or say', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'creditor_user',
          'administrator',
          'overindebtedness_specialist',
          'judicial_specialist',
          'agent',
        ),
        fc.boolean(),
        reason,
        (r, holdsCase, said) => {
          const decision = decideNeedToKnow({ role: r, holdsCase, reason: said });
          const holderRole = r !== 'creditor_user' && r !== 'administrator';
          expect(decision.access === 'full').toBe(holderRole && holdsCase);
        },
      ),
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

describe('special categories', () => {
  it('names real hold kinds and budget categories (need-to-know imports neither capability, so a test holds them together)', () => {
    expect(CARE_HOLD_KINDS.length).toBeGreaterThan(0);
    for (const kind of CARE_HOLD_KINDS) expect(HOLD_KINDS).toContain(kind);
    expect(SPECIAL_CATEGORY_EXPENSES.length).toBeGreaterThan(0);
    for (const category of SPECIAL_CATEGORY_EXPENSES) expect(EXPENSE_CATEGORIES).toContain(category);
  });
});

describe('restricted projections', () => {
  it('a care hold keeps its dates but loses its kind and reason; other holds are unchanged', () => {
    const care = { id: 'h1', kind: 'vulnerability', reason: 'hospitalisée', endsAt: '2026-12-25' };
    expect(restrictHold(care)).toEqual({
      id: 'h1',
      kind: CARE_RULE,
      reason: null,
      endsAt: '2026-12-25',
      restricted: true,
    });
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
    expect(restricted.input.expenses).toEqual([
      input.expenses[0],
      { category: SPECIAL_CATEGORY, basis: 'actual_with_evidence' },
    ]);
    expect(JSON.stringify(restricted.input)).not.toContain('12345');
  });
});
