import { performance } from 'node:perf_hooks';
import { decideContact } from '../../src/contact-policy/core/decide.js';
import type { ContactFacts, PastContact } from '../../src/contact-policy/core/facts.js';
import { compiledDefault, facts, MOSELLE, PARIS, REUNION, ROME } from '../../src/contact-policy/core/fixtures.js';
import { CHANNELS, HOLD_KINDS } from '../../src/contact-policy/core/policy-document.js';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Deps } from '../../src/platform/deps.js';
import { buildApp } from '../../src/app/route-registry.js';
import { Random } from '../../src/demo/random.js';
import { createScratchDatabase } from './scratch-database.js';
import { DAY_MS } from '../../src/platform/calendar/index.js';

/**
 * npm run bench:policy — contact decisions per second on one core, for debtors with realistic histories (30 past
 * contacts over four months across all channels, some holds, opt-outs, callbacks and preferences), at moments
 * spread over a year; then the contact-permission endpoint under load against PostgreSQL (BENCH_DATABASE_URL,
 * its own database, dropped afterwards): p50 and p99 latency with concurrent callers.
 * Bar: ≥ 200,000 decisions/s. BENCH_POLICY_SECONDS, BENCH_DEBTORS and BENCH_CONCURRENCY change the sizes.
 */

const DAY = DAY_MS;
const seconds = Number(process.env.BENCH_POLICY_SECONDS ?? 5);
const debtorCount = Number(process.env.BENCH_DEBTORS ?? 20_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const random = new Random(20261124);
const policy = compiledDefault();
const start = Date.parse('2026-01-05T00:00:00Z');

function realisticFacts(base: number): ContactFacts {
  const history: PastContact[] = [];
  for (let i = 0; i < 30; i += 1) {
    const channel = random.pick(CHANNELS);
    const conversation = channel === 'phone' && random.chance(0.15);
    history.push({
      at: base - random.int(1, 120 * 24) * 3_600_000,
      channel,
      direction: random.chance(0.9) ? 'outbound' : 'inbound',
      conversation,
    });
  }
  history.sort((a, b) => a.at - b.at);
  return facts({
    location: random.pick([PARIS, PARIS, PARIS, MOSELLE, REUNION, ROME]),
    history,
    holds: random.chance(0.05)
      ? [
          {
            kind: random.pick(HOLD_KINDS),
            startsAt: base - 10 * DAY,
            endsAt: random.chance(0.5) ? base + 20 * DAY : null,
            reviewAt: base + 30 * DAY,
          },
        ]
      : [],
    optOuts: random.chance(0.05) ? { phone: base - 5 * DAY } : {},
    preferences: {
      channels: random.chance(0.05) ? ['email', 'letter'] : null,
      windows: random.chance(0.05) ? [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '20:00' }] : null,
      callbacks: random.chance(0.05) ? [{ at: base + random.int(1, 48) * 3_600_000, channel: 'phone' }] : [],
    },
  });
}

function decisionsPerSecond() {
  const samples = Array.from({ length: 2_000 }, (_, index) => {
    const base = start + random.int(0, 360) * DAY + random.int(0, 24 * 60) * 60_000;
    return { facts: realisticFacts(base), at: base, channel: CHANNELS[index % 4]! };
  });
  // Warm the compiled calendars and zone caches, as a running server would have them.
  for (const sample of samples) decideContact(policy, sample.facts, sample.channel, sample.at);
  let decisions = 0;
  let allowed = 0;
  const began = performance.now();
  while (performance.now() - began < seconds * 1000) {
    for (const sample of samples) {
      if (decideContact(policy, sample.facts, sample.channel, sample.at).allowed) allowed += 1;
      decisions += 1;
    }
  }
  const elapsed = (performance.now() - began) / 1000;
  return { rate: Math.round(decisions / elapsed), allowedShare: allowed / decisions };
}

