import { recordAssessment } from '../affordability/assessments.js';
import type { Actor } from '../identity/actor.js';
import { addDays, agencyToday, instantAt, isBusinessDay, type IsoDate } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { createPlan } from '../plans/record-plan.js';
import { recordCall } from '../workspace/record-call.js';
import { assignCase } from '../workspace/supervision.js';
import type { CallBody } from '../workspace/contract.js';
import { workspaceSweep } from '../workspace/sweep.js';

/** What the demo leaves waiting for the team leader of Amiable Lyon, each made through the service that makes it. */
export interface DemoTeamWork {
  brokenPromiseCaseId: string | null;
  missedCallbackCaseId: string | null;
  planForApprovalCaseId: string | null;
}

const TEAM = 'Amiable Lyon';
const AGENT = 'agent@demo.accord.test';
const LEADER = 'team.leader@demo.accord.test';
/**
 * The calls were made this many days ago: a promise for the next day is broken by today (two days' grace). Every day
 * from then to today is free of the debtor's contacts, so nothing the demo did afterwards is refused by this call.
 */
const CALL_DAYS_AGO = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
const QUIET_DAYS = 15;
const KEPT_NOTE = 'Dossier délicat : suivi par la cheffe d’équipe.';
const FULL_CHECKLIST = { identity: true, listen: true, reformulate: true, situation: true, propose: true, agree: true };
/** A household whose capacity (about 100 € a month) is below what a 12-month plan of its balance asks. */
const TIGHT_BUDGET = {
  household: { adults: 1, children: 0, dependants: 0 },
  resources: [{ type: 'salary' as const, amountCents: 150_000 }],
  expenses: [{ category: 'housing' as const, amountCents: 140_000, basis: 'actual' as const }],
};

/**
 * The team leader's work of a morning, from past calls and requests, through the normal services: a promise made on
 * a call a week or two ago and not paid (the sweep breaks it and opens a follow-up for the team), a callback the
 * debtor asked for that nobody made (due, and followed up as missed), and a plan above the household's capacity that
 * the agent sent for the team leader's approval. The team leader made the two calls herself and kept those cases
 * (assigned to her), so the agents' "next case" does not serve them. Each call is made at a past moment the contact
 * policy allows, on a case of the team whose debtor the agency has not contacted since (the history stays within the
 * policy).
 */
export async function loadDemoTeamWork(deps: Deps): Promise<DemoTeamWork> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const team = await deps.db.selectFrom('teams').select('id').where('name', '=', TEAM).executeTakeFirst();
  const people = await deps.db.selectFrom('users').selectAll().where('email', 'in', [AGENT, LEADER]).execute();
  const actorOf = (email: string): Actor | null => {
    const row = people.find((p) => p.email === email);
    if (!row) return null;
    return {
      userId: row.id,
      role: row.role,
      creditorId: null,
      displayName: row.display_name,
      email: row.email,
      locale: row.locale,
    };
  };
  const agent = actorOf(AGENT);
  const leader = actorOf(LEADER);
  const none: DemoTeamWork = { brokenPromiseCaseId: null, missedCallbackCaseId: null, planForApprovalCaseId: null };
  if (!team || !agent || !leader) return none;
  const candidates = await quietTeamCases(deps, team.id, addDays(today, -QUIET_DAYS));
  const used = new Set<string>();
  const take = async (attempt: (candidate: Candidate) => Promise<boolean>): Promise<string | null> => {
    for (const candidate of candidates) {
      if (used.has(candidate.debtorId)) continue;
      if (await attempt(candidate)) {
        used.add(candidate.debtorId);
        return candidate.caseId;
      }
    }
    return null;
  };

  // The team leader calls two delicate debtors herself and keeps their cases (the agents' "next case" leaves them).
  const keepAndCall = async (c: Candidate, _day: IsoDate, at: Date, body: CallBody) => {
    const past = { ...deps, now: () => at };
    await recordCall(past, leader, c.caseId, body);
    await assignCase(past, leader, c.caseId, { teamId: team.id, userId: leader.userId, note: KEPT_NOTE });
  };
  const brokenPromiseCaseId = await take((c) =>
    callInThePast(deps, today, (day, at) =>
      keepAndCall(c, day, at, {
        outcome: 'right_party',
        result: 'promise',
        checklist: FULL_CHECKLIST,
        promise: { amountCents: Math.min(5_000, c.balanceCents), dueOn: addDays(day, 1) },
        note: 'Paiera à réception de son salaire.',
      }),
    ),
  );
  const missedCallbackCaseId = await take((c) =>
    callInThePast(deps, today, (day, at) =>
      keepAndCall(c, day, at, {
        outcome: 'right_party',
        result: 'callback',
        checklist: { identity: true, listen: true },
        callbackAt: instantAt(addDays(day, 1), 'Europe/Paris', '11:00').toISOString(),
        note: 'Rappeler demain matin, après son rendez-vous à la banque.',
      }),
    ),
  );
  const planForApprovalCaseId = await take(async (c) => {
    if (c.balanceCents < 300_000) return false;
    return succeeds(async () => {
      await recordAssessment(deps, agent, c.debtorId, { date: today, ...TIGHT_BUDGET }, null);
      const plan = await createPlan(
        deps,
        agent,
        c.caseId,
        { kind: 'instalments', months: 12, firstDueOn: nextOpenDay(addDays(today, 10)), knowinglyAboveCapacity: true },
        'Le débiteur préfère douze mensualités malgré un budget serré.',
        null,
      );
      return plan.status === 'pending_approval';
    });
  });
  // What the every-minute sweep does: the unpaid promise becomes broken, the missed callback gets its follow-up.
  await workspaceSweep(deps);
  return { brokenPromiseCaseId, missedCallbackCaseId, planForApprovalCaseId };
}

