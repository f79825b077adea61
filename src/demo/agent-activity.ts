import type { Actor } from '../identity/actor.js';
import { addDays, agencyToday, instantAt, isBusinessDay, type IsoDate } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { recordPayment } from '../payments/record-payment.js';
import { recordCall } from '../workspace/record-call.js';
import { succeeds } from './team-work.js';

const TEAM = 'Amiable Lyon';
const CALLERS = ['agent@demo.accord.test', 'team.leader@demo.accord.test'];
/** The weeks of work shown: calls from this many days ago to about a fortnight ago. */
const FIRST_DAY_AGO = 48;
const LAST_DAY_AGO = 16;
const CASES = 10;
const CHECKLIST = { identity: true, listen: true, reformulate: true, situation: true, propose: true, agree: true };

/**
 * Weeks of the amicable team's calls for the agents and teams report, through the services that record them: on each
 * of a few cases of the team with no promise or plan, a call that was not answered, then a conversation some days
 * later that ended in a promise, paid on its day. The agent and the team leader take the cases in turn; a call the
 * contact policy refuses is simply not made. Runs after the rest of the demo, so nothing else chose by what it adds.
 */
export async function loadDemoAgentActivity(deps: Deps): Promise<number> {
  const today = agencyToday(deps.now(), deps.config);
  const team = await deps.db.selectFrom('teams').select('id').where('name', '=', TEAM).executeTakeFirst();
  const people = await deps.db.selectFrom('users').selectAll().where('email', 'in', CALLERS).execute();
  const manager = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'manager')
    .orderBy('email')
    .executeTakeFirst();
  if (!team || people.length === 0 || !manager) return 0;
  const actorOf = (row: (typeof people)[number]): Actor => ({
    userId: row.id,
    role: row.role,
    creditorId: null,
    displayName: row.display_name,
    email: row.email,
    locale: row.locale,
  });
  const callers = CALLERS.flatMap((email) => people.filter((p) => p.email === email).map(actorOf));
  const cashier = actorOf(manager);
  const cases = await teamCases(deps, team.id);
  let made = 0;
  for (const [index, candidate] of cases.entries()) {
    const caller = callers[index % callers.length]!;
    // Each case on its own days, spread over the weeks.
    const first = addDays(today, -FIRST_DAY_AGO + ((index * 3) % (FIRST_DAY_AGO - LAST_DAY_AGO - 8)));
    const missedDay = openDayFrom(first);
    const missedAt = instantAt(missedDay, 'Europe/Paris', '09:40');
    await succeeds(() =>
      recordCall({ ...deps, now: () => missedAt }, caller, candidate.caseId, { outcome: 'no_answer', checklist: {} }),
    );
    const day = openDayFrom(addDays(missedDay, 2));
    const at = instantAt(day, 'Europe/Paris', '14:15');
    const past = { ...deps, now: () => at };
    const dueOn = openDayFrom(addDays(day, 5));
    const amountCents = Math.min(index % 2 === 0 ? 15_000 : 8_000, candidate.balanceCents);
    const promised = await succeeds(() =>
      recordCall(past, caller, candidate.caseId, {
        outcome: 'right_party',
        result: 'promise',
        checklist: CHECKLIST,
        promise: { amountCents, dueOn },
        note: 'Paiera par virement.',
      }),
    );
    if (!promised) continue;
    made += 1;
    // Kept on their day (the team's broken promise of the morning is the team work's, team-work.ts).
    await succeeds(() =>
      recordPayment(
        { ...deps, now: () => instantAt(dueOn, 'Europe/Paris', '16:00') },
        cashier,
        { caseId: candidate.caseId, amountCents, channel: 'bank_transfer', receivedOn: dueOn },
        { idempotencyKey: `demo-agent-activity-${index}`, source: 'api' },
      ),
    );
  }
  return made;
}

/**
 * Open amicable cases worked by the team, of debtors in mainland France with a phone, no other open case, no promise,
 * plan or hold: the first few by reference.
 */
async function teamCases(deps: Deps, teamId: string): Promise<{ caseId: string; balanceCents: number }[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('case_queue as q', 'q.case_id', 'c.id')
    .select(['c.id', 'c.balance_cents'])
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
      ]),
    )
    .orderBy('c.reference')
    .limit(CASES)
    .execute();
  return rows.map((row) => ({ caseId: row.id, balanceCents: Number(row.balance_cents) }));
}

/** The first business day from `date` on (the team works Monday to Friday). */
function openDayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (!isBusinessDay(day, { country: 'FR', region: null })) day = addDays(day, 1);
  return day;
}
