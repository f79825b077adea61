import type { ConductReport } from './contract.js';
import {
  addTo,
  COMPLAINT_SUBJECTS,
  CONDUCT_CHANNELS,
  DISPUTE_OUTCOMES,
  REFERRAL_STEPS,
  contactDistribution,
  DEADLINE_STATUSES,
  histogramMedian,
  perCaseWeekHundredths,
  weeklyCap,
  type CapLike,
  type DeadlineStatus,
} from './core/conduct.js';
import { CARE_RULE_ID, isCareRuleId } from '../need-to-know/core/care-rule.js';
import { rateBasisPoints } from './core/liquidation.js';
import { shareBasisPoints, shownCount } from './core/small-cells.js';

/** One row of `conduct_facts`, creditors and mandates of the scope already added or filtered. */
export interface ConductFact {
  month: string;
  figure: string;
  dimension: string;
  bucket: string;
  count: number;
}

/**
 * A rule as the report names it: every care rule (a care hold, a vulnerability's adaptation) as the neutral
 * `hold.care_rule`, whoever reads (need-to-know, GDPR art. 9: the kind of care is nobody's business in a report).
 */
export const reportedRule = (rule: string): string => (isCareRuleId(rule) ? CARE_RULE_ID : rule);

type Figures = Omit<
  ConductReport,
  'from' | 'to' | 'asOf' | 'refreshedAt' | 'smallestCell' | 'policyVersion' | 'teamId' | 'teamChoices' | 'byTeam'
>;
type Caps = ReadonlyMap<string, { max: number } | null>;

/**
 * The report's figures from its facts: `facts` are the period's rows, `today` this month's (fragile debtors are a
 * state, not a flow), `collected` the money received per month. Counts add up across the tables: the months' columns
 * are the sums of the sections'.
 */
export function conductFigures(input: {
  months: readonly string[];
  facts: readonly ConductFact[];
  today: readonly ConductFact[];
  collected: ReadonlyMap<string, number>;
  caps: readonly CapLike[];
  minimumAnswers: number;
}): Figures {
  const of = (figure: string) => input.facts.filter((fact) => fact.figure === figure);
  const contacts = contactFigures(of('case_weeks'), of('contact_weeks'), input.caps);
  return {
    minimumAnswers: input.minimumAnswers,
    months: input.months.map((month) => monthLine(month, input, contacts.caps)),
    contacts: contacts.figures,
    refusals: refusalFigures(of('refused_attempts'), of('refusals')),
    complaints: complaintFigures(of('complaints')),
    disputes: disputeFigures(of('disputes'), of('dispute_answers')),
    care: careFigures(
      input.today.filter((fact) => fact.figure === 'fragile'),
      of('referrals'),
    ),
    satisfaction: satisfactionFigures(of('satisfaction'), input.minimumAnswers),
  };
}

const sum = (facts: readonly ConductFact[]) => facts.reduce((total, fact) => total + fact.count, 0);

function contactFigures(
  caseWeekFacts: readonly ConductFact[],
  weekFacts: readonly ConductFact[],
  caps: readonly CapLike[],
) {
  const openWeeks = sum(caseWeekFacts);
  const capOf = new Map(CONDUCT_CHANNELS.map((channel) => [channel, weeklyCap(caps, channel)]));
  const figures = CONDUCT_CHANNELS.map((channel) => {
    const contacted = new Map<number, number>();
    for (const fact of weekFacts) if (fact.dimension === channel) addTo(contacted, Number(fact.bucket), fact.count);
    const cap = capOf.get(channel) ?? null;
    const distribution = contactDistribution(openWeeks, contacted, cap?.max ?? null);
    return {
      channel,
      capPerWeek: cap?.max ?? null,
      capId: cap?.capId ?? null,
      caseWeeks: distribution.caseWeeks,
      attempts: distribution.attempts,
      perCaseWeekHundredths: perCaseWeekHundredths(distribution.attempts, distribution.caseWeeks),
      buckets: distribution.buckets,
      overCap: distribution.overCap,
      overCapCaseWeeks: distribution.overCapCaseWeeks,
    };
  });
  return { figures, caps: capOf };
}

function monthLine(month: string, input: Parameters<typeof conductFigures>[0], caps: Caps): Figures['months'][number] {
  const facts = input.facts.filter((fact) => fact.month === month);
  const of = (figure: string) => facts.filter((fact) => fact.figure === figure);
  const weeks = of('contact_weeks');
  const satisfaction = satisfactionFigures(of('satisfaction'), input.minimumAnswers);
  return {
    month,
    collectedCents: input.collected.get(month) ?? 0,
    caseWeeks: sum(of('case_weeks')),
    attempts: weeks.filter((fact) => fact.dimension === 'all').reduce((t, f) => t + Number(f.bucket) * f.count, 0),
    overCapCaseWeeks: overCapCaseWeeks(weeks, caps),
    refused: sum(of('refused_attempts')),
    complaints: sum(of('complaints')),
    disputes: sum(of('disputes')),
    answers: satisfaction.answers,
    csatBasisPoints: satisfaction.csatBasisPoints,
  };
}

