/** The judicial procedure's refusals in the server's words (the web app says them by code in the reader's language). */
export const JUDICIAL_REFUSALS: Readonly<Record<string, string>> = {
  'judicial_procedure.not_judicial_stage': 'A judicial procedure is opened on an open case at the judicial stage only.',
  'judicial_procedure.already_open': 'A judicial procedure is already open on this case.',
  'judicial_procedure.partner_inactive': 'This partner is no longer active: choose another, or none for now.',
  'judicial_procedure.no_procedure': 'No judicial procedure is open on this case.',
  'judicial_procedure.route_required': "Choose the route: the case's judicial review chose none.",
  'judicial_procedure.title_required': 'Enforcement needs the day the creditor obtained its enforceable title.',
  'judicial_procedure.title_in_future': 'The title is dated after today.',
  'judicial_procedure.title_expired':
    'The title is more than 10 years old: it can no longer be enforced (CPCE L111-4).',
  'judicial_procedure.step_not_allowed': 'The procedure does not allow this step in its present state.',
  'judicial_procedure.step_in_future': 'The day of the step is after today.',
  'judicial_procedure.step_before_state': 'The day of the step is before the procedure entered its present state.',
  'judicial_procedure.deadline_passed': 'The deadline for this step has passed.',
  'judicial_procedure.deadline_not_reached': "The debtor's period is still running: this step comes after it ends.",
  'judicial_procedure.before_file_not_before':
    'Nothing may be filed before the day given in the notice to the debtor (the judicial review).',
  'judicial_procedure.outcome_required': 'Say how the procedure ended: paid, withdrawn or another reason.',
  'judicial_procedure.cost_amicable_fee_on_debtor':
    'Amicable collection costs stay with the creditor (CPCE L111-8): they are never charged to the debtor.',
  'judicial_procedure.cost_not_chargeable': 'This kind of cost cannot be charged to that party.',
  'judicial_procedure.cost_invalid_amount': 'A cost is a positive amount in whole cents.',
  'judicial_procedure.cost_basis_required': 'Give the legal basis of this cost.',
  'judicial_procedure.cost_in_future': 'The day of the cost is after today.',
  'judicial_procedure.cost_no_open_claim':
    'Every claim of the case is settled or recalled: a cost the debtor bears needs an open claim to be added to. Record it as the creditor’s, or reopen the claim first.',
};
