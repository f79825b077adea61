import { z } from 'zod';
import { CHANNELS, DAY_KEYS, type Channel, type DayKey } from './policy-document.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM, from 00:00 to 24:00');

/**
 * A vulnerability's adaptations (REGULATION §5, FG21/1), as the contact policy reads them: what the care team agreed
 * with or for the debtor, machine-readable so the policy applies it. Each one only ever narrows what the policy
 * allows, never widens it: fewer channels, fewer hours, a slower pace, a third party present.
 */
export const contactAdaptationsSchema = z.strictObject({
  /** Only these channels ("written contact only": letter and e-mail); null when the channels are not narrowed. */
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).nullable().default(null),
  /** Only these local hours ("calls after 17:00"), on the days named; null when the hours are not narrowed. */
  windows: z
    .array(
      z
        .strictObject({ days: z.array(z.enum(DAY_KEYS)).min(1).max(7), from: clock, to: clock })
        .refine((window) => window.from < window.to, { message: 'a window must end after it starts' }),
    )
    .min(1)
    .max(7)
    .nullable()
    .default(null),
  /** At least this many days between two outbound contacts, every channel together ("one letter a fortnight"). */
  minDaysBetweenContacts: z.number().int().min(1).max(90).nullable().default(null),
  /** Any conversation needs a named third party present (a relative, a support worker): a notice on every channel. */
  thirdPartyPresent: z.boolean().default(false),
});

export interface ContactAdaptations {
  channels: readonly Channel[] | null;
  windows: readonly { days: readonly DayKey[]; from: string; to: string }[] | null;
  minDaysBetweenContacts: number | null;
  thirdPartyPresent: boolean;
}

export const NO_ADAPTATIONS: ContactAdaptations = {
  channels: null,
  windows: null,
  minDaysBetweenContacts: null,
  thirdPartyPresent: false,
};
