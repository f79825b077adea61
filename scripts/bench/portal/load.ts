import { performance } from 'node:perf_hooks';
import { ACCESS_CODE_ALPHABET } from '../../../src/portal/core/access.js';
import type { Database } from '../../../src/platform/db/database.js';
import { caseCount, DAY, fmt, out, START } from '../queue/options.js';
import { h, runInParallel, uid, type Steps } from '../queue/load.js';

// What the portal needs beyond the queue bench's load (queue/load.ts, reused as is): every case's access code, as its
// letters print it, and every debtor's e-mail address, verified (where the one-time code goes).

/** Multiplying row numbers by this odd number modulo 2^50 is a bijection: ten base-32 digits, never twice the same. */
const CODE_FACTOR = 1_099_511_627_791n;
const CODE_MASK = (1n << 50n) - 1n;

/** The access code of case row `g` (SQL expression): ten letters and figures of Crockford's alphabet. */
function accessCodeSql(g: string): string {
  const x = `((${g})::bigint * ${CODE_FACTOR} & ${CODE_MASK})`;
  return Array.from(
    { length: 10 },
    (_, i) => `substr('${ACCESS_CODE_ALPHABET}', ((${x} >> ${5 * (9 - i)}) & 31)::int + 1, 1)`,
  ).join(' || ');
}

/** The e-mail address of debtor row `g`: the bench's visitors read their codes there (SQL and TypeScript). */
export const emailOf = (g: number) => `debtor${g}@portal.bench.test`;
const emailSql = (g: string) => `'debtor' || ${g} || '@portal.bench.test'`;

/** Loads the access codes and the verified e-mail addresses, set-based, on the queue loader's connections. */
export async function loadPortalFacts(db: Database): Promise<void> {
  const began = performance.now();
  const steps: Steps = [];
  const at = `timestamptz '${new Date(START - 800 * DAY).toISOString()}'`;
  await runInParallel(db, steps, [
    {
      name: 'access codes',
      text: `insert into portal_access_codes (case_id, code, created_at)
        select ${uid('c', 'g')}, ${accessCodeSql('g')}, ${at} from generate_series(1, ${caseCount}) g`,
    },
    {
      name: 'e-mails',
      // Debtor rows are every row number but the second cases' (g % 50 = 0, see queue/load.ts).
      text: `insert into debtor_contact_points (debtor_id, channel, value, usage, consent, source, verified_at, created_at)
        select ${uid('d', 'g')}, 'email', ${emailSql('g')}, 'personal', 'given', 'debtor', ${at}, ${at}
        from generate_series(1, ${caseCount}) g where g % 50 <> 0`,
    },
  ]);
  const t = performance.now();
  await db.executeSql('analyze portal_access_codes; analyze debtor_contact_points');
  steps.push({ name: 'analyze', seconds: (performance.now() - t) / 1000, rows: 0 });
  out(
    `portal facts: ${steps.map((s) => `${s.name} ${s.rows ? `${fmt(s.rows)} rows ` : ''}${s.seconds.toFixed(1)} s`).join(', ')} in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
}

/** One person the bench signs in as: their case, its access code, their birth date and their mailbox. */
export interface Visitor {
  caseId: string;
  accessCode: string;
  birthDate: string;
  email: string;
  balanceCents: number;
}

/**
 * `count` different people drawn at random among the open cases at the amicable stage (those a person can choose a
 * plan on alone), each by the first case of a debtor (so each case is paid once in the run).
 */
export async function drawVisitors(db: Database, count: number): Promise<Visitor[]> {
  const { rows } = await db.executeSql<{
    g: number;
    case_id: string;
    code: string;
    birth_date: string;
    balance_cents: string;
  }>(
    `select distinct on (x.g) x.g, c.id as case_id, p.code, to_char(d.birth_date, 'YYYY-MM-DD') as birth_date,
       c.balance_cents::text as balance_cents
     from (select (1 + ${h('i', 77)} % ${caseCount})::int as g from generate_series(1, ${count * 3}) i) x
     join cases c on c.id = ${uid('c', 'x.g')}
     join debtors d on d.id = c.debtor_id
     join portal_access_codes p on p.case_id = c.id
     where x.g % 50 <> 0 and c.stage = 'amicable' and c.status = 'open'
       -- A database kept from an earlier run (BENCH_REUSE_DB): its paid cases are not visited again.
       and not exists (select 1 from portal_card_payments k where k.case_id = c.id)
     order by x.g`,
  );
  // The same draw order whatever the size: shuffle by a stable hash, then keep `count`.
  const visitors = rows
    .map((row) => ({
      order: (row.g * 2_654_435_761) % 4_294_967_296,
      caseId: row.case_id,
      accessCode: row.code,
      birthDate: row.birth_date,
      email: emailOf(row.g),
      balanceCents: Number(row.balance_cents),
    }))
    .sort((a, b) => a.order - b.order)
    .slice(0, count)
    .map(({ order: _order, ...visitor }) => visitor);
  if (visitors.length < count)
    throw new Error(`only ${visitors.length} amicable cases drawn for ${count} visits: raise BENCH_CASES`);
  return visitors;
}
