import type { estatesFr, estatesProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of a deceased debtor's estate: complete. */
export const estatesEn: Widen<typeof estatesFr> = {
  heading: 'Estate',
  none: 'No death is reported on this case.',
  creditorIntro: 'The debtor died: the agency follows the estate. The heirs’ data stays with the agency.',
  steps: {
    reported: 'Death reported (proof awaited)',
    proven: 'Death proven',
    notary: 'Notary identified',
    claim_lodged: 'Claim declared',
  },
  options: {
    pending: 'Option pending',
    accepted: 'Estate accepted',
    net_assets: 'Accepted up to net assets',
    vacant: 'Vacant estate (every heir renounced)',
  },
  heirOptions: {
    undecided: 'Not yet chosen',
    accept: 'Accepts',
    net_assets: 'Accepts up to net assets',
    renounce: 'Renounces',
  },
  roles: { notary: 'Notary', heir: 'Heir', relative: 'Relative (not an heir)' },
  next: {
    obtain_certificate: 'Obtain the death certificate',
    identify_notary: 'Identify the notary settling the estate',
    declare_claim: 'Declare the claim to the notary',
    await_option: 'Wait for the end of the heirs’ option period',
    summon_heirs: 'Summon the heirs to choose (2 months)',
    pursue_heirs: 'Turn to the accepting heirs',
    close_without_estate: 'Close the case: deceased without an estate',
  },
  facts: {
    step: 'Step',
    option: 'Option',
    reportedOn: 'Death reported on',
    diedOn: 'Date of death',
    optionEndsOn: 'End of the option period (C. civ. 771)',
    claimDeclaredOn: 'Claim declared on',
    claimDeadlineOn: 'Declaration deadline (C. civ. 792)',
    next: 'Next step',
    heirs: 'Heirs known',
    heirsCount: '{{known}} ({{undecided}} not yet chosen, {{renounced}} renouncing)',
  },
  report: {
    heading: 'Report a death',
    intro: 'Every contact stops at once, until the death is proven.',
    note: 'How the death became known',
    submit: 'Report the death',
    done: 'Death reported: every contact is stopped.',
  },
  proof: {
    heading: 'Death certificate',
    diedOn: 'Date of death',
    document: 'Death certificate (a document of the case)',
    noDocument: 'First add the death certificate to the case’s documents (type “Death certificate”).',
    submit: 'Record the proof',
    done: 'Death proven: the heirs’ option period runs.',
  },
  party: {
    heading: 'Notary, heirs and relatives',
    role: 'Role',
    name: 'Name',
    contact: 'Contact details',
    option: 'Heir’s option',
    submit: 'Add',
    done: 'Added to the estate.',
    mayDemand: 'Demand possible',
    noDemand: 'No demand',
    change: 'Change the option of {{name}}',
    save: 'Save the option',
    saved: 'Option saved.',
  },
  claim: {
    heading: 'Declare the claim',
    publishedOn: 'Publication of an acceptance up to net assets (BODACC), if there is one',
    submit: 'Declare the claim',
    done: 'Claim declared to the estate.',
  },
  closeHint: 'Every heir renounced: close the case with the reason “deceased without an estate”.',
};

export const estatesProblemsEn: Widen<typeof estatesProblemsFr> = {
  estates: {
    none: 'No death is reported on this case.',
    no_estate: 'No death is reported for this debtor: contact is with the debtor.',
    already_reported: 'A death is already reported on this case.',
    case_closed: 'This case is closed: no death is reported on it.',
    already_proven: 'The death is already proven.',
    death_after_report: 'The date of death is after the day it was reported.',
    not_proven: 'The death is not proven yet: record the death certificate first.',
    no_notary: 'No notary is known: the claim is declared to the notary settling the estate.',
    claim_already_declared: 'The claim is already declared.',
    claim_deadline_passed: 'The 15 months after the publication have passed (C. civ. 792): the claim is extinguished.',
    publication_before_death: 'The publication is dated before the death.',
    not_an_heir: 'Only an heir has an option.',
    not_a_death_certificate: 'This document is not a death certificate of this case.',
  },
};
