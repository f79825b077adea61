import type { CompiledCap, CompiledPolicy } from './compile.js';
import { CHANNEL_BIT } from './compile.js';
import type { ContactFacts, PastContact } from './facts.js';

/**
 * The history split into what each rule counts, computed on first use and kept for the rest of the decision:
 * the search for the next allowed moment evaluates the rules many times over the same facts.
 */
export class Prepared {
  readonly #capTimes = new Map<CompiledCap, number[]>();
  readonly #outboundTimes = new Map<number, number[]>();
  #conversationTimes: number[] | undefined;

  constructor(
    readonly policy: CompiledPolicy,
    readonly facts: ContactFacts,
  ) {
    const history = facts.history;
    for (let i = 1; i < history.length; i += 1) {
      if (history[i]!.at < history[i - 1]!.at) throw new Error('contact history must be in time order, oldest first');
    }
  }

  /** The instants of the contacts a cap counts. */
  capTimes(cap: CompiledCap): number[] {
    let found = this.#capTimes.get(cap);
    if (!found) {
      found = times(this.facts.history, (contact) => counts(contact, cap.mask, cap.conversations));
      this.#capTimes.set(cap, found);
    }
    return found;
  }

  /** The instants of the outbound contacts on the channels of `mask` (what a spacing or a pace keeps apart). */
  outboundTimes(mask: number): number[] {
    let found = this.#outboundTimes.get(mask);
    if (!found) {
      found = times(
        this.facts.history,
        (contact) => contact.direction === 'outbound' && (CHANNEL_BIT[contact.channel] & mask) !== 0,
      );
      this.#outboundTimes.set(mask, found);
    }
    return found;
  }

  conversationTimes(): number[] {
    return (this.#conversationTimes ??= times(this.facts.history, (contact) => contact.conversation));
  }
}

/** The instants of the contacts kept, in time order (the history is). */
export function times(history: readonly PastContact[], keep: (contact: PastContact) => boolean): number[] {
  const result: number[] = [];
  for (const contact of history) if (keep(contact)) result.push(contact.at);
  return result;
}

export function counts(contact: PastContact, mask: number, conversations: boolean): boolean {
  if ((CHANNEL_BIT[contact.channel] & mask) === 0) return false;
  return conversations ? contact.conversation : contact.direction === 'outbound';
}

/** Index of the first element not below `value`. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
