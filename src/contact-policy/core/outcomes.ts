import type { Channel } from './policy-document.js';

/**
 * What a recorded contact may end in, per channel. A phone `right_party` outcome is a conversation with the
 * debtor (identity confirmed): it starts the pause after a conversation. Shared with the web app's form.
 */
export const OUTCOMES: Record<Channel, readonly string[]> = {
  phone: ['no_answer', 'busy', 'voicemail', 'wrong_number', 'third_party', 'right_party'],
  sms: ['sent', 'failed'],
  email: ['sent', 'failed'],
  letter: ['sent', 'returned'],
};

export function isConversation(channel: Channel, outcome: string): boolean {
  return channel === 'phone' && outcome === 'right_party';
}
