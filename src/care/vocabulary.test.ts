import { describe, expect, it } from 'vitest';
import type * as G from '../platform/db/schema.generated.js';
import {
  CONSENTS,
  LEGAL_BASES,
  REVIEW_OUTCOMES,
  SIGNAL_KINDS,
  SIGNAL_STATUSES,
  VULNERABILITY_STATUSES,
  type Consent,
  type LegalBasis,
  type ReviewOutcome,
  type SignalKind,
  type VulnerabilityStatus,
} from './core/vocabulary.js';

/** Both ways assignable: the vocabulary's words are exactly the values migration 0053's checks allow. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the care vocabulary', () => {
  it('names exactly the values the database allows', () => {
    const same: [
      Same<Consent, G.VulnerabilitiesConsent>,
      Same<LegalBasis, G.VulnerabilitiesLegalBasis>,
      Same<VulnerabilityStatus, G.VulnerabilitiesStatus>,
      Same<ReviewOutcome, G.VulnerabilityReviewsOutcome>,
      Same<SignalKind, G.VulnerabilitySignalsKind>,
      Same<(typeof SIGNAL_STATUSES)[number], G.VulnerabilitySignalsStatus>,
    ] = [true, true, true, true, true, true];
    expect(same.every(Boolean)).toBe(true);
    for (const list of [CONSENTS, LEGAL_BASES, VULNERABILITY_STATUSES, REVIEW_OUTCOMES, SIGNAL_KINDS, SIGNAL_STATUSES])
      expect(new Set(list).size).toBe(list.length);
  });
});
