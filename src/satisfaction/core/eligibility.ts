/**
 * Whether an interaction earns its debtor a survey invitation (REGULATION.md §15 [CHOICE]): only a completed exchange
 * with a person of the agency, never while the debtor is bereaved, in an over-indebtedness procedure or under a
 * vulnerability hold or pause, at most once per debtor in the settings' gap, and while the interaction is recent.
 * Pure: the facts and `now` come in.
 */

export const INTERACTION_KINDS = [
  'call',
  'plan_agreed',
  'payment',
  'dispute_decided',
  'complaint_closed',
  // Acts the debtor completes alone on the portal, whose survey is offered there in place (docs/portal.md).
  'dispute_filed',
  'mandate_signed',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * The holds during which no survey goes out: a death reported (bereavement), the over-indebtedness procedure at any
 * step, a vulnerability record's pause or breathing space, a debt adviser's pause. Their names are the contact
 * policy's hold kinds (a test checks them against the database's).
 */
export const SURVEY_BLOCKING_HOLDS = [
  'deceased',
  'overindebtedness_filed',
  'overindebtedness_admissible',
  'commission_plan',
  'vulnerability',
  'debt_advice',
] as const;

export interface InteractionFacts {
  kind: InteractionKind;
  at: number;
  /** The member of staff the debtor dealt with; null when nobody did (a bank transfer matched by a file). */
  agentId: string | null;
  /**
   * Whether the interaction is complete: a call in which the debtor was reached, a plan agreed, a payment that
   * stands (not reversed), a dispute decided, a complaint closed.
   */
  completed: boolean;
}

export interface HoldFact {
  kind: string;
  startsAt: number;
  /** When it ends or ended (lifted, or its end date); null while open-ended. */
  endsAt: number | null;
}

export interface SurveySettings {
  invitationGapDays: number;
  interactionWindowDays: number;
}

export interface DebtorSurveyFacts {
  holds: readonly HoldFact[];
  /** The last invitation sent to this debtor, whatever the interaction. */
  lastInvitedAt: number | null;
  /** Whether this interaction already has its invitation. */
  alreadyInvited: boolean;
}

export type Ineligibility =
  'not_completed' | 'no_agent' | 'too_old' | 'in_future' | 'already_invited' | 'hold' | 'recently_invited';

export type Eligibility = { eligible: true } | { eligible: false; reason: Ineligibility };

const DAY_MS = 86_400_000;

const blocking = new Set<string>(SURVEY_BLOCKING_HOLDS);

/** A hold that blocks surveys and is in force at `now`. */
export function holdInForce(holds: readonly HoldFact[], now: number): boolean {
  return holds.some(
    (hold) => blocking.has(hold.kind) && hold.startsAt <= now && (hold.endsAt === null || hold.endsAt > now),
  );
}

export function surveyEligibility(
  interaction: InteractionFacts,
  debtor: DebtorSurveyFacts,
  settings: SurveySettings,
  now: number,
): Eligibility {
  const no = (reason: Ineligibility): Eligibility => ({ eligible: false, reason });
  if (!interaction.completed) return no('not_completed');
  if (interaction.agentId === null) return no('no_agent');
  if (interaction.at > now) return no('in_future');
  if (now - interaction.at > settings.interactionWindowDays * DAY_MS) return no('too_old');
  if (debtor.alreadyInvited) return no('already_invited');
  if (holdInForce(debtor.holds, now)) return no('hold');
  if (debtor.lastInvitedAt !== null && now - debtor.lastInvitedAt < settings.invitationGapDays * DAY_MS)
    return no('recently_invited');
  return { eligible: true };
}

export type InPlaceIneligibility = 'not_completed' | 'too_old' | 'in_future' | 'already_invited' | 'hold';

/**
 * Whether the survey is offered in place on the portal after an act the debtor completed there: no agent is needed
 * (the act was theirs) and no gap between surveys applies (no message is sent), but never under a blocking hold, at
 * most once per interaction, and only while the act is recent.
 */
export function inPlaceEligibility(
  interaction: Pick<InteractionFacts, 'at' | 'completed'>,
  debtor: Pick<DebtorSurveyFacts, 'holds' | 'alreadyInvited'>,
  settings: Pick<SurveySettings, 'interactionWindowDays'>,
  now: number,
): { eligible: true } | { eligible: false; reason: InPlaceIneligibility } {
  const no = (reason: InPlaceIneligibility) => ({ eligible: false as const, reason });
  if (!interaction.completed) return no('not_completed');
  if (interaction.at > now) return no('in_future');
  if (now - interaction.at > settings.interactionWindowDays * DAY_MS) return no('too_old');
  if (debtor.alreadyInvited) return no('already_invited');
  if (holdInForce(debtor.holds, now)) return no('hold');
  return { eligible: true };
}
