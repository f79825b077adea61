import { z } from 'zod';

/**
 * The e-mail side's public doors: the one-click opt-out link of an e-mail (RFC 8058) and the relay's hand-over of
 * bounces and complaints.
 */

export const unsubscribeParams = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'the token of an unsubscribe link: letters, digits, - and _')
    .describe("the secret of the e-mail's opt-out link"),
});

export const unsubscribedSchema = z.object({
  optedOut: z.literal(true).describe('the debtor receives no more e-mail'),
  alreadyOptedOut: z.boolean().describe('it was already so: this request changed nothing'),
});
export type Unsubscribed = z.infer<typeof unsubscribedSchema>;

export const INBOUND_MAIL_UNDERSTOOD = ['bounced', 'failed', 'complained', 'delivered', 'ignored'] as const;

export const inboundMailResultSchema = z.object({
  understood: z
    .enum(INBOUND_MAIL_UNDERSTOOD)
    .describe(
      'what the message reports: a bounce (the address takes no mail), a failed message (refused for its content or by policy), a complaint (marked as spam), a delivery, or nothing Accord acts on',
    ),
  matched: z.boolean().describe('whether it is about an e-mail Accord sent'),
});
export type InboundMailResult = z.infer<typeof inboundMailResultSchema>;
