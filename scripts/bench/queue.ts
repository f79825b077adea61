import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Actor } from '../../src/identity/actor.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { getCase } from '../../src/portfolio/cases.js';
import { caseContact } from '../../src/contact-policy/case-contact.js';
import { caseWorkspace } from '../../src/workspace/case-workspace.js';
import { nextCase } from '../../src/workspace/next-case.js';
import { rebuildQueue } from '../../src/workspace/rebuild-queue.js';
import { recordCall } from '../../src/workspace/record-call.js';
import type { CallBody, QueueEntryView } from '../../src/workspace/contract.js';
import { createScratchDatabase } from './scratch-database.js';
import {
  FRENCH_FIRST_NAMES,
  FRENCH_LAST_NAMES,
  ITALIAN_FIRST_NAMES,
  ITALIAN_LAST_NAMES,
} from '../../src/demo/places.js';
import { addDays, DAY_MS, localDateOf } from '../../src/platform/calendar/index.js';

/**
 * npm run bench:queue — the agent workspace under a day's load, on a PostgreSQL server (BENCH_DATABASE_URL; its
 * own database, dropped afterwards). Loads BENCH_CASES open cases (default 1,000,000) set-based — debtors with an
 * address (France, Italy, overseas), a mobile, a claim, a contact history for a share of them (some refused by the
 * contact policy: 4 h spacing, daily and weekly caps, the pause after a conversation) — builds the queues with
 * rebuildQueue, then drives BENCH_AGENTS agents (default 50) for BENCH_QUEUE_SECONDS (default 60): next case, open
 * the case (the case page's three calls, in parallel), record the call. The clock starts on a Wednesday at 10:00 in
 * Paris and runs at the real pace.
 * Bars: next case p99 ≤ 50 ms, opening a case p99 ≤ 200 ms, no case handed to two agents at once.
 * BENCH_THINK_MS (default 1000) waits between acts (0.5–1.5 times that, at random): each agent then takes a case about
 * every 3 seconds, some sixty times the pace of a person on the phone; BENCH_THINK_MS=0 is a saturation test, where
 * every call recorded waits for the audit trail's head (one audited write at a time). BENCH_POOL (default agents + 10)
 * sizes the connection pool; BENCH_LOAD_ONLY=1 stops after the load (the loader's own timing); BENCH_KEEP_DB=1 keeps
 * the database (to study plans).
 */

const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const agentCount = Number(process.env.BENCH_AGENTS ?? 50);
const seconds = Number(process.env.BENCH_QUEUE_SECONDS ?? 60);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1_000);
const poolSize = Number(process.env.BENCH_POOL ?? agentCount + 10);
const loadParallel = Number(process.env.BENCH_LOAD_PARALLEL ?? 2);
const loadOnly = process.env.BENCH_LOAD_ONLY === '1';
const keepDatabase = process.env.BENCH_KEEP_DB === '1';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A Wednesday, 10:00 in Paris: inside French and Italian calling hours, not a holiday anywhere in the data. */
const START = Date.parse('2026-11-25T10:00:00+01:00');
const START_DAY = '2026-11-25';
const MINUTE = 60_000;
const DAY = DAY_MS;

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('en');
/** The nightly rebuild's bar: a million entries within a minute (at another size, the same rate). */
const REBUILD_BAR_ENTRIES = 1_000_000;
const REBUILD_BAR_SECONDS = 60;

/** The decision a contact keeps, as the policy records it when it allows one (SQL expression). */
const ALLOWED_DECISION = (channel: string, at: string) =>
  `jsonb_build_object('allowed', true, 'channel', ${channel}, 'at', ${at}, 'reasons', '[]'::jsonb,
    'notices', '[]'::jsonb, 'nextAllowedAt', null, 'policyVersion', 1, 'callback', false, 'override', null)`;
const ms = (n: number) => n.toFixed(1);

// ---------------------------------------------------------------------------------------------------------------
// The load: set-based SQL. Ids are derived from the row number (a v4-shaped md5), so each table is one independent
// statement; foreign keys and triggers are off during the load (session_replication_role) and checked afterwards.

