import { addMonths, type IsoDate } from '../../platform/calendar/dates.js';
import type { ContactAdaptations } from '../../contact-policy/core/adaptations.js';
import type { Consent, Driver, LegalBasis, ReviewOutcome, VulnerabilityStatus } from './vocabulary.js';

/**
 * A vulnerability record's rules (REGULATION §4, §5; FCA FG21/1): its drivers, the minimal note that tells colleagues
 * how to adapt, the legal basis and the debtor's consent, and a review date it cannot do without. Pure: today and the
 * moment are parameters.
 */

/**
 * The furthest a review date may lie ahead: an agency choice (FG21/1 asks for a review "regularly", not a period).
 * Twelve months keeps every flag looked at by a person at least once a year.
 */
export const REVIEW_MAX_MONTHS = 12;
/** The review date a form proposes: three months ahead, an agency choice a person changes at will. */
export const DEFAULT_REVIEW_MONTHS = 3;
export const NOTE_MAX_LENGTH = 500;

export type CareRefusal =
  | 'care.no_driver'
  | 'care.note_length'
  | 'care.consent_required'
  | 'care.consent_date_missing'
  | 'care.consent_date_unexpected'
  | 'care.consent_in_future'
  | 'care.review_not_after_today'
  | 'care.review_too_far'
  | 'care.record_ended'
  | 'care.nothing_changed'
  | 'care.reason_length';

export interface RecordDraft {
  drivers: readonly Driver[];
  note: string;
  adaptations: ContactAdaptations;
  legalBasis: LegalBasis;
  consent: Consent;
  /** When the debtor gave or refused consent; null when it was not asked. */
  consentAt: Date | null;
  reviewOn: IsoDate;
}

/** The latest review date allowed from today (inclusive). */
export function latestReviewOn(today: IsoDate, maxMonths: number = REVIEW_MAX_MONTHS): IsoDate {
  return addMonths(today, maxMonths);
}

/** What is wrong with a review date, or null: after today, and at most `maxMonths` ahead. */
export function checkReviewOn(reviewOn: IsoDate, today: IsoDate, maxMonths: number = REVIEW_MAX_MONTHS) {
  if (reviewOn <= today) return 'care.review_not_after_today' as const;
  if (reviewOn > latestReviewOn(today, maxMonths)) return 'care.review_too_far' as const;
  return null;
}

function noteOk(note: string): boolean {
  const length = note.trim().length;
  return length >= 1 && length <= NOTE_MAX_LENGTH;
}

/**
 * What is wrong with a record about to be written, or null. Explicit consent as the legal basis needs consent given;
 * a consent date exactly when consent was asked (given or refused), and never in the future.
 */
export function checkRecord(
  draft: RecordDraft,
  now: Date,
  today: IsoDate,
  maxMonths: number = REVIEW_MAX_MONTHS,
): CareRefusal | null {
  if (draft.drivers.length === 0) return 'care.no_driver';
  if (!noteOk(draft.note)) return 'care.note_length';
  if (draft.legalBasis === 'explicit_consent' && draft.consent !== 'given') return 'care.consent_required';
  if (draft.consent !== 'not_asked' && draft.consentAt === null) return 'care.consent_date_missing';
  if (draft.consent === 'not_asked' && draft.consentAt !== null) return 'care.consent_date_unexpected';
  if (draft.consentAt !== null && draft.consentAt.getTime() > now.getTime()) return 'care.consent_in_future';
  return checkReviewOn(draft.reviewOn, today, maxMonths);
}

/** Drivers once each, in the vocabulary's order (the stored array reads the same whatever the form sent). */
export function normaliseDrivers(drivers: readonly Driver[], order: readonly Driver[]): Driver[] {
  return order.filter((driver) => drivers.includes(driver));
}

export interface RecordState {
  status: VulnerabilityStatus;
  reviewOn: IsoDate;
}

/**
 * A record's state on a day: active until its review date passes, then review_due until a person reviews it (a flag
 * never lasts past its review date without a person); ended stays ended.
 */
export function reviewStateOn(record: RecordState, today: IsoDate): VulnerabilityStatus {
  if (record.status === 'ended') return 'ended';
  return today > record.reviewOn ? 'review_due' : 'active';
}

export interface RecordContent {
  drivers: readonly Driver[];
  note: string;
  adaptations: ContactAdaptations;
}

export type ReviewInput =
  | { outcome: 'kept'; reviewOn: IsoDate; note: string | null }
  | { outcome: 'changed'; reviewOn: IsoDate; note: string | null; change: Partial<RecordContent> }
  | { outcome: 'ended'; reason: string };

export interface ReviewResult {
  outcome: ReviewOutcome;
  status: VulnerabilityStatus;
  /** The review date after the review; null when the record ended. */
  reviewOn: IsoDate | null;
  content: RecordContent;
  note: string | null;
}

function sameContent(a: RecordContent, b: RecordContent): boolean {
  return (
    a.drivers.length === b.drivers.length &&
    a.drivers.every((driver) => b.drivers.includes(driver)) &&
    a.note.trim() === b.note.trim() &&
    JSON.stringify(a.adaptations) === JSON.stringify(b.adaptations)
  );
}

/**
 * A person's review of a record: kept with a new review date, changed (drivers, note or adaptations) with a new
 * date, or ended with a reason. An ended record is not reviewed again; a change must change something.
 */
export function decideReview(
  record: RecordState & RecordContent,
  input: ReviewInput,
  today: IsoDate,
  maxMonths: number = REVIEW_MAX_MONTHS,
): ReviewResult | CareRefusal {
  if (record.status === 'ended') return 'care.record_ended';
  const current: RecordContent = { drivers: record.drivers, note: record.note, adaptations: record.adaptations };
  if (input.outcome === 'ended') {
    if (!noteOk(input.reason)) return 'care.reason_length';
    return { outcome: 'ended', status: 'ended', reviewOn: null, content: current, note: input.reason.trim() };
  }
  if (input.note !== null && !noteOk(input.note)) return 'care.reason_length';
  const dateProblem = checkReviewOn(input.reviewOn, today, maxMonths);
  if (dateProblem) return dateProblem;
  const content: RecordContent = input.outcome === 'changed' ? { ...current, ...definedOnly(input.change) } : current;
  if (input.outcome === 'changed') {
    if (content.drivers.length === 0) return 'care.no_driver';
    if (!noteOk(content.note)) return 'care.note_length';
    if (sameContent(current, content)) return 'care.nothing_changed';
  }
  return {
    outcome: input.outcome,
    status: 'active',
    reviewOn: input.reviewOn,
    content,
    note: input.note?.trim() ?? null,
  };
}

function definedOnly(change: Partial<RecordContent>): Partial<RecordContent> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}
