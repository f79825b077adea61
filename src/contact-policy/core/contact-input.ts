import { invalid } from '../../platform/errors.js';
import { OUTCOMES } from './outcomes.js';
import type { Channel } from './policy-document.js';

/** A contact recorded late (an agent logging a call after it) may not be older than this. */
const MAX_BACKDATE_MS = 48 * 3_600_000;
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ContactShape {
  channel: Channel;
  direction: 'outbound' | 'inbound';
  outcome: string;
  firstLetter?: boolean | undefined;
}

/**
 * The checks a contact passes before anything is read: its outcome fits its channel, it happened (a few minutes of
 * clock skew aside) and not more than 48 hours ago, and only an outbound letter is a first letter.
 */
export function checkContactInput(input: ContactShape, at: Date, now: Date): void {
  if (!OUTCOMES[input.channel].includes(input.outcome)) {
    throw invalid(
      'contact.invalid_outcome',
      `Outcome "${input.outcome}" does not apply to ${input.channel}: use one of ${OUTCOMES[input.channel].join(', ')}.`,
      {
        allowed: OUTCOMES[input.channel],
      },
    );
  }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw invalid(
      'contact.in_future',
      'A contact cannot be recorded before it happens: give a moment that is not in the future.',
    );
  }
  if (at.getTime() < now.getTime() - MAX_BACKDATE_MS) {
    throw invalid(
      'contact.too_old',
      'A contact may be recorded up to 48 hours after it happened; older contacts need a note on the case instead.',
    );
  }
  if (input.firstLetter && (input.channel !== 'letter' || input.direction !== 'outbound')) {
    throw invalid('contact.first_letter_not_letter', 'Only an outbound letter can be the first letter (CPCE R124-4).');
  }
}

/** The timeline entry a contact makes: a phone call is a conversation or an attempt; other channels name themselves. */
export function timelineKind(channel: Channel, conversation: boolean) {
  if (channel === 'phone') return conversation ? ('conversation' as const) : ('call_attempt' as const);
  return channel;
}
