/**
 * Which of a debtor's addresses the agency writes to, by rule, with the reason shown on the case. A creditor's file
 * adds an address beside the others and never replaces one, so the choice is made here, from provenance:
 * 1. never an address whose mail came back (undeliverable);
 * 2. a verified address first, the most recently verified;
 * 3. then one the debtor gave, the most recent;
 * 4. then one an agent took down, the most recent;
 * 5. then a trace (enrichment), the most recent;
 * 6. then one a creditor's file supplied: the record's primary one, else the most recent.
 */
export type AddressSource = 'creditor' | 'debtor' | 'agent' | 'enrichment';

export interface AddressFacts {
  id: string;
  source: AddressSource;
  isPrimary: boolean;
  createdAtMs: number;
  verifiedAtMs: number | null;
  undeliverableAtMs: number | null;
}

export type LetterAddressReason =
  'verified' | 'debtor_given' | 'agent_recorded' | 'traced' | 'creditor_primary' | 'creditor_latest';

export interface LetterAddress {
  id: string;
  reason: LetterAddressReason;
}

const SOURCE_RANK: Record<AddressSource, number> = { debtor: 0, agent: 1, enrichment: 2, creditor: 3 };
const SOURCE_REASON: Record<AddressSource, LetterAddressReason> = {
  debtor: 'debtor_given',
  agent: 'agent_recorded',
  enrichment: 'traced',
  creditor: 'creditor_latest',
};

/** The address to write to, or null when none can receive mail. Pure; ties are broken by id so the answer is stable. */
export function chooseLetterAddress(addresses: readonly AddressFacts[]): LetterAddress | null {
  const usable = addresses.filter((a) => a.undeliverableAtMs === null);
  if (usable.length === 0) return null;
  const verified = usable.filter((a) => a.verifiedAtMs !== null);
  if (verified.length > 0) {
    const best = verified.reduce((a, b) =>
      b.verifiedAtMs! > a.verifiedAtMs! || (b.verifiedAtMs === a.verifiedAtMs && b.id > a.id) ? b : a,
    );
    return { id: best.id, reason: 'verified' };
  }
  const best = usable.reduce((a, b) => {
    const rank = SOURCE_RANK[a.source] - SOURCE_RANK[b.source];
    if (rank !== 0) return rank < 0 ? a : b;
    if (a.source === 'creditor' && a.isPrimary !== b.isPrimary) return a.isPrimary ? a : b;
    if (a.createdAtMs !== b.createdAtMs) return a.createdAtMs > b.createdAtMs ? a : b;
    return a.id > b.id ? a : b;
  });
  return {
    id: best.id,
    reason: best.source === 'creditor' && best.isPrimary ? 'creditor_primary' : SOURCE_REASON[best.source],
  };
}
