import type { IbanRefusal, MandateRefusal } from '../core/e-mandate.js';

/** The problems the portal's direct debit answers, by the core's reason (texts for the person in web i18n). */

export const ACCOUNT_REFUSALS: Record<IbanRefusal, { code: string; field: string; message: string }> = {
  format: {
    code: 'portal.iban_invalid',
    field: 'iban',
    message: 'This IBAN is not written correctly: copy it from your bank details (RIB).',
  },
  check_digits: {
    code: 'portal.iban_invalid',
    field: 'iban',
    message: 'This IBAN does not add up (its check digits): copy it again from your bank details (RIB).',
  },
  not_sepa: {
    code: 'portal.iban_not_sepa',
    field: 'iban',
    message: 'This account is not in the SEPA area: a direct debit cannot be taken from it. Pay another way.',
  },
  bic_required: {
    code: 'portal.bic_required',
    field: 'bic',
    message: 'For an account in this country the BIC of the bank is needed: copy it from your bank details.',
  },
  bic_invalid: {
    code: 'portal.bic_invalid',
    field: 'bic',
    message: 'This BIC is not written correctly: copy it from your bank details, or leave it empty.',
  },
};

export const MANDATE_REFUSAL_PROBLEMS: Record<MandateRefusal, { code: string; message: string }> = {
  case_closed: { code: 'portal.case_closed', message: 'This file is closed: nothing more can be asked on it.' },
  no_plan: {
    code: 'portal.mandate_without_plan',
    message: 'A direct debit pays the payments of an agreed plan: choose and sign a plan first.',
  },
  on_hold: {
    code: 'portal.mandate_on_hold',
    message: 'Collection on your file is paused: no direct debit can be set up now. Call us if needed.',
  },
  not_configured: {
    code: 'portal.mandate_unavailable',
    message: 'Direct debit is not offered by the agency yet: pay by another way.',
  },
};
