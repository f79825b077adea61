import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, PERMISSION_NAMES, permissionsOf } from './permissions.js';
import { ROLES } from './roles.js';

describe('permission matrix', () => {
  it('lets every role read and change its own profile and see its dashboard', () => {
    for (const role of ROLES) {
      expect(can(role, 'me.read')).toBe(true);
      expect(can(role, 'me.update')).toBe(true);
      expect(can(role, 'dashboard.read')).toBe(true);
    }
  });

  it('keeps user management with administrators only', () => {
    expect(ROLES.filter((role) => can(role, 'users.manage'))).toEqual(['administrator']);
  });

  it('lets compliance, managers and administrators read the audit trail across the agency, never case workers or creditors', () => {
    expect(ROLES.filter((role) => can(role, 'audit.read')).sort()).toEqual([
      'administrator',
      'compliance_officer',
      'manager',
    ]);
  });

  it('keeps debtor case data away from administrators (data minimisation)', () => {
    expect(can('administrator', 'cases.read')).toBe(false);
  });

  it('gives creditor users their portfolio, their own placements, payments, remittances, disputes to answer, the estate and over-indebtedness state, the judicial review outcomes, the judicial procedure state, the handoff files of its own cases, its portfolio’s performance and its monthly reports, nothing else', () => {
    expect(permissionsOf('creditor_user').sort()).toEqual([
      'cases.read',
      'creditors.read',
      'dashboard.read',
      'disputes.answer',
      'disputes.read',
      'documents.read',
      'documents.upload',
      'estates.read',
      'handoffs.read',
      'judicial_procedures.read',
      'judicial_reviews.read',
      'me.read',
      'me.update',
      'overindebtedness.read',
      'payments.read',
      'placements.create',
      'placements.read',
      'remittances.read',
      'reports.monthly',
      'reports.portfolio',
    ]);
  });

  it('lets team leaders and managers review calls and coach, everyone who records calls read their own reviews, and compliance alone own the listening grid', () => {
    expect(ROLES.filter((role) => can(role, 'quality.review')).sort()).toEqual(['manager', 'team_leader']);
    expect(ROLES.filter((role) => can(role, 'quality.read_own')).sort()).toEqual(
      ROLES.filter((role) => can(role, 'contacts.record')).sort(),
    );
    expect(ROLES.filter((role) => can(role, 'quality.grid'))).toEqual(['compliance_officer']);
    expect(permissionsOf('creditor_user').filter((p) => p.startsWith('quality.'))).toEqual([]);
  });

  it('keeps the review of possible duplicate debtors, which crosses creditors, away from creditor users', () => {
    expect(ROLES.filter((role) => can(role, 'debtors.review_matches')).sort()).toEqual([
      'compliance_officer',
      'manager',
      'team_leader',
    ]);
  });

  it('lets case workers work the queues, team leaders and managers supervise them, and managers only change the strategy', () => {
    expect(ROLES.filter((role) => can(role, 'queues.work')).sort()).toEqual([
      'agent',
      'care_specialist',
      'judicial_specialist',
      'overindebtedness_specialist',
      'team_leader',
    ]);
    expect(ROLES.filter((role) => can(role, 'queues.supervise')).sort()).toEqual(['manager', 'team_leader']);
    expect(ROLES.filter((role) => can(role, 'strategies.manage'))).toEqual(['manager']);
  });

  it('lets judicial specialists, team leaders and managers decide a move to the judicial stage, never a creditor', () => {
    expect(ROLES.filter((role) => can(role, 'judicial_reviews.review')).sort()).toEqual([
      'judicial_specialist',
      'manager',
      'team_leader',
    ]);
  });

  it('lets compliance officers and administrators edit the mediators a refusal names, no one else', () => {
    expect(ROLES.filter((role) => can(role, 'mediators.manage')).sort()).toEqual([
      'administrator',
      'compliance_officer',
    ]);
  });

  it('names only known roles', () => {
    for (const name of PERMISSION_NAMES) {
      for (const role of PERMISSIONS[name]) expect(ROLES).toContain(role);
    }
  });
});
