/** English texts of the actions on a live plan and of the review items (merged into en.ts as `planActions` and `caseReviews`). */
export const planActionsEn = {
  heading: 'Actions on this plan',
  open: { cancel: 'Cancel the plan', renegotiate: 'Renegotiate (new version)', pay: 'Mark an instalment paid' },
  reasonHint: 'At least 3 characters; the reason stays in the plan’s history.',
  reasonTooShort: 'Write the reason (at least 3 characters).',
  cancel: {
    heading: 'Cancel the plan',
    reason: 'Reason for cancelling',
    submit: 'Cancel the plan…',
    confirmText:
      'Cancel this plan? The remaining instalments will no longer be expected and the case goes back to amicable collection. The cancellation stays in the history and cannot be undone.',
    confirm: 'Confirm the cancellation',
    keep: 'Do not cancel',
    done: 'Plan cancelled.',
  },
  renegotiate: {
    heading: 'Renegotiate: version {{version}}',
    intro:
      'The new version covers what remains unpaid ({{amount}}), with the same checks (capacity, mandate, your authority). The current version stays in the history as it is.',
    reason: 'Reason for renegotiating',
    submit: 'Record the new version',
    done: {
      agreed: 'Version {{version}} recorded and agreed.',
      pending: 'Version {{version}} recorded: it waits for a team leader’s approval.',
    },
  },
  pay: {
    heading: 'Mark an instalment paid',
    automatic:
      'A payment recorded on the case marks the instalments it covers by itself: mark one here only for a payment not recorded in Accord.',
    instalment: 'Instalment',
    option: 'No. {{number}} — {{date}} — {{amount}}',
    paidOn: 'Date the payment arrived',
    reference: 'Payment reference',
    referenceHint: 'For example the transfer’s reference; the same reference recorded twice counts once.',
    submit: 'Mark paid',
    done: 'Instalment {{number}} marked paid.',
  },
  reasons: {
    adjustment_causes: {
      payment: 'after a payment',
      reversal: 'after a payment was reversed',
      credit: 'after a credit was allocated',
      claim_correction: 'after a correction of the claim',
      approval: 'at approval',
    },
  },
};

export const caseReviewsEn = {
  title: 'Cases to review',
  intro:
    'Cases where Accord proposes no plan or whose plan is broken. Nothing is decided automatically: you review each case, decide what comes next with the debtor and write it down when closing.',
  none: 'No case is waiting for a review.',
  caseLine: 'Case {{reference}} — {{name}}',
  kinds: { orientation: 'Orientation to the Banque de France and debt advice', broken_plan: 'Broken payment plan' },
  guidance: {
    orientation:
      'Explain the Banque de France over-indebtedness procedure and free debt advice (Points conseil budget) to the household; check the budget if things have changed.',
    broken_plan:
      'Contact the debtor again: renegotiate the plan (a new version) if their situation allows it, or orient them.',
  },
  why: 'Why:',
  reasons: {
    capacity_zero: 'the repayment capacity is zero',
    beyond_84_months: 'the debt cannot be repaid within 84 months at this capacity',
    instalment_unpaid: 'instalment {{number}} is unpaid beyond the grace period',
  },
  since: 'Since {{at}}',
  openedBy: 'flagged by {{name}}',
  openedBySystem: 'flagged by the automatic follow-up of plans',
  openPlans: 'See the case’s plans',
  outcome: 'What was decided',
  outcomeHint:
    'Write the decision and what the debtor was told (at least 3 characters): a person decides, never Accord alone.',
  close: 'Close with this decision',
  closed: 'Case {{reference}}: review closed.',
};
