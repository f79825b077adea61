import { CASE_WORKERS, ROLES, type Role } from './roles.js';

/**
 * The permission matrix: which roles may do what. Declarative, enforced on every route by the HTTP layer
 * (each route names one permission), and tested role by role. The web app reads the same matrix to build
 * its navigation, so a menu never offers what the server would refuse.
 *
 * Creditor scope is a second, separate check: a creditor user holding `cases.read` reads its own creditor's
 * cases only (see scope.ts).
 */
export const PERMISSIONS = {
  /** Own profile and preferences. */
  'me.read': ROLES,
  'me.update': ROLES,
  /** Portfolio figures on the home page, within the actor's scope. */
  'dashboard.read': ROLES,
  'creditors.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user', 'administrator'],
  'cases.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  /** Placements (claim files) and their intake reports; a creditor user sees and places its own only. */
  'placements.read': ['team_leader', 'compliance_officer', 'manager', 'creditor_user'],
  'placements.create': ['manager', 'creditor_user'],
  /** Possible duplicate debtors found at intake: decide, and merge. Crosses creditors, so never creditor users. */
  'debtors.review_matches': ['team_leader', 'compliance_officer', 'manager'],
  'users.read': ['team_leader', 'manager', 'administrator'],
  'users.manage': ['administrator'],
  'audit.read': ['compliance_officer', 'administrator'],
  'jobs.run': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((permission) => can(role, permission));
}
