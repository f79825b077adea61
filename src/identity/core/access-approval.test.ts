import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessDecisionRefusal,
  needsAccessApproval,
  passwordResetNeedsApproval,
  readsCaseData,
} from './access-approval.js';
import { permissionsOf } from './permissions.js';
import { ROLES, type Role } from './roles.js';

const role = fc.constantFrom(...ROLES);
const creditor = fc.constantFrom<string | null>(null, 'creditor-a', 'creditor-b');
const access = fc.record({ role, creditorId: creditor });

describe('needsAccessApproval', () => {
  it('asks approval for every new account whose role reads case data, and for no other', () => {
    for (const r of ROLES) {
      expect(needsAccessApproval(null, { role: r, creditorId: null })).toBe(readsCaseData(r));
    }
    expect(needsAccessApproval(null, { role: 'manager', creditorId: null })).toBe(true);
    expect(needsAccessApproval(null, { role: 'administrator', creditorId: null })).toBe(false);
  });

  it('asks approval for every change of an account that adds a permission or changes its creditor, and for no other', () => {
    fc.assert(
      fc.property(access, access, (from, to) => {
        const before = new Set(permissionsOf(from.role));
        const adds = permissionsOf(to.role).some((p) => !before.has(p)) || to.creditorId !== from.creditorId;
        expect(needsAccessApproval(from, to)).toBe(adds);
      }),
    );
  });

  it('never turns a creditor user into agency staff without a second person, whatever the staff role', () => {
    fc.assert(
      fc.property(role, (to) => {
        if (to === 'creditor_user') return;
        expect(
          needsAccessApproval({ role: 'creditor_user', creditorId: 'creditor-a' }, { role: to, creditorId: null }),
        ).toBe(true);
      }),
    );
  });

  it('lets a lowering through at once: the new permissions are a subset of the old, same creditor', () => {
    fc.assert(
      fc.property(access, role, (from, to) => {
        const before = new Set(permissionsOf(from.role));
        const subset = permissionsOf(to).every((p) => before.has(p));
        expect(needsAccessApproval(from, { role: to, creditorId: from.creditorId })).toBe(!subset);
      }),
    );
  });

  it('asks approval to move a creditor user to another creditor, and to raise an agent to manager', () => {
    expect(
      needsAccessApproval(
        { role: 'creditor_user', creditorId: 'creditor-a' },
        { role: 'creditor_user', creditorId: 'creditor-b' },
      ),
    ).toBe(true);
    expect(needsAccessApproval({ role: 'agent', creditorId: null }, { role: 'manager', creditorId: null })).toBe(true);
    expect(needsAccessApproval({ role: 'administrator', creditorId: null }, { role: 'agent', creditorId: null })).toBe(
      true,
    );
  });
});

describe('accessDecisionRefusal', () => {
  const request = { userId: 'target', requestedBy: 'admin', status: 'pending' };
  it('lets a manager or a compliance officer other than the requester and the account decide', () => {
    expect(accessDecisionRefusal({ userId: 'boss', role: 'manager' }, request)).toBeNull();
    expect(accessDecisionRefusal({ userId: 'dpo', role: 'compliance_officer' }, request)).toBeNull();
  });

  it('refuses the requester, the account itself, other roles and a decided request', () => {
    expect(accessDecisionRefusal({ userId: 'admin', role: 'manager' }, request)).toBe('own_request');
    expect(accessDecisionRefusal({ userId: 'target', role: 'compliance_officer' }, request)).toBe('own_account');
    expect(accessDecisionRefusal({ userId: 'other', role: 'administrator' }, request)).toBe('not_an_approver');
    expect(accessDecisionRefusal({ userId: 'boss', role: 'manager' }, { ...request, status: 'approved' })).toBe(
      'not_pending',
    );
  });

  it('never lets anyone decide their own request, whatever the role', () => {
    fc.assert(
      fc.property(role, fc.constantFrom('a', 'b'), (r: Role, id) => {
        expect(
          accessDecisionRefusal({ userId: id, role: r }, { userId: 'x', requestedBy: id, status: 'pending' }),
        ).not.toBeNull();
      }),
    );
  });
});

describe('passwordResetNeedsApproval', () => {
  it('asks approval whenever a person sets the password of another account, never of their own or from the server', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (actor, account) => {
        expect(passwordResetNeedsApproval(actor, account)).toBe(actor !== account);
        expect(passwordResetNeedsApproval(account, account)).toBe(false);
        expect(passwordResetNeedsApproval(null, account)).toBe(false);
      }),
    );
  });
});
