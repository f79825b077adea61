import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../../src/identity/passwords.js';
import type { Database } from '../../../src/platform/db/database.js';
import { ALLOWED_DECISION, caseCount, fmt, out, START, START_DAY } from '../queue/options.js';
import { h, runInParallel, uid, type Steps } from '../queue/load.js';

// What the reports read beyond the queue bench's load (queue/load.ts, reused as is): a year of phone calls, text
// messages and letters recorded by the agents up to BENCH_CONTACTS contacts in all, BENCH_PAYMENTS payments (a few
// reversed), promises and their fates, every case's placement and later moves between stages, fragile debtors, the
// cases' teams in the queue, and the people who read the reports.

/** Contacts in all (the queue loader's own included) and payments; sizes scale with BENCH_CASES. */
export const contactCount = Number(process.env.BENCH_CONTACTS ?? caseCount * 3);
export const paymentCount = Number(process.env.BENCH_PAYMENTS ?? caseCount / 2);
const promiseCount = Math.round(caseCount / 10);

/** The password of the bench's readers (they sign in through the real login route). */
export const READER_PASSWORD = 'bench-reports-2026';

/** Who reads the reports: a manager (every creditor), a creditor user, a team leader and a care specialist. */
export interface Readers {
  manager: string;
  creditorUser: string;
  teamLeader: string;
  /** The creditor the creditor user belongs to, and the mandate the mandate filter narrows to. */
  creditorId: string;
  mandateId: string;
}

const T0 = `timestamptz '${new Date(START).toISOString()}'`;
/** The case row a draw `n` lands on (SQL expression), 1 to BENCH_CASES. */
const caseRow = (n: string, k: number) => `(1 + ${h(n, k)} % ${caseCount})`;
/** The debtor row of case row `g` (every 50th case belongs to the debtor of the one before, queue/load.ts). */
const debtorRow = (g: string) => `(case when ${g} % 50 = 0 then ${g} - 1 else ${g} end)`;
/** Days a case row was opened before the start (the queue loader's draw 20). */
const ageOf = (g: string) => `(5 + ${h(g, 20)} % 730)`;
/** A day at random between the case's opening and the day before the start. */
const sinceOpened = (g: string, k: number) => `(1 + ${h(g, k)} % (${ageOf(g)} - 1))`;

