import { can } from '../../identity/core/permissions.js';
import type { Role } from '../../identity/core/roles.js';

/**
 * What may be waiting for a person, each source read only for the roles that can act on it: the permission of the
 * page where it is done (approving a plan, deciding an access request, closing a review, working the team's cases).
 */
export const NOTIFICATION_SOURCES = [
  'plan_approvals',
  'access_requests',
  'case_reviews',
  'team_work',
  'partner_reports',
  'certifications',
] as const;
export type NotificationSource = (typeof NOTIFICATION_SOURCES)[number];

const PERMISSION_OF = {
  plan_approvals: 'plans.approve',
  access_requests: 'users.approve_access',
  case_reviews: 'plans.review',
  team_work: 'queues.work',
  // A judicial partner's report (the partner API) waits for the judicial team to apply or reject it.
  partner_reports: 'judicial_procedures.manage',
  // The reader's own certifications ending soon or out of date (a new contact policy): everyone who trains.
  certifications: 'training.take',
} as const satisfies Record<NotificationSource, Parameters<typeof can>[1]>;

export function sourcesFor(role: Role): NotificationSource[] {
  return NOTIFICATION_SOURCES.filter((source) => can(role, PERMISSION_OF[source]));
}

/** The kinds of item the bell lists; the web app names each and links it to the page where it is done. */
export const NOTIFICATION_KINDS = [
  'plan_approval',
  'access_creation',
  'access_password_reset',
  'access_role_change',
  'review_orientation',
  'review_broken_plan',
  'callback_due',
  'task_due',
  'partner_report',
  'certification_expiring',
  'certification_stale',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The most items one answer lists (the count covers them all): the oldest first, as the most overdue. */
export const NOTIFICATION_LIST_MAX = 30;

export interface WaitingItem {
  kind: NotificationKind;
  id: string;
  at: Date;
}

/** Merges the sources' items, oldest first, kept to the list's length; the count stays whole. */
export function mergeWaiting<T extends WaitingItem>(
  groups: { total: number; items: T[] }[],
): { total: number; items: T[] } {
  const items = groups
    .flatMap((group) => group.items)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))
    .slice(0, NOTIFICATION_LIST_MAX);
  return { total: groups.reduce((sum, group) => sum + group.total, 0), items };
}
