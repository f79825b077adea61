import { http } from '../../api/client.js';
import type { NotificationView, Notifications } from '../../../../src/notifications/contract.js';

export type { NotificationView, Notifications };

export const listNotifications = (signal?: AbortSignal) =>
  http.get<Notifications>('/api/v1/notifications', undefined, signal);

/** Where each kind of waiting item is dealt with. */
export function notificationHref(item: NotificationView): string {
  switch (item.kind) {
    case 'plan_approval':
      return '/plan-approvals';
    case 'access_creation':
    case 'access_password_reset':
    case 'access_role_change':
      return '/users';
    case 'review_orientation':
    case 'review_broken_plan':
      return '/case-reviews';
    case 'callback_due':
    case 'task_due':
    case 'partner_report':
      return item.caseId ? `/cases/${item.caseId}` : '/workspace';
    case 'certification_expiring':
    case 'certification_stale':
      return '/training';
  }
}
