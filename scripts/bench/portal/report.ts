import type { Database } from '../../../src/platform/db/database.js';
import { out } from '../queue/options.js';
import { STEPS, type Tally } from './visit.js';

/** The bars of issue 18 ("Speed and load"). */
const CASE_VIEW_BAR_MS = 200;
const PLAN_BAR_MS = 300;

export interface Duplicates {
  /** Card payments recorded (payments of channel card) and checkouts marked paid. */
  recorded: number;
  checkoutsPaid: number;
  /** Cases with more than one card payment (each visit pays its case once), and payments beyond one per case. */
  casesPaidTwice: number;
  extraPayments: number;
  /** Idempotency keys carried by more than one payment. */
  keysTwice: number;
  /** Payments the visits saw confirmed, against those in the database. */
  confirmed: number;
}

/** Counts, in the database, what a duplicate payment of the run (since `since`) would leave behind. */
export async function duplicatePayments(db: Database, since: Date, confirmed: number): Promise<Duplicates> {
  const { rows } = await db.executeSql<{
    recorded: string;
    checkouts_paid: string;
    cases_paid_twice: string;
    extra_payments: string;
    keys_twice: string;
  }>(
    `with card as (select case_id from payments where channel = 'card' and recorded_at >= $1)
     select
       (select count(*) from card)::text as recorded,
       (select count(*) from portal_card_payments where status = 'paid' and created_at >= $1)::text as checkouts_paid,
       (select count(*) from (select case_id from card group by case_id having count(*) > 1) x)::text as cases_paid_twice,
       (select coalesce(sum(n - 1), 0) from (select count(*) as n from card group by case_id) x)::text as extra_payments,
       (select count(*) from (select idempotency_key from payments group by idempotency_key having count(*) > 1) x)::text as keys_twice`,
    [since],
  );
  const row = rows[0]!;
  return {
    recorded: Number(row.recorded),
    checkoutsPaid: Number(row.checkouts_paid),
    casesPaidTwice: Number(row.cases_paid_twice),
    extraPayments: Number(row.extra_payments),
    keysTwice: Number(row.keys_twice),
    confirmed,
  };
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

export function report(run: {
  cases: number;
  sessions: number;
  visits: number;
  tally: Tally;
  duplicates: Duplicates;
  load: number[];
  fmt: (n: number) => string;
}) {
  const { tally, duplicates, fmt } = run;
  const p99: Record<string, number> = {};
  for (const step of STEPS) {
    const sorted = [...tally.times[step]].sort((a, b) => a - b);
    p99[step] = percentile(sorted, 0.99);
    out(
      `${step}: ${fmt(sorted.length)} timed, p50 ${ms(percentile(sorted, 0.5))}, p99 ${ms(p99[step])}, max ${ms(sorted.at(-1) ?? Number.NaN)}, errors ${tally.errors[step]}`,
    );
  }
  for (const line of tally.firstErrors) out(`  first errors: ${line}`);
  out(
    `visits ${fmt(run.visits)}: plans with monthly instalments offered ${fmt(tally.instalmentsOffered)}, card payments confirmed ${fmt(tally.paid)} ` +
      `(${fmt(tally.doubleClicks)} started twice at once with the same key, ${fmt(tally.replays)} notices delivered twice)`,
  );
  out(
    `payments in the database: ${fmt(duplicates.recorded)} by card, ${fmt(duplicates.checkoutsPaid)} checkouts paid, ` +
      `${fmt(duplicates.casesPaidTwice)} cases paid twice (${fmt(duplicates.extraPayments)} payments too many), ${fmt(duplicates.keysTwice)} idempotency keys twice`,
  );
  const errors = Object.values(tally.errors).reduce((sum, n) => sum + n, 0);
  const duplicated =
    duplicates.extraPayments +
    duplicates.keysTwice +
    Math.max(0, duplicates.recorded - duplicates.checkoutsPaid) +
    Math.max(0, duplicates.recorded - duplicates.confirmed);
  const bars = [
    {
      text: `case view p99 ${ms(p99['case view']!)} (≤ ${CASE_VIEW_BAR_MS} ms)`,
      ok: p99['case view']! <= CASE_VIEW_BAR_MS,
    },
    { text: `plan p99 ${ms(p99.plan!)} (≤ ${PLAN_BAR_MS} ms)`, ok: p99.plan! <= PLAN_BAR_MS },
    { text: `errors ${errors} (0)`, ok: errors === 0 },
    { text: `duplicate payments ${duplicated} (0)`, ok: duplicated === 0 },
  ];
  out(
    `bench:portal ${fmt(run.cases)} cases, ${fmt(run.sessions)} sessions, load average ${Math.min(...run.load).toFixed(1)}–${Math.max(...run.load).toFixed(1)} · ` +
      `${bars.map((bar) => `${bar.text}: ${verdict(bar.ok)}`).join(' · ')}`,
  );
}
