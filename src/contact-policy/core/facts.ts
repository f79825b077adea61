import type { ContactAdaptations } from './adaptations.js';
import type { Channel, DayKey, HoldKind } from './policy-document.js';

/**
 * What the decision needs to know about a debtor, gathered by the service from the database. Instants are
 * milliseconds since the epoch so a decision allocates nothing; the edges convert from and to ISO strings.
 */
export interface ContactFacts {
  /** Where the debtor lives: calendars and contact hours follow the country and region, time the zone. */
  location: { country: string; region: string | null; timeZone: string };
  /** Holds that apply to this contact (the debtor's own and those of the case concerned). */
  holds: readonly FactHold[];
  /** When the debtor opted out of a channel ("stop calling"); absent when they did not. */
  optOuts: Partial<Record<Channel, number>>;
  /** Whether a usable contact point exists for the channel (a number not opted out, a mobile for SMS, an address). */
  reachable: Record<Channel, boolean>;
  /** The debtor's own wishes: they narrow the policy, except a callback they asked for. */
  preferences: ContactPreferences;
  /** When the R124-4 first letter of the case concerned went out; null while it has not. */
  firstLetterSentAt: number | null;
  /** False when the case concerned (or, for the debtor as a whole, every case) is closed. */
  caseOpen: boolean;
  /** Every contact with the debtor across all their cases, in time order (oldest first). */
  history: readonly PastContact[];
  /** When the contact is for the estate of a deceased debtor rather than the debtor (REGULATION §12). */
  estate?: EstateContact | undefined;
  /**
   * The debtor's active (or due for review) vulnerability records, as the policy reads them: null when there is none.
   * Their adaptations narrow the policy and the policy's care profile applies on top of the usual rules.
   */
  care: CareFact | null;
}

export interface CareFact {
  /** When the earliest of the records was recorded. */
  since: number;
  /** The records' adaptations combined so that each only narrows (`combineAdaptations`). */
  adaptations: ContactAdaptations;
  /** The first letter or e-mail that went out at or after `since` (the care profile writes first); null while none. */
  firstWrittenAt: number | null;
}

export const ESTATE_RECIPIENTS = ['heir', 'relative', 'notary'] as const;
export type EstateRecipient = (typeof ESTATE_RECIPIENTS)[number];

export interface EstateContact {
  recipient: EstateRecipient;
  /** When the heirs' option period ends (the death + 4 months, C. civ. 771); null while the death is not proven. */
  optionEndsAt: number | null;
  /** The same day as the agency writes it (YYYY-MM-DD), for the reason's words. */
  optionEndsOn: string | null;
}

export interface FactHold {
  kind: HoldKind;
  startsAt: number;
  /** The hold stops holding at this instant; null when it only has a review date and holds until lifted. */
  endsAt: number | null;
  reviewAt: number | null;
}

export interface ContactPreferences {
  /** Channels the debtor asked to be contacted by; null when they expressed no preference. */
  channels: readonly Channel[] | null;
  /** Local hours the debtor prefers; null when none. */
  windows: readonly { days: readonly DayKey[]; from: string; to: string }[] | null;
  /** Callbacks the debtor asked for, at the moment they chose. */
  callbacks: readonly { at: number; channel: Channel }[];
}

export interface PastContact {
  at: number;
  channel: Channel;
  direction: 'outbound' | 'inbound';
  /** A conversation with the debtor (identity confirmed), as opposed to an attempt that reached no one. */
  conversation: boolean;
}

export const NO_PREFERENCES: ContactPreferences = { channels: null, windows: null, callbacks: [] };
