import { z } from 'zod';
import { NOTIFICATION_KINDS } from './core/sources.js';

export { NOTIFICATION_KINDS };

export const notificationSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  id: z.string(),
  /** When it started waiting: asked for, opened, or due. */
  at: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  /** The person it is about (an access request's user), or null. */
  subject: z.string().nullable(),
  /** A task's kind (`callback_missed`, `dispute_review`…), or null. */
  taskKind: z.string().nullable(),
});

export const notificationsSchema = z.object({
  /** Everything waiting for the reader, counted whole; `items` lists the oldest ones. */
  total: z.number().int(),
  items: z.array(notificationSchema),
});

export type NotificationView = z.infer<typeof notificationSchema>;
export type Notifications = z.infer<typeof notificationsSchema>;