/** Loads the reports' facts set-based, then the readers; returns the readers' e-mail addresses. */
export async function loadReportFacts(db: Database): Promise<Readers> {
  const began = performance.now();
  const steps: Steps = [];
  const readers = await setupPeople(db);
  const { rows } = await db.executeSql<{ count: string }>('select count(*)::text as count from contacts');
  const more = Math.max(0, contactCount - Number(rows[0]!.count));
  // The queue entries' explanation (queueSql): no reason, stored once under the key refresh-queue.ts gives it.
  await db.executeSql(
    `insert into queue_explanations (key, reasons) values (md5('[]')::uuid, '[]') on conflict do nothing`,
  );
  await runInParallel(db, steps, [
    { name: 'contacts', text: contactsSql(more) },
    { name: 'payments', text: paymentsSql() },
    { name: 'promises', text: promisesSql() },
    { name: 'stage history', text: stageHistorySql() },
    { name: 'fragile debtors', text: vulnerabilitiesSql() },
    { name: 'queue teams', text: queueSql() },
  ]);
  const t = performance.now();
  await db.executeSql('analyze');
  steps.push({ name: 'analyze', seconds: (performance.now() - t) / 1000, rows: 0 });
  out(
    `report facts: ${steps.map((s) => `${s.name} ${s.rows ? `${fmt(s.rows)} rows ` : ''}${s.seconds.toFixed(1)} s`).join(', ')} in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  return readers;
}

/** The agents spread over the four teams, the readers, the agency's care specialist. */
async function setupPeople(db: Database): Promise<Readers> {
  const hash = await hashPassword(READER_PASSWORD);
  const { rows } = await db.executeSql<{ creditor_id: string; mandate_id: string }>(
    `select c.id as creditor_id, m.id as mandate_id from creditors c join mandates m on m.creditor_id = c.id
     where c.code = 'BQBANK'`,
  );
  const { creditor_id: creditorId, mandate_id: mandateId } = rows[0]!;
  await db.executeSql(
    `with numbered as (select id, row_number() over (order by email) as n from users where role = 'agent'),
          teams_in_order as (select id, row_number() over (order by name) - 1 as k from teams where name like '% bench')
     update users u set team_id = t.id from numbered a, teams_in_order t where u.id = a.id and t.k = a.n % 4`,
  );
  await db.executeSql(
    `insert into users (email, display_name, role, team_id, creditor_id, locale, password_hash) values
       ('manager@bench.accord.test', 'Manager bench', 'manager', null, null, 'fr', $1),
       ('creditor@bench.accord.test', 'Creditor bench', 'creditor_user', null, $2, 'fr', $1),
       ('leader@bench.accord.test', 'Team leader bench', 'team_leader',
         (select id from teams where name = 'Amiable bench'), null, 'fr', $1),
       ('care@bench.accord.test', 'Care bench', 'care_specialist',
         (select id from teams where name = 'Accompagnement bench'), null, 'fr', $1)`,
    [hash, creditorId],
  );
  return {
    manager: 'manager@bench.accord.test',
    creditorUser: 'creditor@bench.accord.test',
    teamLeader: 'leader@bench.accord.test',
    creditorId,
    mandateId,
  };
}

/** The agents' user ids in email order, as an SQL array, and one of them for draw `n` (SQL expression). */
const agentOf = (n: string, k: number) =>
  `(select array_agg(id order by email) from users where role = 'agent')[1 + ${h(n, k)} % (select count(*) from users where role = 'agent')]`;

/**
 * `count` contacts over the last year on cases at random, recorded by an agent: 70 % phone calls (a fifth of them
 * reaching the debtor, one in ten taken inbound), 20 % text messages, 10 % letters.
 */
function contactsSql(count: number): string {
  const g = caseRow('i', 40);
  const kind = `(${h('i', 41)} % 100)`;
  const channel = `case when ${kind} < 70 then 'phone' when ${kind} < 90 then 'sms' else 'letter' end`;
  const reached = `(${kind} < 70 and ${h('i', 42)} % 5 = 0)`;
  return `
    insert into contacts (debtor_id, case_id, channel, direction, outcome, conversation, occurred_at, recorded_at,
      policy_version, decision, recorded_by)
    select ${uid('d', debtorRow('x.g'))}, ${uid('c', 'x.g')}, x.channel,
      case when x.channel = 'phone' and ${h('i', 43)} % 10 = 0 then 'inbound' else 'outbound' end,
      case when x.reached then 'right_party' else 'no_answer' end, x.reached, x.at, x.at, 1,
      ${ALLOWED_DECISION('x.channel', 'x.at')}, x.agent
    from generate_series(1, ${count}) i
    cross join lateral (
      select ${g} as g, ${channel} as channel, ${reached} as reached,
        ${T0} - make_interval(days => 1 + ${h('i', 44)} % 364, mins => ${h('i', 45)} % 600) as at,
        ${agentOf('i', 46)} as agent
    ) x`;
}

/** Payments on cases at random, each after its case was placed; one in fifty reversed. */
function paymentsSql(): string {
  const g = caseRow('i', 50);
  return `
    insert into payments (debtor_id, case_id, creditor_id, channel, amount_cents, received_on, source, receipt_number,
      status, reversed_at, reversal_kind, idempotency_key, request_hash, recorded_at)
    select ${uid('d', debtorRow('x.g'))}, ${uid('c', 'x.g')}, c.creditor_id, 'bank_transfer', 1000 + ${h('i', 51)} % 49000,
      x.day, 'bank_statement', 'BENCH-' || i,
      case when x.reversed then 'reversed' else 'recorded' end,
      case when x.reversed then x.day + 3 end, case when x.reversed then 'error' end,
      'bench-payment-' || i, 'bench', x.day
    from generate_series(1, ${paymentCount}) i
    cross join lateral (
      select ${g} as g, date '${START_DAY}' - ${sinceOpened(g, 52)} as day, ${h('i', 53)} % 50 = 0 as reversed
    ) x
    join cases c on c.id = ${uid('c', 'x.g')}`;
}

/** Promises taken by the agents over the last year, kept, broken or cancelled (none left open). */
function promisesSql(): string {
  const g = caseRow('i', 60);
  return `
    insert into promises (case_id, debtor_id, amount_cents, due_on, status, created_by, created_at, resolved_at,
      cancel_reason)
    select ${uid('c', 'x.g')}, ${uid('d', debtorRow('x.g'))}, 5000 + ${h('i', 61)} % 95000, (x.at + interval '14 days')::date,
      x.status, ${agentOf('i', 62)}, x.at, x.at + interval '15 days',
      case when x.status = 'cancelled' then 'bench' end
    from generate_series(1, ${promiseCount}) i
    cross join lateral (
      select ${g} as g, ${T0} - make_interval(days => 20 + ${h('i', 63)} % 345) as at,
        (array['kept', 'kept', 'broken', 'cancelled'])[1 + ${h('i', 64)} % 4] as status
    ) x`;
}

/** Every case's placement, then the move to its stage now for those no longer amicable. */
function stageHistorySql(): string {
  return `
    insert into case_stage_history (case_id, from_stage, to_stage, changed_at, reason)
    select c.id, s.from_stage, s.to_stage, s.at, 'bench'
    from cases c
    cross join lateral (
      select null as from_stage, 'amicable' as to_stage, c.created_at as at
      union all
      select 'amicable', c.stage, c.created_at + make_interval(days => 1 + (${T0}::date - c.opened_on) / 2)
      where c.stage <> 'amicable'
    ) s`;
}

/** One debtor in fifty with a vulnerability record (in force, or due for review), recorded by the care specialist. */
function vulnerabilitiesSql(): string {
  return `
    insert into vulnerabilities (debtor_id, drivers, note, legal_basis, consent, review_on, status, recorded_by,
      recorded_at, updated_at)
    select ${uid('d', 'g')}, array['health'], 'Written contact only.', 'legal_claims', 'not_asked',
      date '${START_DAY}' + (${h('g', 70)} % 120) - 30, case when ${h('g', 70)} % 120 < 30 then 'review_due' else 'active' end,
      (select id from users where role = 'care_specialist' limit 1), x.at, x.at
    from generate_series(1, ${caseCount}) g
    cross join lateral (select ${T0} - make_interval(days => ${h('g', 71)} % 200) as at) x
    where g % 50 <> 0 and ${h('g', 72)} % 50 = 0`;
}

/**
 * Each case's team, as the queue holds it (what the care report counts fragile debtors by): by stage, the amicable
 * and plan cases to the amicable team. Strategy version 1 is the one migration 0011 publishes.
 */
function queueSql(): string {
  return `
    insert into case_queue (case_id, debtor_id, creditor_id, team_id, strategy_version, segment_id, arm, tier, priority,
      channels, explanation, refreshed_at)
    select c.id, c.debtor_id, c.creditor_id, t.id, 1, 'bench', 'champion', 1, 0, array['phone'], md5('[]')::uuid, ${T0}
    from cases c
    join teams t on t.name = case c.stage when 'judicial' then 'Judiciaire bench' when 'dispute' then 'Accompagnement bench'
      else 'Amiable bench' end`;
}