export interface Candidate {
  caseId: string;
  debtorId: string;
  balanceCents: number;
}

/**
 * Open amicable cases of the team, worked by it in the queue, of debtors living in mainland France (the calls are
 * placed in Paris hours) with a phone, one open case, no promise, plan or hold, and no contact since `quietSince` (when
 * given); the first `limit` by reference.
 */
export async function quietTeamCases(
  deps: Deps,
  teamId: string,
  quietSince: IsoDate | null,
  limit = 200,
  from: 'first' | 'last' = 'first',
): Promise<Candidate[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('case_queue as q', 'q.case_id', 'c.id')
    .select(['c.id', 'c.debtor_id', 'c.balance_cents'])
    .where('c.status', '=', 'open')
    .where('c.stage', '=', 'amicable')
    .where('c.assigned_team_id', '=', teamId)
    .where('q.team_id', '=', teamId)
    .where('c.balance_cents', '>', 10_000)
    .where(({ exists, not, selectFrom, eb }) =>
      eb.and([
        exists(
          selectFrom('debtor_contact_points as p')
            .select('p.id')
            .whereRef('p.debtor_id', '=', 'c.debtor_id')
            .where('p.channel', '=', 'phone'),
        ),
        not(
          exists(
            selectFrom('debtor_addresses as a')
              .select('a.id')
              .whereRef('a.debtor_id', '=', 'c.debtor_id')
              .where((w) => w.or([w('a.time_zone', '<>', 'Europe/Paris'), w('a.country', '<>', 'FR')])),
          ),
        ),
        not(
          exists(
            selectFrom('cases as other')
              .select('other.id')
              .whereRef('other.debtor_id', '=', 'c.debtor_id')
              .whereRef('other.id', '<>', 'c.id')
              .where('other.status', '<>', 'closed'),
          ),
        ),
        not(exists(selectFrom('promises as pr').select('pr.id').whereRef('pr.case_id', '=', 'c.id'))),
        not(exists(selectFrom('plans as pl').select('pl.id').whereRef('pl.case_id', '=', 'c.id'))),
        not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
        ...(quietSince === null
          ? []
          : [
              not(
                exists(
                  selectFrom('contacts as k')
                    .select('k.id')
                    .whereRef('k.debtor_id', '=', 'c.debtor_id')
                    .where('k.occurred_at', '>=', instantAt(quietSince, 'Europe/Paris')),
                ),
              ),
            ]),
      ]),
    )
    .orderBy('c.reference', from === 'first' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ caseId: row.id, debtorId: row.debtor_id, balanceCents: Number(row.balance_cents) }));
}

/** Tries the call on past business days at 10:30 in Paris, until the contact policy lets one through. */
async function callInThePast(
  deps: Deps,
  today: IsoDate,
  call: (day: IsoDate, at: Date) => Promise<unknown>,
): Promise<boolean> {
  for (const daysAgo of CALL_DAYS_AGO) {
    const day = addDays(today, -daysAgo);
    if (!isBusinessDay(day, { country: 'FR', region: null })) continue;
    const at = instantAt(day, 'Europe/Paris', '10:30');
    if (at.getTime() >= deps.now().getTime()) continue;
    if (await succeeds(() => call(day, at))) return true;
  }
  return false;
}

/** Runs a service call; a refusal (the policy, the case's state) is an answer, not a failure of the demo. */
export async function succeeds(run: () => Promise<unknown>): Promise<boolean> {
  try {
    const result = await run();
    return result !== false;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** The first business day from `date` on, so the plan's first instalment never falls on a closed day. */
function nextOpenDay(date: IsoDate): IsoDate {
  let day = date;
  while (!isBusinessDay(day, { country: 'FR', region: null })) day = addDays(day, 1);
  return day;
}
