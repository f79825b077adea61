import type { Actor } from '../identity/actor.js';
import {
  addDays,
  agencyToday,
  instantAt,
  isBusinessDay,
  laterDate,
  localDateOf,
  type IsoDate,
} from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { recordPayment } from '../payments/record-payment.js';
import { recordCall } from '../workspace/record-call.js';
import { quietTeamCases, succeeds } from './team-work.js';

const TEAM = 'Amiable Lyon';
const CALLERS = ['agent@demo.accord.test', 'team.leader@demo.accord.test'];
/** The weeks of work shown: calls from this many days ago at the earliest, each case a little later. */
const FIRST_DAY_AGO = 30;
const CASES = 6;
const CHECKLIST = { identity: true, listen: true, reformulate: true, situation: true, propose: true, agree: true };

/**
 * Weeks of the amicable team's calls for the agents and teams report, through the services that record them: on each
 * of a few cases of the team with no promise or plan, after the debtor's last contact, a call that was not answered,
 * then a conversation some days later that ended in a promise, paid early. The agent and the team leader take the cases in turn; a call the
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
  // Cases with no promise or plan yet, contacted or not lately: the calls are placed weeks back. The last by reference,
  // and none of Banque Horizon's (the demo's creditor user), so the team's other demo work and the tests that take the
  // first quiet cases, or the bank's, keep theirs.
  const quiet = await quietTeamCases(deps, team.id, null, CASES * 10, 'last');
  const bank = await deps.db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
    .select('c.id')
    .where('cr.code', '=', 'BHORIZON')
    .where('c.id', 'in', quiet.map((q) => q.caseId).concat(['00000000-0000-0000-0000-000000000000']))
    .execute();
  const banks = new Set(bank.map((row) => row.id));
  const cases = quiet.filter((q) => !banks.has(q.caseId)).slice(0, CASES);
  let made = 0;
  for (const [index, candidate] of cases.entries()) {
    const caller = callers[index % callers.length]!;
    // After the debtor's last contact only: a call placed before a later one of the history would change what the
    // policy allowed then (a conversation pauses the calls of the next days), and the history must stay within it.
    const last = await deps.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.max('occurred_at').as('at'))
      .where('debtor_id', '=', candidate.debtorId)
      .executeTakeFirst();
    const after = last?.at ? localDateOf(new Date(last.at), 'Europe/Paris') : addDays(today, -FIRST_DAY_AGO);
    let day = openDayFrom(laterDate(addDays(after, 1), addDays(today, -FIRST_DAY_AGO + index * 2)));
    if (day >= today) continue;
    // An unanswered call first, the conversation on a later day when there is one.
    const missed = await succeeds(() =>
      recordCall({ ...deps, now: () => instantAt(day, 'Europe/Paris', '09:40') }, caller, candidate.caseId, {
        outcome: 'no_answer',
        checklist: {},
      }),
    );
    if (missed && openDayFrom(addDays(day, 2)) < today) day = openDayFrom(addDays(day, 2));
    const amountCents = Math.min(index % 2 === 0 ? 15_000 : 8_000, candidate.balanceCents);
    const promised = await succeeds(() =>
      recordCall({ ...deps, now: () => instantAt(day, 'Europe/Paris', '14:15') }, caller, candidate.caseId, {
        outcome: 'right_party',
        result: 'promise',
        checklist: CHECKLIST,
        promise: { amountCents, dueOn: addDays(day, 3) },
        note: 'Paiera par virement.',
      }),
    );
    if (!promised) continue;
    made += 1;
    // Paid early, the next day (or the same day when that is today): the promise is kept.
    const paidOn = addDays(day, 1) < today ? addDays(day, 1) : day;
    await succeeds(() =>
      recordPayment(
        { ...deps, now: () => instantAt(paidOn, 'Europe/Paris', '16:00') },
        cashier,
        { caseId: candidate.caseId, amountCents, channel: 'bank_transfer', receivedOn: paidOn },
        { idempotencyKey: `demo-agent-activity-${index}`, source: 'api' },
      ),
    );
  }
  return made;
}

/** The first business day from `date` on (the team works Monday to Friday). */
function openDayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (!isBusinessDay(day, { country: 'FR', region: null })) day = addDays(day, 1);
  return day;
}