/** A stable uuid for row `n` of kind `kind` (SQL expression). */
const uid = (kind: string, n: string) =>
  `overlay(overlay(md5('${kind}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;
/** A stable pseudo-random integer in [0, 2^31) for row `n` and draw `k` (SQL expression). */
const h = (n: string, k: number) => `((hashint8extended((${n})::bigint, ${k}) & 2147483647)::int)`;
/** Every 50th case belongs to the debtor of the case before it (another creditor): ~2 % of debtors have two cases. */
const debtorOf = (n: string) => `(case when ${n} % 50 = 0 then ${n} - 1 else ${n} end)`;
/** The case's creditor, 0–2. */
const creditorOf = (n: string) => `(${n} % 3)`;

interface Loaded {
  seconds: number;
  steps: { name: string; seconds: number; rows: number }[];
  debtors: number;
  contacts: number;
}

async function load(db: Database): Promise<Loaded> {
  const began = performance.now();
  const steps: Loaded['steps'] = [];
  const n = caseCount;
  const creditors = [
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
  const creditorId = `(array[${creditors.map((c) => `'${c.id}'::uuid`).join(',')}])[1 + ${creditorOf('g')}]`;
  const mandateId = `(array[${creditors.map((c) => `'${c.mandate}'::uuid`).join(',')}])[1 + ${creditorOf('g')}]`;
  const contractType = `(array[${creditors.map((c) => `'${c.contract}'`).join(',')}])[1 + ${creditorOf('g')}]`;

  const setup = `
    insert into teams (name, kind) values ('Amiable bench', 'amicable'), ('Accompagnement bench', 'care'),
      ('Surendettement bench', 'overindebtedness'), ('Judiciaire bench', 'judicial');
    insert into creditors (id, code, name, legal_name, sector, country, address_line1, postal_code, city) values
      ${creditors.map((c) => `('${c.id}', '${c.code}', '${c.name}', '${c.name} SA', '${c.sector}', 'FR', '1 place de la Bourse', '75002', 'Paris')`).join(',\n')};
    insert into mandates (id, creditor_id, code, kind, commission_rate_bp, starts_on) values
      ${creditors.map((c) => `('${c.mandate}', '${c.id}', 'M1', 'collection', 1500, '2024-01-01')`).join(',\n')};
    insert into users (email, display_name, role, team_id, locale, password_hash)
      select 'agent' || a || '@bench.accord.test', 'Agent ' || a, 'agent', (select id from teams where name = 'Amiable bench'), 'fr', 'bench-no-login'
      from generate_series(1, ${agentCount}) a;`;

  // Where the debtor lives, by draw 1: 85 % mainland France, 10 % Italy, 3 % La Réunion, 1 % Guadeloupe, 1 % Martinique.
  const region = h('g', 1) + ' % 100';
  const place = (field: 'city' | 'postal' | 'sub' | 'tz' | 'country' | 'prefix') => {
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
  };
  // The demo's names (src/demo/places.ts): the commonest French last names and the Italian ones.
  const firstNames = FRENCH_FIRST_NAMES;
  const lastNames = FRENCH_LAST_NAMES.slice(0, 20);
  const itFirst = ITALIAN_FIRST_NAMES;
  const itLast = ITALIAN_LAST_NAMES;
  const pickName = (list: readonly string[], k: number) =>
    `(array[${list.map((v) => `'${v}'`).join(',')}])[1 + ${h('g', k)} % ${list.length}]`;
  const italian = `${region} between 85 and 94`;

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

  // Contact history on the debtor's first case, by draw 30: 5 % a call 1–3.5 h ago (4 h spacing), 3 % two calls
  // today (daily cap), 2 % seven calls over the last week (7-day cap), 3 % a conversation 1–5 days ago (7-day pause),
  // 17 % older attempts (10–60 days ago, no refusal), the rest never contacted.
  const t0 = `timestamptz '${new Date(START).toISOString()}'`;
  const k = `(${h('g', 30)} % 100)`;
  const contacts = `
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

  await db.withConnection(async ({ run }) => {
    const t = performance.now();
    await run(setup);
    steps.push({ name: 'creditors, mandates, teams, agents', seconds: (performance.now() - t) / 1000, rows: 0 });
  });

  const statements: { name: string; text: string }[] = [
    { name: 'cases', text: cases },
    { name: 'debtors', text: debtors },
    { name: 'claims', text: claims },
    { name: 'addresses', text: addresses },
    { name: 'phones', text: phones },
    { name: 'contacts', text: contacts },
  ];
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

  // What the foreign keys would have checked.
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

  const seconds = (performance.now() - began) / 1000;
  const rowsOf = (name: string) => steps.find((step) => step.name === name)?.rows ?? 0;
  out(
    `load: ${fmt(rowsOf('cases'))} open cases, ${fmt(rowsOf('debtors'))} debtors, ${fmt(rowsOf('contacts'))} past contacts in ${seconds.toFixed(1)} s ` +
      `(${steps.map((step) => `${step.name} ${step.seconds.toFixed(1)} s`).join(', ')}; ${loadParallel} connections)`,
  );
  return { seconds, steps, debtors: rowsOf('debtors'), contacts: rowsOf('contacts') };
}

