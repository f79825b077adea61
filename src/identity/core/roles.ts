import type { Role } from '../../platform/db/schema.js';

export type { Role };

export const ROLES = [
  'agent',
  'team_leader',
  'care_specialist',
  'overindebtedness_specialist',
  'judicial_specialist',
  'compliance_officer',
  'manager',
  'creditor_user',
  'administrator',
] as const satisfies readonly Role[];

/** Roles of the agency's own staff: they work across creditors. Creditor users see one creditor only. */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'creditor_user');

/** Staff who work cases with debtors. */
export const CASE_WORKERS = [
  'agent',
  'team_leader',
  'care_specialist',
  'overindebtedness_specialist',
  'judicial_specialist',
] as const satisfies readonly Role[];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
