import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseInScope, withinScope } from '../cases/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { addDays, compareDates, type IsoDate } from '../platform/calendar/dates.js';
import { agencyToday } from '../platform/calendar/today.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import type {
  ApproachingList,
  ApproachingQuery,
  CaseTimeBarsView,
  ClaimTimeBarView,
  InterruptionBody,
} from './contract.js';
import type { TimeBarStatus } from './core/time-bar.js';
import { claimBarsOfCases, loadTimeBarRules, type ClaimBar } from './time-bar-facts.js';

type Db = Kysely<DB> | Transaction<DB>;

const view = (claim: ClaimBar): ClaimTimeBarView => ({
  claimId: claim.claimId,
  reference: claim.reference,
  rule: claim.bar.rule,
  startOn: claim.bar.startOn,
  interruptions: claim.bar.interruptions,
  lastDay: claim.bar.lastDay,
  barredFrom: claim.bar.barredFrom,
  status: claim.bar.status,
  daysLeft: claim.bar.daysLeft,
});

const SEVERITY: Record<TimeBarStatus, number> = { running: 0, approaching: 1, time_barred: 2 };

/** The bars of a case's open claims (any reader of the case: the agent and the creditor see it is time-barred). */
export async function readCaseTimeBars(deps: Deps, actor: Actor, caseId: string): Promise<CaseTimeBarsView> {
  await caseInScope(deps.db, actor, caseId);
  const today = agencyToday(deps.now(), deps.config);
  const leadDays = deps.config.TIME_BAR_REVIEW_DAYS;
  const claims = await claimBarsOfCases(deps.db, [caseId], today, leadDays);
  const worst = claims.reduce<TimeBarStatus | null>(
    (status, claim) => (status === null || SEVERITY[claim.bar.status] > SEVERITY[status] ? claim.bar.status : status),
    null,
  );
  const lastDay = claims.reduce<IsoDate | null>(
    (earliest, claim) =>
      earliest === null || compareDates(claim.bar.lastDay, earliest) < 0 ? claim.bar.lastDay : earliest,
    null,
  );
  return { caseId, status: worst, lastDay, claims: claims.map(view), reviewLeadDays: leadDays };
}

/**
 * Refuses to send a case to the judicial stage when one of its open claims is time-barred (C. conso L121-2: never
 * imply court action on a time-barred claim). Whatever moves a case to the judicial stage calls this in its
 * transaction, under the case's row lock.
 */
export async function assertMayGoToCourt(trx: Db, caseId: string, today: IsoDate): Promise<void> {
  const barred = (await claimBarsOfCases(trx, [caseId], today, 0)).filter((c) => c.bar.status === 'time_barred');
  if (barred.length > 0)
    throw new AppError(
      'time_bars.time_barred',
      409,
      `The claim ${barred[0]!.reference} is time-barred since ${barred[0]!.bar.barredFrom}: it cannot go to court. A voluntary payment is still accepted.`,
      { claims: barred.map((c) => ({ reference: c.reference, barredFrom: c.bar.barredFrom })) },
    );
}