// ---------------------------------------------------------------------------------------------------------------
// The agents.

async function agentActors(db: Database): Promise<Actor[]> {
  const { rows } = await db.executeSql<{ id: string; display_name: string; email: string }>(
    `select id, display_name, email from users where role = 'agent' and email like '%@bench.accord.test' order by display_name`,
  );
  return rows.map((row) => ({
    userId: row.id,
    role: 'agent',
    creditorId: null,
    displayName: row.display_name,
    email: row.email,
    locale: 'fr',
  }));
}

interface Run {
  sinceIso: string;
  elapsed: number;
  next: number[];
  open: number[];
  record: number[];
  empty: number;
  doubles: number;
  doubleCases: string[];
  outcomes: Record<string, number>;
  errors: Record<string, number>;
  waiting: { callableNow: number; later: number } | null;
  /** Event-loop delay of this process during the run (ms): the agents share one Node thread, as on one server. */
  loopDelay: { p50: number; p99: number; max: number };
  /** What the bench's server connections were doing, sampled every 200 ms: share of samples per state or wait. */
  activity: { what: string; average: number }[];
}

function callBody(index: number, balanceCents: number, now: Date): CallBody {
  const roll = index % 20;
  if (roll < 2) {
    // A promise for part of the balance, due in 7–27 days.
    const due = addDays(localDateOf(now, 'Europe/Paris'), 7 + (index % 21));
    return {
      outcome: 'right_party',
      result: 'promise',
      checklist: { identity: true },
      promise: { amountCents: Math.max(100, Math.min(balanceCents, 5_000 + (index % 40) * 1_000)), dueOn: due },
    };
  }
  if (roll < 5) return { outcome: 'voicemail', checklist: {} };
  return { outcome: 'no_answer', checklist: {} };
}

async function drive(deps: Deps, agents: Actor[]): Promise<Run> {
  const sinceIso = deps.now().toISOString();
  const run: Run = {
    sinceIso,
    elapsed: 0,
    next: [],
    open: [],
    record: [],
    empty: 0,
    doubles: 0,
    doubleCases: [],
    outcomes: {},
    errors: {},
    waiting: null,
    loopDelay: { p50: 0, p99: 0, max: 0 },
    activity: [],
  };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const sampler = sampleActivity();
  /** Who holds each case: from the moment next case hands it out until its call is recorded. */
  const holder = new Map<string, number>();
  const fail = (what: string, error: unknown) => {
    const code = (error as { code?: string }).code ?? (error as Error).name ?? 'error';
    const key = `${what}: ${code}`;
    if ((run.errors[key] ?? 0) === 0) process.stderr.write(`bench:queue ${key}: ${(error as Error).message}\n`);
    run.errors[key] = (run.errors[key] ?? 0) + 1;
  };
  // Think time varies between half and one and a half times BENCH_THINK_MS, so agents do not act in lockstep.
  const pause = (wait: number) =>
    wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random()))) : Promise.resolve();
  const began = performance.now();
  const until = began + seconds * 1000;
  let calls = 0;
  await Promise.all(
    agents.map(async (actor, agent) => {
      // Agents start their day a little apart.
      await pause(thinkMs);
      while (performance.now() < until) {
        let t = performance.now();
        let entry: QueueEntryView | null;
        try {
          const answer = await nextCase(deps, actor);
          run.next.push(performance.now() - t);
          entry = answer.entry;
          run.waiting = answer.waiting;
        } catch (error) {
          fail('next case', error);
          await pause(100);
          continue;
        }
        if (!entry) {
          run.empty += 1;
          await pause(500);
          continue;
        }
        const caseId = entry.caseId;
        const other = holder.get(caseId);
        if (other !== undefined && other !== agent) {
          run.doubles += 1;
          if (run.doubleCases.length < 10)
            run.doubleCases.push(`${entry.reference} (agents ${other + 1} and ${agent + 1})`);
        }
        holder.set(caseId, agent);
        await pause(thinkMs);

        // Opening the case: the page's three requests, in parallel as the browser sends them.
        t = performance.now();
        try {
          await Promise.all([
            getCase(deps, actor, caseId),
            caseContact(deps, actor, caseId),
            caseWorkspace(deps, actor, caseId),
          ]);
          run.open.push(performance.now() - t);
        } catch (error) {
          fail('open case', error);
        }
        await pause(thinkMs);

        const body = callBody(calls++, entry.balanceCents, deps.now());
        t = performance.now();
        try {
          await recordCall(deps, actor, caseId, body);
          run.record.push(performance.now() - t);
          const kind = body.result ? `${body.outcome}+${body.result}` : body.outcome;
          run.outcomes[kind] = (run.outcomes[kind] ?? 0) + 1;
        } catch (error) {
          fail('record call', error);
        } finally {
          if (holder.get(caseId) === agent) holder.delete(caseId);
        }
        await pause(thinkMs);
      }
    }),
  );
  run.elapsed = (performance.now() - began) / 1000;
  loop.disable();
  run.loopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  run.activity = await sampler.stop();
  return run;
}

