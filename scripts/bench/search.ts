import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../src/identity/actor.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { search } from '../../src/search/search.js';
import { createScratchDatabase, existingDatabase, type ScratchDatabase } from './scratch-database.js';

/**
 * npm run bench:search — the search box under a working day's typing, on a PostgreSQL server (BENCH_DATABASE_URL; its
 * own database, dropped afterwards). Loads BENCH_CASES cases (default 1,000,000) set-based, each debtor with a name
 * (some 8,000 last names, so a prefix matches thousands), the creditor's identity and reference, a claim, a mobile,
 * an e-mail and an address, each fact with the creditor that supplied it; then BENCH_USERS users (default 20, one in
 * five a creditor user) type, for BENCH_SEARCH_SECONDS (default 60), the start of a name, a reference, a phone number
 * (national format, with spaces) or an e-mail, one character every BENCH_THINK_MS (default 150, ± half: a typist
 * with the box's debounce), each keystroke from the second character a search as the box sends it.
 * Bar: p99 ≤ 100 ms for each kind. BENCH_KEEP_DB=1 keeps the database (to study plans); BENCH_REUSE_DB=<name> runs
 * again on a kept one (migrated to this commit, not loaded again; BENCH_CASES as when it was loaded).
 */

const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const userCount = Number(process.env.BENCH_USERS ?? 20);
const seconds = Number(process.env.BENCH_SEARCH_SECONDS ?? 60);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 150);
const keepDatabase = process.env.BENCH_KEEP_DB === '1';
/** A database an earlier run kept (BENCH_KEEP_DB=1): migrated to this commit, not loaded again, kept afterwards. */
const reuseDatabase = process.env.BENCH_REUSE_DB ?? null;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BAR_MS = 100;
const KINDS = ['name', 'reference', 'phone', 'email'] as const;
type Kind = (typeof KINDS)[number];

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('en');

