import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './core/password-policy.js';
import { ROLES } from './core/roles.js';

/** The API of identity: signing in and out, the signed-in user, users, and requests for access to case data. */

export const roleSchema = z.enum(ROLES);
export const localeSchema = z.enum(['fr', 'en', 'it']);
const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);
const person = z.object({ id: z.string().uuid(), displayName: z.string() });

export const loginBody = z.strictObject({
  email: z.string().email().max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema
    .optional()
    .describe('only when the answer was auth.password_change_required: the new password the person chooses'),
});

/** A forgotten password: the address of the account and the new password the person chooses (approved by another). */
export const forgottenPasswordBody = z.strictObject({
  email: z.string().email().max(254),
  newPassword: passwordSchema,
});
/** The same answer whether the address has an account or not. */
export const forgottenPasswordAnswer = z.object({ received: z.literal(true) });

export const meSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  creditorId: z.string().uuid().nullable(),
  locale: localeSchema,
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});

export const preferencesBody = z.strictObject({ locale: localeSchema });

/** A pending request about the account's access (the users list shows it beside the account). */
export const pendingAccessSchema = z.object({
  requestId: z.string().uuid(),
  kind: z.enum(['creation', 'role_change']),
  role: roleSchema,
  creditorId: z.string().uuid().nullable(),
  requestedAt: z.string(),
});

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  creditorId: z.string().uuid().nullable(),
  teamId: z.string().uuid().nullable(),
  locale: localeSchema,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  pendingAccess: pendingAccessSchema
    .nullable()
    .describe('a role that reads case data, waiting for a manager or a compliance officer to approve it'),
});

export const userDetailSchema = userSchema.extend({
  passwordResetPending: z
    .boolean()
    .describe('a reset waits for a manager or a compliance officer: no sign-in meanwhile'),
  passwordChangeRequired: z.boolean().describe('the person chooses a new password at the next sign-in'),
});

const teamName = z.string().trim().min(1).max(100);
export const teamKindSchema = z.enum([
  'amicable',
  'care',
  'overindebtedness',
  'judicial',
  'management',
  'compliance',
  'administration',
]);
export const TEAM_KINDS = teamKindSchema.options;
export const teamSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: teamKindSchema,
  poleId: z.string().uuid().nullable(),
  poleName: z.string().nullable(),
  members: z.number().int(),
});
export const poleSchema = z.object({ id: z.string().uuid(), name: z.string(), teams: z.number().int() });
export const teamListSchema = z.object({ items: z.array(teamSchema), poles: z.array(poleSchema) });
export const createTeamBody = z.strictObject({
  name: teamName,
  kind: teamKindSchema,
  poleId: z.string().uuid().nullable().optional(),
});
export const updateTeamBody = z
  .strictObject({ name: teamName.optional(), poleId: z.string().uuid().nullable().optional() })
  .refine((body) => body.name !== undefined || body.poleId !== undefined, 'give a new name or a poleId');
export const createPoleBody = z.strictObject({ name: teamName });
export const renamePoleBody = z.strictObject({ name: teamName });

export const userListQuery = z.strictObject({
  role: roleSchema.optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const userListSchema = z.object({ items: z.array(userSchema) });

export const createUserBody = z.strictObject({
  email: z.string().email().max(254),
  displayName: z.string().trim().min(1).max(120),
  role: roleSchema,
  creditorId: z.string().uuid().nullable().optional(),
  teamId: z.string().uuid().nullable().optional(),
  locale: localeSchema.optional(),
  password: passwordSchema,
});

export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
  creditorId: z.string().uuid().nullable().optional(),
  teamId: z.string().uuid().nullable().optional(),
  locale: localeSchema.optional(),
  active: z.boolean().optional(),
  /** Lifts a login lockout. */
  unlock: z.literal(true).optional(),
  password: passwordSchema.optional(),
});

const accessRequestStatus = z.enum(['pending', 'approved', 'refused', 'withdrawn']);

export const accessRequestSchema = z.object({
  requestId: z.string().uuid(),
  kind: z
    .enum(['creation', 'role_change', 'password_reset'])
    .describe('password_reset: a new password set by an administrator, not usable until approved'),
  role: roleSchema.describe('the role asked for (for a password reset, the account’s role)'),
  creditorId: z.string().uuid().nullable(),
  requestedAt: z.string(),
  user: z.object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    active: z.boolean(),
  }),
  fromRole: roleSchema.nullable(),
  requestedBy: person,
  status: accessRequestStatus,
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

export const accessRequestQuery = z.strictObject({
  status: accessRequestStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const accessRequestListSchema = z.object({ items: z.array(accessRequestSchema) });

export const accessDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reason: z.string().trim().min(1).max(1000).optional(),
});

export type Locale = z.infer<typeof localeSchema>;
export type Me = z.infer<typeof meSchema>;
export type UserView = z.infer<typeof userSchema>;
export type UserDetail = z.infer<typeof userDetailSchema>;
export type TeamView = z.infer<typeof teamSchema>;
export type PoleView = z.infer<typeof poleSchema>;
export type TeamList = z.infer<typeof teamListSchema>;
export type TeamKind = z.infer<typeof teamKindSchema>;
export type PendingAccess = z.infer<typeof pendingAccessSchema>;
export type UserListQuery = z.infer<typeof userListQuery>;
/** A new account as a client sends it. */
export type NewUser = z.input<typeof createUserBody>;
/** A change to an account as a client sends it. */
export type UserChange = z.input<typeof updateUserBody>;
export type AccessRequestView = z.infer<typeof accessRequestSchema>;
export type AccessRequestStatus = z.infer<typeof accessRequestStatus>;
export type AccessDecision = z.infer<typeof accessDecisionBody>;

/**
 * What the web app uses of the pure core: the roles, the password's least length, and the permission matrix (the
 * menu is built from the same matrix the server enforces).
 */
export { ROLES } from './core/roles.js';
export type { Role } from './core/roles.js';
export { PASSWORD_MIN_LENGTH } from './core/password-policy.js';
export { can } from './core/permissions.js';
export type { Permission } from './core/permissions.js';