/**
 * Samples pg_stat_activity of the bench database on its own connection (outside the pool): how many of the pool's
 * connections run a query, wait on a lock (and in which statement), or sit idle in a transaction (the Node side
 * working between two statements).
 */
function sampleActivity() {
  const client = new pg.Client({ connectionString: scratch.url });
  const totals = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ what: string; count: number }>(`
        select case
            when a.wait_event_type = 'Lock' then 'lock wait (' || a.wait_event || ') in: ' || regexp_replace(left(a.query, 70), '[[:space:]]+', ' ', 'g')
            when a.state = 'active' and a.wait_event_type is not null then 'active, ' || a.wait_event_type || ':' || a.wait_event
            else a.state end as what,
          count(*)::int as count
        from pg_stat_activity a
        where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'
        group by 1`);
      samples += 1;
      for (const row of rows) totals.set(row.what, (totals.get(row.what) ?? 0) + row.count);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop.catch(() => {});
      await client.end().catch(() => {});
      return [...totals.entries()]
        .map(([what, total]) => ({ what, average: total / Math.max(1, samples) }))
        .sort((a, b) => b.average - a.average);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

async function queueFigures(db: Database, now: Date) {
  try {
    const { rows } = await db.executeSql<{
      team: string | null;
      tier: string;
      callable: string;
      later: string;
      never: string;
    }>(
      `select t.name as team, case q.tier when 3 then 'callback' when 2 then 'promise' when 1 then 'follow_up' else 'standard' end as tier,
         count(*) filter (where q.callable_from <= $1)::text as callable,
         count(*) filter (where q.callable_from > $1)::text as later,
         count(*) filter (where q.callable_from is null)::text as never
       from case_queue q left join teams t on t.id = q.team_id
       group by 1, 2 order by 1, 2`,
      [now],
    );
    for (const row of rows) {
      out(
        `queue: ${row.team ?? '(no team)'} / ${row.tier}: ${fmt(Number(row.callable))} callable now, ${fmt(Number(row.later))} later, ${fmt(Number(row.never))} not by phone`,
      );
    }
  } catch (error) {
    out(`queue: figures unavailable (${(error as Error).message})`);
  }
}

interface Checks {
  casesByTwoAgents: number;
  casesCalledTwice: number;
  contactsRecorded: number;
  leasesHeld: number | null;
}