async function endpointLatency() {
  const scratch = await createScratchDatabase(serverUrl, `accord_bench_policy_${process.pid}`);
  const database = await openDatabase({ url: scratch.url });
  try {
    await migrate(database);
    const deps: Deps = {
      database,
      db: database.db,
      config: loadConfig({}, { LOG_LEVEL: 'silent', JOBS: 'off' }),
      now: () => new Date(),
    };
    await loadDemo(deps, { debtors: 50 });
    await seedDebtors(database.db);
    const app = await buildApp(deps, { logger: false, webDist: '/nonexistent' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@demo.accord.test', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const ids = (
      await database.db.selectFrom('debtors').select('id').where('last_name', 'like', 'Bench%').execute()
    ).map((row) => row.id);
    const latencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const id = ids[Math.floor(Math.random() * ids.length)]!;
          const channel = CHANNELS[Math.floor(Math.random() * 4)];
          const began = performance.now();
          const response = await fetch(`${address}/api/v1/debtors/${id}/contact-permission?channel=${channel}`, {
            headers: { cookie },
          });
          if (response.status !== 200)
            throw new Error(`contact-permission answered ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
          latencies.push(performance.now() - began);
        }
      }),
    );
    await app.close();
    latencies.sort((a, b) => a - b);
    const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]!;
    return {
      requests: latencies.length,
      perSecond: Math.round(latencies.length / seconds),
      p50: at(0.5),
      p99: at(0.99),
    };
  } finally {
    await database.close();
    await scratch.drop();
  }
}

/** Debtors with an address, a mobile, a case and 30 contacts over four months, written set-based. */
async function seedDebtors(db: Deps['db']) {
  const { sql } = await import('kysely');
  await sql`
    with creditor as (select c.id as creditor_id, m.id as mandate_id from creditors c join mandates m on m.creditor_id = c.id limit 1),
    made as (
      insert into debtors (kind, first_name, last_name, language)
      select 'person', 'Bench', 'Bench' || n, 'fr' from generate_series(1, ${debtorCount}) n
      returning id
    ),
    addresses as (
      insert into debtor_addresses (debtor_id, line1, postal_code, city, country, subdivision, time_zone, is_primary)
      select id, '1 rue du Banc', '75001', 'Paris', 'FR', '75', 'Europe/Paris', true from made
    ),
    phones as (
      insert into debtor_contact_points (debtor_id, channel, value, usage)
      select id, 'phone', '+336' || lpad((row_number() over ())::text, 8, '0'), 'mobile' from made
    )
    insert into cases (reference, creditor_id, mandate_id, debtor_id, stage, opened_on, first_letter_sent_on, first_letter_reference)
    select 'BENCH-' || row_number() over (), creditor.creditor_id, creditor.mandate_id, made.id, 'amicable', '2026-01-01', '2026-01-03', 'LR-BENCH'
    from made, creditor`.execute(db);
  await sql`
    insert into contacts (debtor_id, case_id, channel, direction, outcome, conversation, occurred_at, recorded_at, policy_version, decision)
    select k.debtor_id, k.id, (array['phone','sms','email','letter'])[1 + (g % 4)], 'outbound', 'no_answer', false,
           now() - (((k.reference_hash + g * 97) % (120 * 24)) || ' hours')::interval, now(), 1, '{}'::jsonb
    from (select id, debtor_id, abs(hashtext(reference)) as reference_hash from cases where reference like 'BENCH-%') k,
         generate_series(1, 30) g`.execute(db);
  await sql`analyze`.execute(db);
}

const core = decisionsPerSecond();
process.stdout.write(
  `core: ${core.rate.toLocaleString('en')} decisions/s on one core (${Math.round(core.allowedShare * 100)} % allowed, 30 past contacts each)\n`,
);
const endpoint =
  process.env.BENCH_POLICY_ENDPOINT === 'off' ? { perSecond: 0, p50: 0, p99: 0 } : await endpointLatency();
process.stdout.write(
  `endpoint: GET /debtors/{id}/contact-permission, ${concurrency} concurrent callers, ${debtorCount.toLocaleString('en')} debtors × 30 contacts on PostgreSQL: ` +
    `${endpoint.perSecond.toLocaleString('en')} requests/s, p50 ${endpoint.p50.toFixed(1)} ms, p99 ${endpoint.p99.toFixed(1)} ms\n`,
);
process.stdout.write(
  `policy: ${core.rate.toLocaleString('en')} decisions/s (bar 200,000: ${core.rate >= 200_000 ? 'met' : 'NOT met'}); endpoint p50 ${endpoint.p50.toFixed(1)} ms, p99 ${endpoint.p99.toFixed(1)} ms at ${endpoint.perSecond.toLocaleString('en')} req/s\n`,
);
