import { addDays, compareDates, type IsoDate } from '../../../platform/calendar/dates.js';
import type { HelpsWith, ReferralOutcome, ReferralStatus, SentHow } from '../../core/vocabulary.js';

/**
 * A referral to an organisation that helps (CCD2 art. 36: referral to debt advice; FCA FG21/1), as a state machine:
 * proposed to the debtor with their consent → sent (the contact details by letter or e-mail, or a warm handoff) →
 * closed with its outcome; or proposed → closed when the debtor declines (`refused`) or cannot be reached. Pure: the
 * services load the facts, ask here, and write what is answered.
 *
 * Decisions the rules encode:
 * - no referral without the debtor's consent, given now (the service stamps `consent_at`);
 * - the follow-up date is today or later, when proposed and whenever it is moved; a closed referral has none to move;
 * - an outcome is given only on closing, and closing is final;
 * - `helped` and `file_lodged` need the referral sent: an organisation never reached cannot have helped;
 * - `file_lodged` (an over-indebtedness file lodged, with the Banque de France commission or an OCC) only for an
 *   organisation that helps with over-indebtedness: any other's help is `helped`.
 */

/** Days from the proposal to the first follow-up when none is given. */
export const DEFAULT_FOLLOW_UP_DAYS = 14;

export interface ReferralState {
  status: ReferralStatus;
  followUpOn: IsoDate;
  sentHow: SentHow | null;
  outcome: ReferralOutcome | null;
}

export type ReferralRefusal =
  | 'care.referral_consent_required'
  | 'care.organisation_inactive'
  | 'care.organisation_other_country'
  | 'care.follow_up_in_past'
  | 'care.referral_not_proposed'
  | 'care.referral_closed'
  | 'care.outcome_needs_sending'
  | 'care.file_lodged_not_over_indebtedness';

export type Decision = { ok: true; state: ReferralState } | { ok: false; refusal: ReferralRefusal };

const refuse = (refusal: ReferralRefusal): Decision => ({ ok: false, refusal });

export interface ProposalFacts {
  consent: boolean;
  organisation: { active: boolean; country: string };
  /** The debtor's country (the directory serves the country the debtor lives in). */
  debtorCountry: string;
  /** The follow-up date asked for, or null for today + DEFAULT_FOLLOW_UP_DAYS. */
  followUpOn: IsoDate | null;
  today: IsoDate;
}

/** The follow-up date of a new referral: the one asked for, or two weeks from today. */
export function defaultFollowUpOn(today: IsoDate): IsoDate {
  return addDays(today, DEFAULT_FOLLOW_UP_DAYS);
}

export function propose(facts: ProposalFacts): Decision {
  if (!facts.consent) return refuse('care.referral_consent_required');
  if (!facts.organisation.active) return refuse('care.organisation_inactive');
  if (facts.organisation.country !== facts.debtorCountry) return refuse('care.organisation_other_country');
  const followUpOn = facts.followUpOn ?? defaultFollowUpOn(facts.today);
  if (compareDates(followUpOn, facts.today) < 0) return refuse('care.follow_up_in_past');
  return { ok: true, state: { status: 'proposed', followUpOn, sentHow: null, outcome: null } };
}

/** Sent once, from proposed: the referral then waits for its follow-up. */
export function send(state: ReferralState, how: SentHow): Decision {
  if (state.status === 'closed') return refuse('care.referral_closed');
  if (state.status !== 'proposed') return refuse('care.referral_not_proposed');
  return { ok: true, state: { ...state, status: 'sent', sentHow: how } };
}

/** The follow-up moved to another day, today or later, while the referral is open. */
export function reschedule(state: ReferralState, followUpOn: IsoDate, today: IsoDate): Decision {
  if (state.status === 'closed') return refuse('care.referral_closed');
  if (compareDates(followUpOn, today) < 0) return refuse('care.follow_up_in_past');
  return { ok: true, state: { ...state, followUpOn } };
}

/** Closed with its outcome: final. */
export function close(
  state: ReferralState,
  outcome: ReferralOutcome,
  organisationHelpsWith: readonly HelpsWith[],
): Decision {
  if (state.status === 'closed') return refuse('care.referral_closed');
  if ((outcome === 'helped' || outcome === 'file_lodged') && state.status !== 'sent')
    return refuse('care.outcome_needs_sending');
  if (outcome === 'file_lodged' && !organisationHelpsWith.includes('over_indebtedness'))
    return refuse('care.file_lodged_not_over_indebtedness');
  return { ok: true, state: { ...state, status: 'closed', outcome } };
}

/** The outcomes a person may choose when closing a referral in this state with this organisation. */
export function outcomesFor(state: ReferralState, organisationHelpsWith: readonly HelpsWith[]): ReferralOutcome[] {
  const all: ReferralOutcome[] = ['helped', 'file_lodged', 'not_reached', 'refused'];
  return all.filter((outcome) => close(state, outcome, organisationHelpsWith).ok);
}

/** Whether a person must look at the referral: open, and its follow-up day reached. */
export function followUpDue(state: ReferralState, today: IsoDate): boolean {
  return state.status !== 'closed' && compareDates(state.followUpOn, today) <= 0;
}
