import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { importStatement } from '../../src/bank-files/import-statement.js';
import { loadDemo } from '../../src/demo/seed.js';
import { staffActor } from '../../src/identity/actor.js';
import { verifyLedger } from '../../src/ledger/verify.js';
import { recordPayment } from '../../src/payments/record-payment.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { availableParallelism, loadavg } from 'node:os';
import { paymentFloor } from './payment-floor.js';
import { pgbenchBinary, tpcbReference } from './pgbench.js';
import { createScratchDatabase } from './scratch-database.js';

/**
 * npm run bench:payments — records 100,000 payments through the payment service (idempotency, allocation by law,
 * ledger entries, receipt number, audit entry, each in its own transaction, with concurrent callers on different
 * cases), then imports a camt.053 statement of 100,000 credit lines naming the cases, on a PostgreSQL server
 * (BENCH_DATABASE_URL; its own database, dropped afterwards). Ends with ledger:verify over the whole ledger.
 * Its reference, measured in the same run on the same server just before the payments: pgbench's TPC-B with as many
 * clients as the payments have callers (BENCH_PGBENCH_SECONDS, default 20), or the same transaction in SQL when
 * pgbench is not installed. After ledger:verify, the floor of a payment on this server (payment-floor.ts): the same rows
 * written by pgbench in plain SQL with as many clients, for as long. The last line gives each bar with its figure, its
 * reference and met / NOT met, and the machine's load average (the figures move with it).
 * BENCH_PAYMENTS, BENCH_STATEMENT_LINES and BENCH_CONCURRENCY change the sizes; BENCH_LOG_MIN_DURATION_MS has the
 * server log this run's statements slower than that, to profile them, and BENCH_EXPLAIN_MS their plans as run.
 */

const payments = Number(process.env.BENCH_PAYMENTS ?? 100_000);
const statementLines = Number(process.env.BENCH_STATEMENT_LINES ?? 100_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const caseCount = Math.max(concurrency * 10, Math.ceil(Math.max(payments, statementLines) / 5));

const scratch = await createScratchDatabase(serverUrl, `accord_bench_payments_${process.pid}`);
// BENCH_LOG_MIN_DURATION_MS: the server logs this run's statements slower than that (its own database only);
// BENCH_EXPLAIN_MS: it logs their plans too, with the time and rows of each step (auto_explain, ANALYZE).
const settings = [
  ...(process.env.BENCH_LOG_MIN_DURATION_MS === undefined
    ? []
    : [`log_min_duration_statement = ${Number(process.env.BENCH_LOG_MIN_DURATION_MS)}`]),
  ...(process.env.BENCH_EXPLAIN_MS === undefined
    ? []
    : [
        `session_preload_libraries = 'auto_explain'`,
        `auto_explain.log_min_duration = ${Number(process.env.BENCH_EXPLAIN_MS)}`,
        'auto_explain.log_analyze = on',
        'auto_explain.log_buffers = on',
        'auto_explain.log_nested_statements = on',
        'auto_explain.log_triggers = on',
      ]),
];
if (settings.length > 0) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const setting of settings) await admin.query(`alter database ${scratch.name} set ${setting}`);
  await admin.end();
}
const database = await openDatabase({ url: scratch.url, maxConnections: concurrency + 2 });

