import type { Standing } from './standing.js';
import { dateWords } from './texts.js';

/** The open referral the standing names: the organisation and the day it was proposed (agency day). */
export interface StandingReferral {
  organisation: string;
  proposedOn: string;
}

/**
 * "Where this file stands" names the referral proposed to the debtor (CCD2 art. 36), for a reader with need-to-know
 * only: the caller passes null to anyone else, and the panel then says nothing of it.
 */
export function withReferral(main: Standing, referral: StandingReferral | null): Standing {
  if (!referral) return main;
  const on = dateWords(referral.proposedOn);
  return {
    ...main,
    facts: [
      ...main.facts,
      {
        label: { fr: 'Orientation proposée', en: 'Referral proposed', it: 'Orientamento proposto' },
        value: {
          fr: `vers ${referral.organisation}, le ${on.fr}`,
          en: `to ${referral.organisation}, on ${on.en}`,
          it: `verso ${referral.organisation}, il ${on.it}`,
        },
      },
    ],
  };
}
