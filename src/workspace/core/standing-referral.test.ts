import { describe, expect, it } from 'vitest';
import { standing, type StandingFacts } from './standing.js';
import { withReferral } from './standing-referral.js';

const FACTS: StandingFacts = {
  stage: 'amicable',
  closeReason: null,
  mandateKind: 'collection',
  creditorName: 'Banque Horizon',
  openedOn: '2026-09-01',
  firstLetterSentOn: '2026-09-02',
  balanceCents: 120_000,
  plan: null,
  openPromise: null,
  holds: [],
  today: '2026-12-04',
  dispute: null,
  complaint: null,
  timeBar: null,
};

describe('the standing panel and a referral', () => {
  it('names the organisation and the day a referral was proposed', () => {
    const main = standing(FACTS);
    const text = withReferral(main, { organisation: 'Crésus (fédération)', proposedOn: '2026-12-04' });
    expect(text.facts.at(-1)).toEqual({
      label: { fr: 'Orientation proposée', en: 'Referral proposed', it: 'Orientamento proposto' },
      value: {
        fr: 'vers Crésus (fédération), le 4 décembre 2026',
        en: 'to Crésus (fédération), on 4 December 2026',
        it: 'verso Crésus (fédération), il 4 dicembre 2026',
      },
    });
    expect({ ...text, facts: text.facts.slice(0, -1) }).toEqual(main);
  });

  it('says nothing of it when the reader has no need to know (null)', () => {
    const main = standing(FACTS);
    expect(withReferral(main, null)).toBe(main);
  });
});