try {
  await migrate(database);
  const deps: Deps = {
    database,
    db: database.db,
    config: loadConfig({}, { LOG_LEVEL: 'silent', JOBS: 'off' }),
    now: () => new Date(),
  };
  await loadDemo(deps, { debtors: 20 });
  const user = await deps.db.selectFrom('users').selectAll().where('role', '=', 'manager').executeTakeFirstOrThrow();
  const actor = staffActor(user);

  // Cases with two claims each (an old one with interest, a newer one), written set-based.
  await sql`
    with target as (select c.id as creditor_id, m.id as mandate_id from creditors c join mandates m on m.creditor_id = c.id where c.code = 'BHORIZON' limit 1),
    made as (
      insert into debtors (kind, first_name, last_name, language)
      select 'person', 'Bench', 'Paiement ' || n, 'fr' from generate_series(1, ${caseCount}) n returning id
    ),
    numbered as (select id, row_number() over () as n from made),
    opened as (
      insert into cases (reference, creditor_id, mandate_id, debtor_id, stage, opened_on, balance_cents)
      select 'ACC-2027-' || lpad(n::text, 6, '0'), target.creditor_id, target.mandate_id, numbered.id, 'amicable', '2026-01-01', 1000000
      from numbered, target returning id, creditor_id
    )
    insert into claims (case_id, creditor_id, reference, contract_type, principal_cents, interest_cents, fees_cents, default_on)
    select id, creditor_id, 'BENCH-' || id || '-' || k, 'consumer_credit', 400000, 80000, 20000, case when k = 1 then date '2025-03-01' else date '2026-02-01' end
    from opened, generate_series(1, 2) k`.execute(deps.db);
  await sql`analyze`.execute(deps.db);
  const cases = await deps.db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('reference', 'like', 'ACC-2027-%')
    .orderBy('reference')
    .execute();

  // 0. The server's reference, just before the payments.
  const reference = await tpcbReference(serverUrl, concurrency, Number(process.env.BENCH_PGBENCH_SECONDS ?? 20));

  // 1. Payments through the service, concurrent callers on distinct cases.
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (;;) {
        const index = next++;
        if (index >= payments) return;
        // Each worker keeps to its own cases, as agents do.
        const target = cases[(index % Math.floor(cases.length / concurrency)) * concurrency + worker]!;
        await recordPayment(
          deps,
          actor,
          {
            caseId: target.id,
            amountCents: 1_000 + (index % 50) * 137,
            channel: 'bank_transfer',
            receivedOn: '2026-11-20',
          },
          { idempotencyKey: `bench-${index}`, source: 'api' },
        );
      }
    }),
  );
  const paymentSeconds = (performance.now() - began) / 1000;

  // 2. A statement of credit lines, each naming a case in its remittance text.
  const entries: string[] = [];
  for (let i = 0; i < statementLines; i += 1) {
    const reference = cases[i % cases.length]!.reference;
    const cents = 2_000 + (i % 97) * 11;
    entries.push(
      `<Ntry><NtryRef>${i + 1}</NtryRef><Amt Ccy="EUR">${(cents / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>` +
        `<BookgDt><Dt>2026-11-21</Dt></BookgDt><ValDt><Dt>2026-11-21</Dt></ValDt><AcctSvcrRef>BENCH-${i + 1}</AcctSvcrRef>` +
        `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
        `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Dbtr><Nm>Payeur ${i}</Nm></Dbtr></RltdPties>` +
        `<RmtInf><Ustrd>Remboursement dossier ${reference}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    );
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>BENCH-STMT-1</MsgId><CreDtTm>2026-11-21T22:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-1</Id>` +
    `<CreDtTm>2026-11-21T22:00:00+01:00</CreDtTm><Acct><Id><IBAN>FR7630006000010001234560183</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    entries.join('') +
    `</Stmt></BkToCstmrStmt></Document>`;
  const statementBegan = performance.now();
  const { report } = await importStatement(
    deps,
    actor,
    { body: Buffer.from(xml), fileName: 'bench-camt053.xml' },
    null,
  );
  const statementSeconds = (performance.now() - statementBegan) / 1000;

  const verification = await verifyLedger(deps.db);
  // 3. The floor: the rows of a payment written by pgbench in plain SQL, on the database as the run left it.
  const binary = pgbenchBinary();
  const floor = binary
    ? await paymentFloor(binary, scratch.url, {
        clients: concurrency,
        seconds: Number(process.env.BENCH_PGBENCH_SECONDS ?? 20),
        cases: cases.length,
        actorUserId: user.id,
      })
    : null;
  const paymentRate = Math.round(payments / paymentSeconds);
  const lineRate = Math.round(statementLines / statementSeconds);
  process.stdout.write(
    `payments: ${payments.toLocaleString('en')} through the service in ${paymentSeconds.toFixed(1)} s, ${concurrency} concurrent callers\n`,
  );
  process.stdout.write(
    `statement: ${statementLines.toLocaleString('en')} lines in ${statementSeconds.toFixed(1)} s (${JSON.stringify(report.counts)})\n`,
  );
  process.stdout.write(
    `ledger:verify: ${verification.ok ? 'clean' : verification.violation} (${verification.transactions.toLocaleString('en')} transactions)\n`,
  );
  process.stdout.write(
    `payments: ${paymentRate.toLocaleString('en')} payments/s through the service; statement import: ${lineRate.toLocaleString('en')} lines/s\n`,
  );
  const share = paymentRate / reference.txPerSecond;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  // The machine may be busy with other work: the figures move with it, the ratio to the same run's reference less.
  const busy = loadavg()[0]! > availableParallelism() ? ', machine busy' : '';
  const load = `${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores${busy}`;
  process.stdout.write(
    `reference: ${reference.how}: ${Math.round(reference.txPerSecond).toLocaleString('en')} tx/s; load average ${load}\n`,
  );
  const floorLine =
    floor === null
      ? 'floor: not measured (pgbench is not installed)'
      : `floor: a payment's rows in plain SQL by pgbench, ${concurrency} clients: ${Math.round(floor).toLocaleString('en')} tx/s = ` +
        `${((floor / reference.txPerSecond) * 100).toFixed(1)} % of TPC-B; the service at ${((paymentRate / floor) * 100).toFixed(1)} % of it`;
  process.stdout.write(`${floorLine}\n`);
  process.stdout.write(
    `bars: payments ${paymentRate.toLocaleString('en')}/s with ${concurrency} callers = ${(share * 100).toFixed(1)} % of ${Math.round(reference.txPerSecond).toLocaleString('en')} TPC-B tx/s (bar >= 50 %) ${met(share >= 0.5)}` +
      `${floor === null ? '' : ` (its floor, the same rows in plain SQL: ${((floor / reference.txPerSecond) * 100).toFixed(1)} % of TPC-B)`}; ` +
      `statement ${lineRate.toLocaleString('en')} lines/s (bar >= 2,000; ${Math.round((lineRate / reference.txPerSecond) * 100)} % of the same TPC-B) ${met(lineRate >= 2000)}; ` +
      `ledger:verify ${verification.ok ? 'clean' : 'violated'} (bar clean) ${met(verification.ok)}; load average ${load}\n`,
  );
} finally {
  await database.close();
  await scratch.drop();
}