/** Records an acknowledgement, a judicial act or a judgment on a claim of the case, audited, and its new bar. */
export async function recordInterruption(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: InterruptionBody,
  requestId: string,
): Promise<{ id: string; claim: ClaimTimeBarView }> {
  const today = agencyToday(deps.now(), deps.config);
  if (compareDates(body.occurredOn, today) > 0)
    throw invalid(
      'time_bars.future_date',
      'An interruption is recorded once it has happened: the date is after today.',
    );
  return deps.db.transaction().execute(async (trx) => {
    const kase = await caseInScope(trx, actor, caseId);
    const claim = await trx
      .selectFrom('claims')
      .select(['id', 'reference'])
      .where('id', '=', body.claimId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!claim) throw notFound('The claim');
    const before = (await claimBarsOfCases(trx, [caseId], today, deps.config.TIME_BAR_REVIEW_DAYS)).find(
      (c) => c.claimId === claim.id,
    );
    const row = await trx
      .insertInto('claim_interruptions')
      .values({
        claim_id: claim.id,
        case_id: caseId,
        kind: body.kind,
        occurred_on: body.occurredOn,
        note: body.note ?? null,
        recorded_by: actor.userId,
        recorded_at: deps.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = (await claimBarsOfCases(trx, [caseId], today, deps.config.TIME_BAR_REVIEW_DAYS)).find(
      (c) => c.claimId === claim.id,
    );
    if (!after) throw invalid('time_bars.claim_closed', 'The claim is no longer open: its bar no longer runs.');
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'claim.interruption_recorded',
      targetType: 'case',
      targetId: caseId,
      creditorId: kase.creditor_id,
      before: before ? { lastDay: before.bar.lastDay } : null,
      after: {
        caseId,
        claimId: claim.id,
        reference: claim.reference,
        kind: body.kind,
        occurredOn: body.occurredOn,
        lastDay: after.bar.lastDay,
      },
      requestId,
      at: deps.now(),
    });
    return { id: row.id, claim: view(after) };
  });
}

/** At most this many claims in the review list: the nearest bars first. */
const APPROACHING_LIMIT = 500;

/**
 * Claims of open cases whose bar is reached within the lead time (and, unless asked not to, those already reached),
 * nearest first: a person reviews each (ask for an acknowledgement, act in court in time, or stop). The bar itself is
 * computed by the pure rule.
 */
export async function approachingTimeBars(deps: Deps, actor: Actor, query: ApproachingQuery): Promise<ApproachingList> {
  const today = agencyToday(deps.now(), deps.config);
  const leadDays = query.leadDays ?? deps.config.TIME_BAR_REVIEW_DAYS;
  const rules = await loadTimeBarRules(deps.db);
  const horizon = addDays(today, leadDays);
  // Every bar ends at least the shortest period after the claim's start: later starts cannot be near it yet.
  const shortest = Math.min(...rules.map((rule) => rule.years));
  const candidates = await deps.db
    .selectFrom('claims as cl')
    .innerJoin('cases as c', 'c.id', 'cl.case_id')
    .select('c.id')
    .distinct()
    .where('cl.status', '=', 'open')
    .where('c.status', '!=', 'closed')
    .where(withinScope(actor, 'c.creditor_id'))
    .where(sql<boolean>`cl.default_on <= (${horizon}::date - make_interval(years => ${shortest}))::date`)
    .execute();
  const caseIds = candidates.map((row) => row.id);
  const bars: ClaimBar[] = [];
  for (let start = 0; start < caseIds.length; start += 1000)
    bars.push(...(await claimBarsOfCases(deps.db, caseIds.slice(start, start + 1000), today, leadDays, rules)));
  const due = bars
    .filter((c) => c.bar.status === 'approaching' || (query.includeBarred && c.bar.status === 'time_barred'))
    .sort((a, b) => compareDates(a.bar.lastDay, b.bar.lastDay) || a.reference.localeCompare(b.reference));
  const shown = due.slice(0, APPROACHING_LIMIT);
  const names = await caseNames(
    deps.db,
    shown.map((c) => c.caseId),
  );
  return {
    leadDays,
    truncated: due.length > shown.length,
    items: shown.map((c) => {
      const name = names.get(c.caseId)!;
      return {
        caseId: c.caseId,
        caseReference: name.reference,
        creditorName: name.creditor,
        debtorName: name.debtor,
        claimReference: c.reference,
        status: c.bar.status,
        lastDay: c.bar.lastDay,
        daysLeft: c.bar.daysLeft,
        ruleSource: c.bar.rule.source,
      };
    }),
  };
}

async function caseNames(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, { reference: string; creditor: string; debtor: string }>();
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .select(['c.id', 'c.reference', 'cr.name as creditor', 'd.kind', 'd.first_name', 'd.last_name', 'd.company_name'])
    .where('c.id', 'in', [...new Set(caseIds)])
    .execute();
  return new Map(
    rows.map((row) => [row.id, { reference: row.reference, creditor: row.creditor, debtor: debtorName(row) }]),
  );
}