/** A stable uuid for row `n` of kind `kind` (SQL expression). */
const uid = (kind: string, n: string) =>
  `overlay(overlay(md5('${kind}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;
/** A stable pseudo-random integer in [0, 2^31) for row `n` and draw `k` (SQL expression). */
const h = (n: string, k: number) => `((hashint8extended((${n})::bigint, ${k}) & 2147483647)::int)`;
const pick = (list: readonly string[], k: number) =>
  `(array[${list.map((v) => `'${v}'`).join(',')}])[1 + ${h('g', k)} % ${list.length}]`;

const SYLLABLES = ['Ber', 'Mar', 'Du', 'Le', 'Ro', 'Fon', 'Gar', 'Lau', 'Mo', 'Pe', 'Ri', 'Dal', 'Ché', 'Va', 'Bou'];
const ENDINGS = ['nard', 'tin', 'pont', 'roy', 'ux', 'taine', 'cia', 'rent', 'reau', 'tit', 'chard', 'mas', 'vier'];
const FIRST = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Lucas',
  'Hugo',
  'Louis',
  'Jules',
  'Marie',
  'Giulia',
  'Marco',
];
const DOMAINS = ['example.fr', 'mail.test', 'courriel.test', 'posta.test'];
/** Last names of two or three parts: 15 × 15 × 13 ≈ 2,900 of three parts and 195 of two. */
const lastName = `${pick(SYLLABLES, 1)} || case when ${h('g', 2)} % 4 = 0 then '' else lower(${pick(SYLLABLES, 3)}) end || ${pick(ENDINGS, 4)}`;
const firstName = pick(FIRST, 5);
/** Creditor 0–4 of the case; every 40th debtor has a second case with the next creditor. */
const CREDITORS = 5;

async function load(db: Database) {
  const began = performance.now();
  const n = caseCount;
  const creditorIds = Array.from({ length: CREDITORS }, () => randomUUID());
  const mandateIds = creditorIds.map(() => randomUUID());
  const pickId = (ids: string[], index: string) =>
    `(array[${ids.map((id) => `'${id}'::uuid`).join(',')}])[1 + (${index}) % ${ids.length}]`;
  await db.executeSql(`
    insert into creditors (id, code, name, legal_name, sector, country, address_line1, postal_code, city) values
      ${creditorIds.map((id, i) => `('${id}', 'BENCH${i}', 'Bench ${i}', 'Bench ${i} SA', 'bank', 'FR', '1 place de la Bourse', '75002', 'Paris')`).join(',\n')};
    insert into mandates (id, creditor_id, code, kind, commission_rate_bp, starts_on) values
      ${creditorIds.map((id, i) => `('${mandateIds[i]}', '${id}', 'M1', 'collection', 1500, '2024-01-01')`).join(',\n')};`);
  // Row g is debtor g and its case; rows g > n are second cases (of debtor (g - n) * 40, next creditor).
  const seconds_ = Math.floor(n / 40);
  const debtorOf = `(case when g <= ${n} then g else (g - ${n}) * 40 end)`;
  const creditorOf = `(case when g <= ${n} then g else (g - ${n}) * 40 + 1 end)`;
  const statements: [string, string][] = [
    [
      'debtors',
      `insert into debtors (id, kind, first_name, last_name, birth_date, language)
       select ${uid('d', 'g')}, 'person', ${firstName}, ${lastName}, date '1950-01-01' + (${h('g', 6)} % 18000), 'fr'
       from generate_series(1, ${n}) g`,
    ],
    [
      'cases',
      `insert into cases (id, reference, creditor_id, mandate_id, debtor_id, stage, status, balance_cents, opened_on)
       select ${uid('c', 'g')}, 'ACC-2026-' || lpad(g::text, 7, '0'), ${pickId(creditorIds, creditorOf)},
         ${pickId(mandateIds, creditorOf)}, ${uid('d', debtorOf)}, 'amicable', 'open', 10000 + ${h('g', 7)} % 500000,
         date '2026-01-01' + (${h('g', 8)} % 300)
       from generate_series(1, ${n + seconds_}) g`,
    ],
    [
      'claims',
      `insert into claims (case_id, creditor_id, reference, contract_type, principal_cents, default_on)
       select ${uid('c', 'g')}, ${pickId(creditorIds, creditorOf)}, 'CL' || (${creditorOf} % ${CREDITORS}) || '-' || g,
         'consumer_credit', 10000, date '2025-06-01'
       from generate_series(1, ${n + seconds_}) g`,
    ],
    [
      'references',
      `insert into debtor_references (creditor_id, reference, debtor_id, first_name, last_name, birth_date)
       select ${pickId(creditorIds, creditorOf)}, 'R' || (${creditorOf} % ${CREDITORS}) || '-' || g, ${uid('d', debtorOf)},
         d.first_name, d.last_name, d.birth_date
       from generate_series(1, ${n + seconds_}) g join debtors d on d.id = ${uid('d', debtorOf)}`,
    ],
    [
      'phones',
      `insert into debtor_contact_points (id, debtor_id, channel, value, usage)
       select ${uid('p', 'g')}, ${uid('d', 'g')}, 'phone', '+33' || (6 + g % 2) || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'), 'mobile'
       from generate_series(1, ${n}) g`,
    ],
    [
      'e-mails',
      `insert into debtor_contact_points (id, debtor_id, channel, value, usage)
       select ${uid('e', 'g')}, d.id, 'email', lower(search_fold(d.first_name)) || '.' || replace(search_fold(d.last_name), ' ', '') || g || '@' || ${pick(DOMAINS, 9)}, 'personal'
       from generate_series(1, ${n}) g join debtors d on d.id = ${uid('d', 'g')}`,
    ],
    [
      'addresses',
      `insert into debtor_addresses (id, debtor_id, line1, postal_code, city, country, time_zone, is_primary)
       select ${uid('a', 'g')}, ${uid('d', 'g')}, (1 + g % 120) || ' rue de la République', lpad((1000 + ${h('g', 10)} % 94000)::text, 5, '0'), 'Ville', 'FR', 'Europe/Paris', true
       from generate_series(1, ${n}) g`,
    ],
    [
      'sources',
      `insert into debtor_contact_point_sources (contact_point_id, creditor_id)
       select ${uid('p', 'g')}, ${pickId(creditorIds, 'g')} from generate_series(1, ${n}) g
       union all select ${uid('e', 'g')}, ${pickId(creditorIds, 'g')} from generate_series(1, ${n}) g;
       insert into debtor_address_sources (address_id, creditor_id)
       select ${uid('a', 'g')}, ${pickId(creditorIds, 'g')} from generate_series(1, ${n}) g`,
    ],
  ];
  const steps: string[] = [];
  await db.withConnection(async ({ run }) => {
    // Rows consistent by construction: no foreign-key triggers during the bulk load.
    await run('set session_replication_role = replica');
    for (const [name, text] of statements) {
      const t = performance.now();
      await run(text);
      steps.push(`${name} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await run('set session_replication_role = origin');
  });
  await db.executeSql('vacuum analyze');
  out(
    `load: ${fmt(n + seconds_)} cases, ${fmt(n)} debtors in ${((performance.now() - began) / 1000).toFixed(1)} s (${steps.join(', ')})`,
  );
  return creditorIds;
}

/** The creditors an earlier run loaded, in the order it made them. */
async function benchCreditors(db: Database): Promise<string[]> {
  const { rows } = await db.executeSql<{ id: string }>(
    `select id from creditors where code like 'BENCH%' order by code`,
  );
  if (rows.length !== CREDITORS)
    throw new Error(`BENCH_REUSE_DB: expected ${CREDITORS} bench creditors, found ${rows.length}`);
  return rows.map((row) => row.id);
}

