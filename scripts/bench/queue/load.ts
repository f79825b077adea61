import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Database } from '../../../src/platform/db/database.js';
import {
  FRENCH_FIRST_NAMES,
  FRENCH_LAST_NAMES,
  ITALIAN_FIRST_NAMES,
  ITALIAN_LAST_NAMES,
} from '../../../src/demo/places.js';
import { agentCount, ALLOWED_DECISION, caseCount, DAY, fmt, loadParallel, out, START, START_DAY } from './options.js';

// The load: set-based SQL. Ids are derived from the row number (a v4-shaped md5), so each table is one independent
// statement; foreign keys and triggers are off during the load (session_replication_role) and checked afterwards.

/** A stable uuid for row `n` of kind `kind` (SQL expression). */
export const uid = (kind: string, n: string) =>
  `overlay(overlay(md5('${kind}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;
/** A stable pseudo-random integer in [0, 2^31) for row `n` and draw `k` (SQL expression). */
export const h = (n: string, k: number) => `((hashint8extended((${n})::bigint, ${k}) & 2147483647)::int)`;
/** Every 50th case belongs to the debtor of the case before it (another creditor): ~2 % of debtors have two cases. */
const debtorOf = (n: string) => `(case when ${n} % 50 = 0 then ${n} - 1 else ${n} end)`;
/** The case's creditor, 0–2. */
const creditorOf = (n: string) => `(${n} % 3)`;

export interface Loaded {
  seconds: number;
  steps: { name: string; seconds: number; rows: number }[];
  debtors: number;
  contacts: number;
}

export type Steps = Loaded['steps'];

interface BenchCreditor {
  id: string;
  mandate: string;
  code: string;
  name: string;
  sector: string;
  contract: string;
}

/** Loads the agency and its BENCH_CASES open cases, checks what the foreign keys would have, and says how long. */
export async function load(db: Database): Promise<Loaded> {
  const began = performance.now();
  const steps: Steps = [];
  const creditors = benchCreditors();
  await db.withConnection(async ({ run }) => {
    const t = performance.now();
    await run(setupSql(creditors));
    steps.push({ name: 'creditors, mandates, teams, agents', seconds: (performance.now() - t) / 1000, rows: 0 });
  });
  const people = personSql();
  const cases = caseSql(creditors);
  await runInParallel(db, steps, [
    { name: 'cases', text: cases.cases },
    { name: 'debtors', text: people.debtors },
    { name: 'claims', text: cases.claims },
    { name: 'addresses', text: people.addresses },
    { name: 'phones', text: people.phones },
    { name: 'contacts', text: contactsSql() },
  ]);
  await checkIntegrity(db, steps);

  const seconds = (performance.now() - began) / 1000;
  const rowsOf = (name: string) => steps.find((step) => step.name === name)?.rows ?? 0;
  out(
    `load: ${fmt(rowsOf('cases'))} open cases, ${fmt(rowsOf('debtors'))} debtors, ${fmt(rowsOf('contacts'))} past contacts in ${seconds.toFixed(1)} s ` +
      `(${steps.map((step) => `${step.name} ${step.seconds.toFixed(1)} s`).join(', ')}; ${loadParallel} connections)`,
  );
  return { seconds, steps, debtors: rowsOf('debtors'), contacts: rowsOf('contacts') };
}

function benchCreditors(): BenchCreditor[] {
  return [
    {
      id: randomUUID(),
      mandate: randomUUID(),
      code: 'BQBANK',
      name: 'Banque Bench',
      sector: 'bank',
      contract: 'overdraft',
    },
    {
      id: randomUUID(),
      mandate: randomUUID(),
      code: 'BQCREDIT',
      name: 'Crédit Bench',
      sector: 'consumer_credit',
      contract: 'consumer_credit',
    },
    {
      id: randomUUID(),
      mandate: randomUUID(),
      code: 'BQTEL',
      name: 'Télécom Bench',
      sector: 'telecom',
      contract: 'telecom',
    },
  ];
}

/** The agency: teams, the three creditors and their mandates, BENCH_AGENTS agents. */
function setupSql(creditors: BenchCreditor[]): string {
  return `
    insert into teams (name, kind) values ('Amiable bench', 'amicable'), ('Accompagnement bench', 'care'),
      ('Surendettement bench', 'overindebtedness'), ('Judiciaire bench', 'judicial');
    insert into creditors (id, code, name, legal_name, sector, country, address_line1, postal_code, city) values
      ${creditors.map((c) => `('${c.id}', '${c.code}', '${c.name}', '${c.name} SA', '${c.sector}', 'FR', '1 place de la Bourse', '75002', 'Paris')`).join(',\n')};
    insert into mandates (id, creditor_id, code, kind, commission_rate_bp, starts_on) values
      ${creditors.map((c) => `('${c.mandate}', '${c.id}', 'M1', 'collection', 1500, '2024-01-01')`).join(',\n')};
    insert into users (email, display_name, role, team_id, locale, password_hash)
      select 'agent' || a || '@bench.accord.test', 'Agent ' || a, 'agent', (select id from teams where name = 'Amiable bench'), 'fr', 'bench-no-login'
      from generate_series(1, ${agentCount}) a;`;
}

// Where the debtor lives, by draw 1: 85 % mainland France, 10 % Italy, 3 % La Réunion, 1 % Guadeloupe, 1 % Martinique.
const region = h('g', 1) + ' % 100';
const italian = `${region} between 85 and 94`;

/** A part of the debtor's address, or the prefix of the mobile, from where they live (SQL expression). */
function place(field: 'city' | 'postal' | 'sub' | 'tz' | 'country' | 'prefix'): string {
  const fr = {
    city: ['Paris', 'Lyon', 'Marseille', 'Lille', 'Strasbourg', 'Metz'],
    postal: ['75011', '69003', '13001', '59000', '67000', '57000'],
    sub: ['75', '69', '13', '59', '67', '57'],
  };
  const it = { city: ['Roma', 'Milano', 'Napoli'], postal: ['00184', '20121', '80133'], sub: ['RM', 'MI', 'NA'] };
  const pick = (list: string[], k: number) =>
    `(array[${list.map((v) => `'${v}'`).join(',')}])[1 + ${h('g', k)} % ${list.length}]`;
  switch (field) {
    case 'city':
    case 'postal':
    case 'sub': {
      const overseas = {
        city: ['Saint-Denis', 'Pointe-à-Pitre', 'Fort-de-France'],
        postal: ['97400', '97110', '97200'],
        sub: ['974', '971', '972'],
      }[field];
      return `case when ${region} < 85 then ${pick(fr[field], 2)} when ${region} < 95 then ${pick(it[field], 2)}
        when ${region} < 98 then '${overseas[0]}' when ${region} < 99 then '${overseas[1]}' else '${overseas[2]}' end`;
    }
    case 'tz':
      return `case when ${region} < 85 then 'Europe/Paris' when ${region} < 95 then 'Europe/Rome'
        when ${region} < 98 then 'Indian/Reunion' when ${region} < 99 then 'America/Guadeloupe' else 'America/Martinique' end`;
    case 'country':
      return `case when ${region} between 85 and 94 then 'IT' else 'FR' end`;
    case 'prefix':
      return `case when ${region} < 85 then '+336' when ${region} < 95 then '+393' when ${region} < 98 then '+262692' when ${region} < 99 then '+590690' else '+596696' end`;
  }
}

/** Every row number except the second case of a debtor (g % 50 = 0): the debtors, their addresses and mobiles. */
function personSql() {
  const n = caseCount;
  // The demo's names (src/demo/places.ts): the commonest French last names and the Italian ones.
  const firstNames = FRENCH_FIRST_NAMES;
  const lastNames = FRENCH_LAST_NAMES.slice(0, 20);
  const itFirst = ITALIAN_FIRST_NAMES;
  const itLast = ITALIAN_LAST_NAMES;
  const pickName = (list: readonly string[], k: number) =>
    `(array[${list.map((v) => `'${v}'`).join(',')}])[1 + ${h('g', k)} % ${list.length}]`;

  // The debtors: every row number except the second case of a debtor (g % 50 = 0).
  const debtors = `
    insert into debtors (id, kind, first_name, last_name, birth_date, language, created_at, updated_at)
    select ${uid('d', 'g')}, 'person',
      case when ${italian} then ${pickName(itFirst, 3)} else ${pickName(firstNames, 3)} end,
      case when ${italian} then ${pickName(itLast, 4)} else ${pickName(lastNames, 4)} end || ' ' || g,
      date '1950-01-01' + (${h('g', 5)} % 18000),
      case when ${italian} then 'it' else 'fr' end,
      timestamptz '${new Date(START - 800 * DAY).toISOString()}', timestamptz '${new Date(START - 800 * DAY).toISOString()}'
    from generate_series(1, ${n}) g where g % 50 <> 0`;
  const addresses = `
    insert into debtor_addresses (debtor_id, line1, postal_code, city, country, subdivision, time_zone, is_primary, created_at)
    select ${uid('d', 'g')}, (1 + ${h('g', 6)} % 120) || ' rue de la République', ${place('postal')}, ${place('city')},
      ${place('country')}, ${place('sub')}, ${place('tz')}, true, timestamptz '${new Date(START - 800 * DAY).toISOString()}'
    from generate_series(1, ${n}) g where g % 50 <> 0`;
  const phones = `
    insert into debtor_contact_points (debtor_id, channel, value, usage, consent, created_at)
    select ${uid('d', 'g')}, 'phone', ${place('prefix')} || lpad((g % 10000000)::text, 7, '0'), 'mobile', 'unknown',
      timestamptz '${new Date(START - 800 * DAY).toISOString()}'
    from generate_series(1, ${n}) g where g % 50 <> 0`;
  return { debtors, addresses, phones };
}

/** The cases and their claims, one per row number. */
function caseSql(creditors: BenchCreditor[]) {
  const n = caseCount;
  const creditorId = `(array[${creditors.map((c) => `'${c.id}'::uuid`).join(',')}])[1 + ${creditorOf('g')}]`;
  const mandateId = `(array[${creditors.map((c) => `'${c.mandate}'::uuid`).join(',')}])[1 + ${creditorOf('g')}]`;
  const contractType = `(array[${creditors.map((c) => `'${c.contract}'`).join(',')}])[1 + ${creditorOf('g')}]`;
  // Cases: opened 5–734 days before the start, the first letter 2 days later; stage mostly amicable.
  const age = `(5 + ${h('g', 20)} % 730)`;
  const principal = `(15000 + ${h('g', 21)} % 485000)`;
  const interest = `(${principal} * (${h('g', 22)} % 20) / 100)`;
  const fees = `((${h('g', 23)} % 5) * 1000)`;
  const stage = `(case when ${h('g', 24)} % 100 < 80 then 'amicable' when ${h('g', 24)} % 100 < 88 then 'plan'
    when ${h('g', 24)} % 100 < 94 then 'dispute' else 'judicial' end)`;
  const cases = `
    insert into cases (id, reference, creditor_id, mandate_id, debtor_id, stage, status, balance_cents, opened_on,
      stage_changed_at, first_letter_reference, first_letter_sent_on, created_at, updated_at)
    select ${uid('c', 'g')}, 'BQ-' || lpad(g::text, 8, '0'), ${creditorId}, ${mandateId}, ${uid('d', debtorOf('g'))}, ${stage}, 'open',
      ${principal} + ${interest} + ${fees}, date '${START_DAY}' - ${age},
      timestamptz '${new Date(START).toISOString()}' - make_interval(days => ${age}), 'LR-' || g, date '${START_DAY}' - ${age} + 2,
      timestamptz '${new Date(START).toISOString()}' - make_interval(days => ${age}), timestamptz '${new Date(START).toISOString()}' - make_interval(days => ${age})
    from generate_series(1, ${n}) g`;
  const claims = `
    insert into claims (case_id, creditor_id, reference, contract_type, principal_cents, interest_cents, fees_cents, default_on, created_at, updated_at)
    select ${uid('c', 'g')}, ${creditorId}, 'CL-' || g, ${contractType}, ${principal}, ${interest}, ${fees},
      date '${START_DAY}' - ${age} - (30 + ${h('g', 25)} % 300),
      timestamptz '${new Date(START).toISOString()}' - make_interval(days => ${age}), timestamptz '${new Date(START).toISOString()}' - make_interval(days => ${age})
    from generate_series(1, ${n}) g`;

  return { cases, claims };
}

function contactsSql(): string {
  const n = caseCount;
  // Contact history on the debtor's first case, by draw 30: 5 % a call 1–3.5 h ago (4 h spacing), 3 % two calls
  // today (daily cap), 2 % seven calls over the last week (7-day cap), 3 % a conversation 1–5 days ago (7-day pause),
  // 17 % older attempts (10–60 days ago, no refusal), the rest never contacted.
  const t0 = `timestamptz '${new Date(START).toISOString()}'`;
  const k = `(${h('g', 30)} % 100)`;
  return `
    insert into contacts (debtor_id, case_id, channel, direction, outcome, conversation, occurred_at, recorded_at, policy_version, decision)
    select ${uid('d', 'g')}, ${uid('c', 'g')}, x.channel, 'outbound', x.outcome, x.conversation, x.at, x.at, 1,
      ${ALLOWED_DECISION('x.channel', 'x.at')}
    from generate_series(1, ${n}) g
    cross join lateral (
      select 'phone' as channel, 'no_answer' as outcome, false as conversation, ${t0} - make_interval(mins => 60 + ${h('g', 31)} % 150) as at where ${k} < 5
      union all select 'phone', 'no_answer', false, ${t0} - make_interval(mins => 55 - 10 * i) from generate_series(0, 1) i where ${k} between 5 and 7
      union all select 'phone', case when i % 2 = 0 then 'no_answer' else 'voicemail' end, false, ${t0} - make_interval(days => 1 + i % 6, hours => 3 + i)
        from generate_series(0, 6) i where ${k} between 8 and 9
      union all select 'phone', 'right_party', true, ${t0} - make_interval(days => 1 + ${h('g', 32)} % 5, hours => 2) where ${k} between 10 and 12
      union all select (array['phone','phone','sms','letter'])[1 + (${h('g', 33)} + i) % 4], 'no_answer', false,
          ${t0} - make_interval(days => 10 + (${h('g', 34)} + 7 * i) % 50, hours => 1 + i)
        from generate_series(1, 1 + ${h('g', 35)} % 4) i where ${k} between 13 and 29
    ) x
    where g % 50 <> 0`;
}

/**
 * The statements on BENCH_LOAD_PARALLEL connections, each taking the next; triggers off during the bulk load. Each
 * statement is an insert (it is wrapped to count its rows); its name, time and rows are pushed to `steps`.
 */
export async function runInParallel(db: Database, steps: Steps, statements: { name: string; text: string }[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, loadParallel) }, () =>
      db.withConnection(async ({ run }) => {
        // Rows consistent by construction: no foreign-key triggers, no queue triggers during the bulk load.
        await run('set session_replication_role = replica');
        try {
          for (;;) {
            const statement = statements[next++];
            if (!statement) return;
            const t = performance.now();
            const { rows } = await run<{ count: string }>(
              `with made as (${statement.text} returning 1) select count(*)::text as count from made`,
            );
            steps.push({ name: statement.name, seconds: (performance.now() - t) / 1000, rows: Number(rows[0]!.count) });
          }
        } finally {
          await run('set session_replication_role = origin');
        }
      }),
    ),
  );
}

/** What the foreign keys would have checked, then fresh statistics. */
async function checkIntegrity(db: Database, steps: Steps): Promise<void> {
  let t = performance.now();
  const { rows: orphans } = await db.executeSql<{ what: string; count: string }>(`
    select 'cases without debtor' as what, count(*)::text as count from cases c where not exists (select 1 from debtors d where d.id = c.debtor_id)
    union all select 'claims without case', count(*)::text from claims k where not exists (select 1 from cases c where c.id = k.case_id)
    union all select 'addresses without debtor', count(*)::text from debtor_addresses a where not exists (select 1 from debtors d where d.id = a.debtor_id)
    union all select 'phones without debtor', count(*)::text from debtor_contact_points p where not exists (select 1 from debtors d where d.id = p.debtor_id)
    union all select 'contacts without case', count(*)::text from contacts k where not exists (select 1 from cases c where c.id = k.case_id and c.debtor_id = k.debtor_id)
    union all select 'balance not the claims', count(*)::text from cases c join claims k on k.case_id = c.id
      where c.balance_cents <> k.principal_cents + k.interest_cents + k.fees_cents`);
  const broken = orphans.filter((row) => Number(row.count) > 0);
  if (broken.length > 0)
    throw new Error(`the load is inconsistent: ${broken.map((row) => `${row.what} ${row.count}`).join(', ')}`);
  steps.push({ name: 'integrity check', seconds: (performance.now() - t) / 1000, rows: 0 });
  t = performance.now();
  await db.executeSql('analyze');
  steps.push({ name: 'analyze', seconds: (performance.now() - t) / 1000, rows: 0 });
}
