import { AppError, conflict, invalid } from '../platform/errors.js';
import type { BreathingSpaceRefusal } from './core/breathing-space.js';
import { REVIEW_MAX_MONTHS, type CareRefusal } from './core/record.js';

/** What each refusal of the care core tells the person, and whether it is bad input (422) or a state (409). */
const REFUSALS: Record<CareRefusal | BreathingSpaceRefusal, { status: 409 | 422; message: string }> = {
  'care.no_driver': {
    status: 422,
    message: 'Choose at least one driver: health, life event, resilience or capability.',
  },
  'care.note_length': {
    status: 422,
    message: 'Write how colleagues adapt in 1 to 500 characters ("written contact only"), never a diagnosis.',
  },
  'care.consent_required': {
    status: 422,
    message: 'Explicit consent as the legal basis needs the debtor’s consent given: record it, or choose legal claims.',
  },
  'care.consent_date_missing': { status: 422, message: 'Say when the debtor gave or refused consent.' },
  'care.consent_date_unexpected': {
    status: 422,
    message: 'Consent was not asked: leave its date empty, or say the debtor gave or refused it.',
  },
  'care.consent_in_future': {
    status: 422,
    message: 'The consent’s date is in the future: give the moment it was given.',
  },
  'care.review_not_after_today': { status: 422, message: 'Choose a review date after today.' },
  'care.review_too_far': {
    status: 422,
    message: `Choose a review date at most ${REVIEW_MAX_MONTHS} months ahead: a person looks at every record at least that often.`,
  },
  'care.record_ended': { status: 409, message: 'This record has ended: record a new one if the debtor needs it.' },
  'care.nothing_changed': {
    status: 422,
    message: 'Nothing changed: change the drivers, the note or the adaptations, or keep the record as it is.',
  },
  'care.reason_length': { status: 422, message: 'Give a reason of 1 to 500 characters.' },
  'care.not_a_breathing_space': {
    status: 409,
    message: 'This hold is not a breathing space (a dated vulnerability hold): it is not renewed here.',
  },
  'care.breathing_space_not_active': {
    status: 409,
    message: 'This breathing space has ended: start a new one if the debtor needs it.',
  },
  'care.breathing_space_renewed': {
    status: 409,
    message: 'A breathing space is renewed once only, and this one already was.',
  },
};

export function careRefusal(code: CareRefusal | BreathingSpaceRefusal, extra: Record<string, unknown> = {}): AppError {
  const refusal = REFUSALS[code];
  return refusal.status === 409 ? conflict(code, refusal.message, extra) : invalid(code, refusal.message, extra);
}
