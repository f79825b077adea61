import { sql, type Kysely } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { withinScope } from '../cases/scope.js';
import { creditorScope } from '../identity/scope.js';
import { addDays, agencyToday, instantAt, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { invalid } from '../platform/errors.js';
import type { CareReport } from './contract.js';
import { median, shareBasisPoints, shownCount, SMALLEST_CELL } from './core/small-cells.js';

/** The longest period the report counts in one go: a year and a day, enough for any yearly comparison. */
const LONGEST_PERIOD_DAYS = 366;
const DEFAULT_PERIOD_DAYS = 30;

interface Period {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  /** The first instant of `from` and of the day after `to`, in the agency's zone. */
  start: Date;
  end: Date;
}

/**
 * The care unit's figures over a period of the agency's calendar: fragile debtors by creditor and by team (today),
 * the time from a record to the care team's first contact, referrals and their outcomes, reviews overdue and signals.
 * Every count that concerns care is withheld below the smallest cell; nothing names a person.
 */
export async function careReport(
  deps: Deps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<CareReport> {
  const period = periodOf(deps, query);
  const [byCreditor, byTeam, contact, referrals, reviews, signals] = await Promise.all([
    fragileBy(deps.db, actor, 'creditor'),
    fragileBy(deps.db, actor, 'team'),
    firstCareContact(deps.db, period),
    referralFigures(deps.db, period),
    reviewFigures(deps.db, period),
    signalFigures(deps.db, period),
  ]);
  return {
    from: period.from,
    to: period.to,
    today: period.today,
    smallestCell: SMALLEST_CELL,
    fragileByCreditor: byCreditor,
    fragileByTeam: byTeam,
    firstCareContact: contact,
    referrals,
    reviews,
    signals,
  };
}

function periodOf(deps: Deps, query: { from?: string | undefined; to?: string | undefined }): Period {
  const today = agencyToday(deps.now(), deps.config);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw invalid('care_report.period_reversed', 'The period must end on or after its first day.');
  if (addDays(from, LONGEST_PERIOD_DAYS) <= to) {
    throw invalid(
      'care_report.period_too_long',
      `Ask for ${LONGEST_PERIOD_DAYS} days at most: choose a later first day or an earlier last day.`,
      { maxDays: LONGEST_PERIOD_DAYS },
    );
  }
  const zone = deps.config.AGENCY_TZ;
  return { from, to, today, start: instantAt(from, zone), end: instantAt(addDays(to, 1), zone) };
}

/**
 * Debtors with an open case, and those of them with a record in force or due for review, by creditor or team: the facts
 * the five-minute refresh keeps (refresh-care.ts), a few rows, never the cases.
 */
async function fragileBy(db: Kysely<DB>, actor: Actor, by: 'creditor' | 'team'): Promise<CareReport['fragileByTeam']> {
  // A team's figures span every creditor: none for a reader held to one creditor (the report is staff's alone).
  if (by === 'team' && creditorScope(actor) !== null) return [];
  const facts = db.selectFrom('care_fragile_facts as f').select(['f.debtors', 'f.fragile']).where('f.by_kind', '=', by);
  const rows =
    by === 'creditor'
      ? await facts
          .innerJoin('creditors as g', 'g.id', 'f.group_id')
          .select(['g.id', 'g.name'])
          .where(withinScope(actor, 'g.id'))
          .orderBy('g.name')
          .orderBy('g.id')
          .execute()
      : await facts
          .innerJoin('teams as g', 'g.id', 'f.group_id')
          .select(['g.id', 'g.name'])
          .orderBy('g.name')
          .orderBy('g.id')
          .execute();
  return rows.map((row) => {
    const debtors = Number(row.debtors);
    const fragileCount = shownCount(Number(row.fragile));
    return {
      id: row.id,
      name: row.name,
      debtors,
      fragile: fragileCount,
      shareBasisPoints: shareBasisPoints(fragileCount, debtors),
    };
  });
}

/** Records made in the period, and the hours to the first contact a care specialist recorded with the debtor since. */
async function firstCareContact(db: Kysely<DB>, period: Period): Promise<CareReport['firstCareContact']> {
  const rows = await db
    .selectFrom('vulnerabilities as v')
    .select(['v.status', 'v.recorded_at'])
    .select((eb) =>
      eb
        .selectFrom('contacts as ct')
        .innerJoin('users as u', 'u.id', 'ct.recorded_by')
        .select((inner) => inner.fn.min('ct.occurred_at').as('first'))
        .whereRef('ct.debtor_id', '=', 'v.debtor_id')
        .whereRef('ct.occurred_at', '>=', 'v.recorded_at')
        .where('u.role', '=', 'care_specialist')
        .as('first_contact_at'),
    )
    .where('v.recorded_at', '>=', period.start)
    .where('v.recorded_at', '<', period.end)
    .execute();
  const hours = rows
    .filter((row) => row.first_contact_at !== null)
    .map((row) => Math.floor((new Date(row.first_contact_at!).getTime() - row.recorded_at.getTime()) / 3_600_000));
  const waiting = rows.filter((row) => row.first_contact_at === null && row.status !== 'ended').length;
  const contacted = shownCount(hours.length);
  return {
    recorded: shownCount(rows.length),
    contacted,
    waiting: shownCount(waiting),
    // A median of fewer than the smallest cell would be one person's delay.
    medianHours: contacted === null ? null : median(hours),
  };
}

async function referralFigures(db: Kysely<DB>, period: Period): Promise<CareReport['referrals']> {
  const row = await db
    .selectFrom('care_referrals')
    .select([
      sql<string>`count(*) filter (where proposed_at >= ${period.start} and proposed_at < ${period.end})`.as(
        'proposed',
      ),
      sql<string>`count(*) filter (where sent_at >= ${period.start} and sent_at < ${period.end})`.as('sent'),
      sql<string>`count(*) filter (where closed_at >= ${period.start} and closed_at < ${period.end})`.as('closed'),
      ...(['helped', 'not_reached', 'refused', 'file_lodged'] as const).map((outcome) =>
        sql<string>`count(*) filter (where outcome = ${outcome} and closed_at >= ${period.start} and closed_at < ${period.end})`.as(
          outcome,
        ),
      ),
      sql<string>`count(*) filter (where status <> 'closed' and follow_up_on < ${period.today}::date)`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const count = (value: string | number) => shownCount(Number(value));
  return {
    proposed: count(row.proposed),
    sent: count(row.sent),
    closed: count(row.closed),
    outcomes: {
      helped: count(row.helped),
      not_reached: count(row.not_reached),
      refused: count(row.refused),
      file_lodged: count(row.file_lodged),
    },
    followUpsOverdue: count(row.overdue),
  };
}

async function reviewFigures(db: Kysely<DB>, period: Period): Promise<CareReport['reviews']> {
  const weekEnd = addDays(period.today, 7);
  const row = await db
    .selectFrom('vulnerabilities')
    .select([
      sql<string>`count(*) filter (where status = 'review_due' or review_on < ${period.today}::date)`.as('overdue'),
      sql<string>`count(*) filter (where status = 'active' and review_on >= ${period.today}::date and review_on <= ${weekEnd}::date)`.as(
        'soon',
      ),
    ])
    .where('status', '<>', 'ended')
    .executeTakeFirstOrThrow();
  return { overdue: shownCount(Number(row.overdue)), dueWithinWeek: shownCount(Number(row.soon)) };
}

async function signalFigures(db: Kysely<DB>, period: Period): Promise<CareReport['signals']> {
  const row = await db
    .selectFrom('vulnerability_signals')
    .select([
      sql<string>`count(*) filter (where detected_at >= ${period.start} and detected_at < ${period.end})`.as(
        'detected',
      ),
      sql<string>`count(*) filter (where status = 'confirmed' and decided_at >= ${period.start} and decided_at < ${period.end})`.as(
        'confirmed',
      ),
      sql<string>`count(*) filter (where status = 'dismissed' and decided_at >= ${period.start} and decided_at < ${period.end})`.as(
        'dismissed',
      ),
      sql<string>`count(*) filter (where status = 'open')`.as('open'),
    ])
    .executeTakeFirstOrThrow();
  return {
    detected: shownCount(Number(row.detected)),
    confirmed: shownCount(Number(row.confirmed)),
    dismissed: shownCount(Number(row.dismissed)),
    open: shownCount(Number(row.open)),
  };
}