async function afterRunChecks(db: Database, agents: Actor[], sinceIso: string): Promise<Checks> {
  const ids = agents.map((agent) => agent.userId);
  // A case leaves the calling queue for at least 4 h after a call (spacing), and a promise makes it wait for its date:
  // within the run, every call an agent recorded is on a case handed to that agent alone.
  const { rows } = await db.executeSql<{ by_two: string; twice: string; total: string }>(
    `with recorded as (
       select case_id, count(*) as calls, count(distinct recorded_by) as agents
       from contacts where recorded_by = any($1::uuid[]) and occurred_at >= $2::timestamptz group by case_id)
     select count(*) filter (where agents > 1)::text as by_two, count(*) filter (where calls > 1)::text as twice,
            coalesce(sum(calls), 0)::text as total from recorded`,
    [ids, sinceIso],
  );
  let leasesHeld: number | null;
  try {
    const leases = await db.executeSql<{ count: string }>(
      `select count(*)::text as count from case_queue where leased_by is not null`,
    );
    leasesHeld = Number(leases.rows[0]!.count);
  } catch {
    leasesHeld = null;
  }
  return {
    casesByTwoAgents: Number(rows[0]!.by_two),
    casesCalledTwice: Number(rows[0]!.twice),
    contactsRecorded: Number(rows[0]!.total),
    leasesHeld,
  };
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function report(loaded: Loaded, entries: number, rebuildSeconds: number, run: Run, checks: Checks) {
  const next = [...run.next].sort((a, b) => a - b);
  const open = [...run.open].sort((a, b) => a - b);
  const record = [...run.record].sort((a, b) => a - b);
  const line = (name: string, sorted: number[]) =>
    `${name}: ${fmt(sorted.length)} calls, p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms, p99 ${ms(percentile(sorted, 0.99))} ms, max ${ms(sorted[sorted.length - 1] ?? Number.NaN)} ms`;
  out(
    `machine: ${cpus().length} cpus (${cpus()[0]?.model ?? 'unknown'}), pool ${poolSize} connections, think time ${thinkMs} ms`,
  );
  out(line('next case', next));
  out(
    `next case: ${fmt(Math.round(next.length / run.elapsed))} next cases/s over ${run.elapsed.toFixed(1)} s; ${fmt(run.empty)} answered "nothing callable"; waiting at the end ${JSON.stringify(run.waiting)}`,
  );
  out(line('open case (getCase + caseContact + caseWorkspace in parallel)', open));
  out(line('record call', record));
  out(
    `node event loop delay during the run: p50 ${ms(run.loopDelay.p50)} ms, p99 ${ms(run.loopDelay.p99)} ms, max ${ms(run.loopDelay.max)} ms`,
  );
  out(
    `server connections, average over the run: ${run.activity
      .slice(0, 6)
      .map((a) => `${a.average.toFixed(1)} ${a.what}`)
      .join('; ')}`,
  );
  out(
    `outcomes: ${JSON.stringify(run.outcomes)}${Object.keys(run.errors).length > 0 ? `; errors ${JSON.stringify(run.errors)}` : '; no errors'}`,
  );
  out(
    `double assignments: ${run.doubles} in memory${run.doubleCases.length > 0 ? ` (${run.doubleCases.join(', ')})` : ''}; ` +
      `SQL: ${checks.casesByTwoAgents} cases called by two agents, ${checks.casesCalledTwice} cases called twice, ` +
      `${fmt(checks.contactsRecorded)} calls recorded, ${checks.leasesHeld ?? '?'} leases held at the end`,
  );
  const nextOk = percentile(next, 0.99) <= 50;
  const openOk = percentile(open, 0.99) <= 200;
  const doubles = run.doubles + checks.casesByTwoAgents;
  out(
    `bars: next case p99 ≤ 50 ms ${nextOk ? 'met' : 'NOT met'}; open case p99 ≤ 200 ms ${openOk ? 'met' : 'NOT met'}; ` +
      `double assignments ${doubles === 0 ? 'none' : doubles}; load ${loaded.seconds.toFixed(1)} s, rebuild ${rebuildSeconds.toFixed(1)} s (${fmt(entries)} entries)`,
  );
  const rebuildRate = entries / rebuildSeconds;
  const rebuildOk = rebuildRate >= REBUILD_BAR_ENTRIES / REBUILD_BAR_SECONDS;
  const errors = Object.values(run.errors).reduce((sum, count) => sum + count, 0);
  const verdict = (ok: boolean) => (ok && errors === 0 ? 'met' : 'NOT met');
  out(
    `bench:queue ${fmt(caseCount)} cases, ${agentCount} agents · next-case p99 ${ms(percentile(next, 0.99))} ms (bar ≤ 50 ms): ${verdict(nextOk)} · ` +
      `open-case p99 ${ms(percentile(open, 0.99))} ms (bar ≤ 200 ms): ${verdict(openOk)} · ` +
      `rebuild ${fmt(entries)} entries in ${rebuildSeconds.toFixed(1)} s, ${fmt(Math.round(rebuildRate))} entries/s ` +
      `(bar ${fmt(REBUILD_BAR_ENTRIES)} in ≤ ${REBUILD_BAR_SECONDS} s, ${fmt(Math.ceil(REBUILD_BAR_ENTRIES / REBUILD_BAR_SECONDS))} entries/s): ${verdict(rebuildOk)} · ` +
      `double assignments ${doubles}: ${verdict(doubles === 0)} · errors ${errors}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The database: created, migrated, dropped at the end (also on failure or interruption).

const scratch = await createScratchDatabase(serverUrl, `accord_bench_queue_${process.pid}_${randomUUID().slice(0, 8)}`);
let database: Database | null = null;
let cleaned: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaned ??= (async () => {
    try {
      await database?.close();
    } catch {
      // the pool may already be gone
    }
    if (keepDatabase) {
      process.stderr.write(`bench:queue: database ${scratch.name} kept (BENCH_KEEP_DB=1)\n`);
      await scratch.keep();
    } else {
      await scratch.drop();
    }
  })();
  return cleaned;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench:queue: ${signal}, dropping ${scratch.name}\n`);
    // Connections still running a statement are cut by the drop: their errors no longer matter.
    process.on('uncaughtException', () => {});
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  database = await openDatabase({ url: scratch.url, maxConnections: poolSize });
  await migrate(database);
  let clockBase = performance.now();
  const deps: Deps = {
    database,
    db: database.db,
    config: loadConfig({}, { LOG_LEVEL: 'silent', JOBS: 'off' }),
    // The fixed moment, advancing with the real elapsed time.
    now: () => new Date(START + (performance.now() - clockBase)),
    jobs: null,
  };

  const loaded = await load(database);
  if (loadOnly) {
    out(
      `bench:queue load only: ${fmt(caseCount)} cases in ${loaded.seconds.toFixed(1)} s (${fmt(Math.round(caseCount / loaded.seconds))} cases/s) on ${cpus().length} cpus`,
    );
  } else {
    // The queues, built by the product.
    clockBase = performance.now();
    const rebuildBegan = performance.now();
    const rebuilt = await rebuildQueue(deps);
    const rebuildSeconds = (performance.now() - rebuildBegan) / 1000;
    out(
      `rebuild: ${fmt(rebuilt.entries)} queue entries in ${rebuildSeconds.toFixed(1)} s (${fmt(Math.round(rebuilt.entries / rebuildSeconds))} entries/s)`,
    );
    // The nightly rebuild runs hours before the agents start: by then autovacuum and a checkpoint have passed over
    // its million updated rows. Do the same here, so the run measures the working day and not the night's cleanup.
    await database.executeSql('vacuum analyze case_queue');
    await database.executeSql('analyze');
    await database.executeSql('checkpoint');
    await queueFigures(database, deps.now());

    // Contacts made since the rebuild by other means (a dialer, an inbound call): those entries are stale until the
    // sweep, so next case meets refusals it must push back.
    const stale = await database.executeSql<{ count: string }>(
      `with made as (
         insert into contacts (debtor_id, case_id, channel, direction, outcome, conversation, occurred_at, recorded_at, policy_version, decision)
         select debtor_id, id, 'phone', 'outbound', 'no_answer', false, $1::timestamptz, $1::timestamptz, 1,
           ${ALLOWED_DECISION("'phone'", '$1::timestamptz')}
         from cases where status = 'open' and (hashint8extended(abs(hashtext(reference))::bigint, 11) & 2147483647) % 50 = 0
         returning 1)
       select count(*)::text as count from made`,
      [new Date(START - 20 * MINUTE)],
    );
    out(
      `stale entries: ${fmt(Number(stale.rows[0]!.count))} cases got a phone contact after the rebuild (refused by the 4 h spacing at next case)`,
    );

    const agents = await agentActors(database);
    // A server that runs all day has its pool open: connect it before measuring.
    await Promise.all(Array.from({ length: poolSize }, () => database!.executeSql('select 1')));
    const run = await drive(deps, agents);
    const checks = await afterRunChecks(database, agents, run.sinceIso);
    report(loaded, rebuilt.entries, rebuildSeconds, run, checks);
  }
} finally {
  await cleanup();
}