/** What a user types to find row g: the whole text, typed a character at a time. */
async function targets(db: Database, count: number) {
  const { rows } = await db.executeSql<{ name: string; reference: string; phone: string; email: string }>(
    `select d.last_name || ' ' || d.first_name as name,
       case when g % 2 = 0 then c.reference else r.reference end as reference,
       p.value as phone, e.value as email
     from (select (1 + (hashint8extended(i, 42) & 2147483647) % ${caseCount})::int as g from generate_series(1, ${count}) i) x
     join debtors d on d.id = ${uid('d', 'x.g')}
     join cases c on c.id = ${uid('c', 'x.g')}
     join debtor_references r on r.debtor_id = d.id and r.creditor_id = c.creditor_id
     join debtor_contact_points p on p.id = ${uid('p', 'x.g')}
     join debtor_contact_points e on e.id = ${uid('e', 'x.g')}`,
  );
  return rows.map((row) => ({
    name: row.name,
    reference: row.reference,
    // As people say and type it: 06 12 34 56 78.
    phone: `0${row.phone.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 '),
    email: row.email,
  }));
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

async function drive(deps: Deps, actors: Actor[], texts: Awaited<ReturnType<typeof targets>>) {
  const times: Record<Kind, number[]> = { name: [], reference: [], phone: [], email: [] };
  let errors = 0;
  let found = 0;
  const pause = () => new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    actors.map(async (actor, user) => {
      let turn = user;
      while (performance.now() < until) {
        const kind = KINDS[turn % KINDS.length]!;
        const text = texts[(turn * 7 + user) % texts.length]![kind];
        turn += 1;
        // Names and e-mails are found within a few letters; a phone or a reference is typed longer.
        const stop = Math.min(text.length, kind === 'name' || kind === 'email' ? 9 : text.length);
        for (let length = 2; length <= stop && performance.now() < until; length += 1) {
          await pause();
          const t = performance.now();
          try {
            const answer = await search(deps, actor, { q: text.slice(0, length), limit: 8 });
            times[kind].push(performance.now() - t);
            if (length === stop && answer.groups.length > 0) found += 1;
          } catch (error) {
            errors += 1;
            if (errors === 1) process.stderr.write(`bench:search: ${(error as Error).message}\n`);
          }
        }
      }
    }),
  );
  return { times, errors, found };
}

const scratch: ScratchDatabase = reuseDatabase
  ? existingDatabase(serverUrl, reuseDatabase)
  : await createScratchDatabase(serverUrl, `accord_bench_search_${process.pid}_${randomUUID().slice(0, 8)}`);
let database: Database | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.on('uncaughtException', () => {});
    void database
      ?.close()
      .catch(() => {})
      .finally(() => void scratch.drop().finally(() => process.exit(130)));
  });
}
try {
  database = await openDatabase({ url: scratch.url, maxConnections: userCount + 5 });
  await migrate(database);
  const creditorIds = reuseDatabase ? await benchCreditors(database) : await load(database);
  const deps: Deps = {
    database,
    db: database.db,
    config: loadConfig({}, { LOG_LEVEL: 'silent', JOBS: 'off' }),
    now: () => new Date(),
    jobs: null,
  };
  const actors: Actor[] = Array.from({ length: userCount }, (_, i) =>
    i % 5 === 4
      ? {
          userId: randomUUID(),
          role: 'creditor_user',
          creditorId: creditorIds[i % CREDITORS]!,
          displayName: `Creditor ${i}`,
          email: `c${i}@bench.test`,
          locale: 'fr',
        }
      : {
          userId: randomUUID(),
          role: 'agent',
          creditorId: null,
          displayName: `Agent ${i}`,
          email: `a${i}@bench.test`,
          locale: 'fr',
        },
  );
  const texts = await targets(database, 2_000);
  await Promise.all(Array.from({ length: userCount + 5 }, () => database!.executeSql('select 1')));
  const { times, errors, found } = await drive(deps, actors, texts);
  out(
    `machine: ${cpus().length} cpus, ${userCount} users (${actors.filter((a) => a.creditorId).length} creditor users), think ${thinkMs} ms, ${seconds} s`,
  );
  const verdicts = KINDS.map((kind) => {
    const sorted = [...times[kind]].sort((a, b) => a - b);
    const p99 = percentile(sorted, 0.99);
    out(
      `${kind}: ${fmt(sorted.length)} searches, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`,
    );
    return { kind, p99, ok: p99 <= BAR_MS };
  });
  out(`errors ${errors}, texts typed to the end that found something ${fmt(found)}`);
  const met = errors === 0 && verdicts.every((v) => v.ok);
  out(
    `bench:search ${fmt(caseCount)} cases · p99 ${verdicts.map((v) => `${v.kind} ${v.p99.toFixed(1)} ms`).join(' · ')} (bar ≤ ${BAR_MS} ms each): ${met ? 'met' : 'NOT met'}`,
  );
} finally {
  await database?.close().catch(() => {});
  if (keepDatabase || reuseDatabase) await scratch.keep();
  else await scratch.drop();
}