/** Case-weeks above the weekly cap of their channel (or of every channel together), any channel. */
const overCapCaseWeeks = (weeks: readonly ConductFact[], caps: Caps) =>
  sum(
    weeks.filter((fact) => {
      const cap = caps.get(fact.dimension);
      return cap != null && Number(fact.bucket) > cap.max;
    }),
  );

/**
 * The period's contacts against the caps for each team of the cases (`facts` of one team each: case-weeks, contact
 * weeks, refused attempts, refusals), in the order given: case-weeks, attempts on every channel and their mean, the
 * weekly cap on every channel, case-weeks above a cap (0 when the policy held), refused attempts and refusals by rule
 * (a care rule's withheld below the smallest cell, as in the whole).
 */
export function conductByTeam(
  teams: readonly { teamId: string | null; teamName: string | null; facts: readonly ConductFact[] }[],
  caps: readonly CapLike[],
): ConductReport['byTeam'] {
  const capOf: Caps = new Map(CONDUCT_CHANNELS.map((channel) => [channel, weeklyCap(caps, channel)]));
  return teams.map(({ teamId, teamName, facts }) => {
    const of = (figure: string) => facts.filter((fact) => fact.figure === figure);
    const all = contactFigures(of('case_weeks'), of('contact_weeks'), caps).figures.find((c) => c.channel === 'all')!;
    const refusals = refusalFigures(of('refused_attempts'), of('refusals'));
    return {
      teamId,
      teamName,
      caseWeeks: all.caseWeeks,
      attempts: all.attempts,
      perCaseWeekHundredths: all.perCaseWeekHundredths,
      capPerWeek: all.capPerWeek,
      overCapCaseWeeks: overCapCaseWeeks(of('contact_weeks'), capOf),
      refused: refusals.attempts,
      byRule: refusals.byRule,
    };
  });
}

function refusalFigures(attempts: readonly ConductFact[], byRule: readonly ConductFact[]): Figures['refusals'] {
  const channels = new Map<string, number>();
  for (const fact of attempts) addTo(channels, fact.bucket, fact.count);
  const rules = new Map<string, number>();
  for (const fact of byRule) addTo(rules, reportedRule(fact.dimension), fact.count);
  return {
    attempts: sum(attempts),
    byChannel: [...channels].sort((a, b) => b[1] - a[1]).map(([channel, count]) => ({ channel, attempts: count })),
    byRule: [...rules]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([rule, count]) => ({ rule, refusals: rule === CARE_RULE_ID ? shownCount(count) : count })),
  };
}

const noDeadlines = (): Record<DeadlineStatus, number> => ({
  answered_in_time: 0,
  answered_late: 0,
  open_in_time: 0,
  open_overdue: 0,
});

function complaintFigures(facts: readonly ConductFact[]): Figures['complaints'] {
  const byStatus = noDeadlines();
  const bySubject = new Map(COMPLAINT_SUBJECTS.map((subject) => [subject as string, noDeadlines()]));
  for (const fact of facts) {
    const status = fact.bucket as DeadlineStatus;
    if (!DEADLINE_STATUSES.includes(status)) continue;
    byStatus[status] += fact.count;
    const subject = bySubject.get(fact.dimension);
    if (subject) subject[status] += fact.count;
  }
  return {
    total: DEADLINE_STATUSES.reduce((total, status) => total + byStatus[status], 0),
    byStatus,
    bySubject: COMPLAINT_SUBJECTS.map((subject) => {
      const counts = bySubject.get(subject)!;
      return { subject, ...counts, total: DEADLINE_STATUSES.reduce((total, status) => total + counts[status], 0) };
    }),
  };
}

function disputeFigures(opened: readonly ConductFact[], answers: readonly ConductFact[]): Figures['disputes'] {
  const days = new Map<number, number>();
  for (const fact of answers) addTo(days, Number(fact.bucket), fact.count);
  return {
    opened: sum(opened),
    byOutcome: DISPUTE_OUTCOMES.map((outcome) => ({
      outcome,
      disputes: sum(opened.filter((fact) => fact.dimension === outcome)),
    })),
    answered: sum(answers),
    medianDaysToAnswer: histogramMedian(days),
  };
}

function careFigures(fragile: readonly ConductFact[], referrals: readonly ConductFact[]): Figures['care'] {
  const debtors = sum(fragile.filter((fact) => fact.dimension === 'debtors'));
  const fragileCount = shownCount(sum(fragile.filter((fact) => fact.dimension === 'fragile')));
  return {
    debtors,
    fragile: fragileCount,
    shareBasisPoints: shareBasisPoints(fragileCount, debtors),
    referrals: REFERRAL_STEPS.map((step) => ({
      step,
      referrals: shownCount(sum(referrals.filter((fact) => fact.dimension === step))),
    })),
  };
}

function satisfactionFigures(facts: readonly ConductFact[], minimum: number): Figures['satisfaction'] {
  const answers = sum(facts);
  const satisfied = sum(facts.filter((fact) => fact.bucket === '4' || fact.bucket === '5'));
  const shown = answers > 0 && answers >= minimum;
  return {
    answers,
    satisfied: shown ? satisfied : null,
    csatBasisPoints: shown ? rateBasisPoints(satisfied, answers) : null,
  };
}
