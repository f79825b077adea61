import type { FastifyInstance } from 'fastify';
import { performance } from 'node:perf_hooks';
import type { Database } from '../../../src/platform/db/database.js';
import { caseCount, out } from '../queue/options.js';
import { READER_PASSWORD, type Readers } from './load.js';

/** Calls per reader and filter (BENCH_REPORT_CALLS), after BENCH_REPORT_WARMUP calls that are not counted. */
const calls = Number(process.env.BENCH_REPORT_CALLS ?? 40);
const warmup = Number(process.env.BENCH_REPORT_WARMUP ?? 3);

type Reader = 'manager' | 'creditorUser' | 'teamLeader';

/** One way a report is read: who reads it, and with which filters. */
export interface Scenario {
  report: string;
  what: string;
  reader: Reader;
  url: (readers: Readers) => string;
}

/** The months the portfolio reports cover by default: the twelve to the start's month (2026-11). */
const YEAR = 'from=2025-12&to=2026-11';

/**
 * Every report as its readers ask for it: a manager over every creditor, a creditor user over its own, one mandate,
 * a team leader over their team; the teams report by week (twelve weeks) and by day (four weeks).
 */
export const SCENARIOS: Scenario[] = [
  { report: 'dashboard', what: 'manager, every creditor', reader: 'manager', url: () => '/api/v1/dashboard' },
  { report: 'dashboard', what: 'creditor user', reader: 'creditorUser', url: () => '/api/v1/dashboard' },
  {
    report: 'portfolio',
    what: 'manager, every creditor',
    reader: 'manager',
    url: () => `/api/v1/reports/portfolio?${YEAR}`,
  },
  { report: 'portfolio', what: 'creditor user', reader: 'creditorUser', url: () => `/api/v1/reports/portfolio` },
  {
    report: 'portfolio',
    what: 'manager, one mandate',
    reader: 'manager',
    url: (r) => `/api/v1/reports/portfolio?creditorId=${r.creditorId}&mandateId=${r.mandateId}`,
  },
  {
    report: 'outcomes',
    what: 'manager, every creditor',
    reader: 'manager',
    url: () => `/api/v1/reports/portfolio/outcomes?${YEAR}`,
  },
  {
    report: 'outcomes',
    what: 'creditor user',
    reader: 'creditorUser',
    url: () => '/api/v1/reports/portfolio/outcomes',
  },
  {
    report: 'outcomes',
    what: 'manager, one mandate',
    reader: 'manager',
    url: (r) => `/api/v1/reports/portfolio/outcomes?creditorId=${r.creditorId}&mandateId=${r.mandateId}`,
  },
  {
    report: 'conduct',
    what: 'manager, every creditor',
    reader: 'manager',
    url: () => `/api/v1/reports/conduct?${YEAR}`,
  },
  { report: 'conduct', what: 'creditor user', reader: 'creditorUser', url: () => '/api/v1/reports/conduct' },
  {
    report: 'conduct',
    what: 'manager, one mandate',
    reader: 'manager',
    url: (r) => `/api/v1/reports/conduct?creditorId=${r.creditorId}&mandateId=${r.mandateId}`,
  },
  {
    report: 'champion-challenger',
    what: 'manager, every creditor',
    reader: 'manager',
    url: () => '/api/v1/reports/champion-challenger',
  },
  {
    report: 'champion-challenger',
    what: 'creditor user',
    reader: 'creditorUser',
    url: () => '/api/v1/reports/champion-challenger',
  },
  {
    report: 'teams',
    what: 'manager, every team, 12 weeks',
    reader: 'manager',
    url: () => '/api/v1/reports/teams?from=2026-09-07&to=2026-11-25&granularity=week',
  },
  {
    report: 'teams',
    what: 'team leader, their team, 12 weeks',
    reader: 'teamLeader',
    url: () => '/api/v1/reports/teams?from=2026-09-07&to=2026-11-25&granularity=week',
  },
  {
    report: 'teams',
    what: 'manager, every team, 28 days',
    reader: 'manager',
    url: () => '/api/v1/reports/teams?granularity=day',
  },
  { report: 'care', what: 'manager, 30 days', reader: 'manager', url: () => '/api/v1/reports/care' },
  { report: 'care', what: 'team leader, 30 days', reader: 'teamLeader', url: () => '/api/v1/reports/care' },
];

export interface Timed {
  report: string;
  what: string;
  times: number[];
  errors: number;
  firstError: string | null;
}

export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** The three figures of a set of timings, sorted first. */
export function spread(times: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Signs each reader in through the login route: their session cookies. */
export async function signIn(app: FastifyInstance, readers: Readers): Promise<Record<Reader, string>> {
  const cookieOf = async (email: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: READER_PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in of ${email}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'accord_session')!;
    return `accord_session=${cookie.value}`;
  };
  return {
    manager: await cookieOf(readers.manager),
    creditorUser: await cookieOf(readers.creditorUser),
    teamLeader: await cookieOf(readers.teamLeader),
  };
}

/**
 * Each scenario's calls, one after the other (one reader at a time: the time a person waits for a page's figures),
 * the scenarios taking turns so that a slow minute of the shared machine falls on all of them alike.
 */
export async function timeScenarios(
  app: FastifyInstance,
  cookies: Record<Reader, string>,
  readers: Readers,
): Promise<Timed[]> {
  const timed: Timed[] = SCENARIOS.map((s) => ({
    report: s.report,
    what: s.what,
    times: [],
    errors: 0,
    firstError: null,
  }));
  for (let round = 0; round < warmup + calls; round++) {
    for (const [index, scenario] of SCENARIOS.entries()) {
      const began = performance.now();
      const response = await app.inject({
        method: 'GET',
        url: scenario.url(readers),
        headers: { cookie: cookies[scenario.reader] },
      });
      const took = performance.now() - began;
      const entry = timed[index]!;
      if (response.statusCode !== 200) {
        entry.errors += 1;
        entry.firstError ??= `${response.statusCode} ${response.body.slice(0, 200)}`;
      } else if (round >= warmup) entry.times.push(took);
    }
  }
  return timed;
}

/** The yardsticks, timed the same way: a case read by its key in SQL, and the app's cheapest signed-in route. */
export async function timeReferences(
  app: FastifyInstance,
  database: Database,
  cookie: string,
): Promise<{ sql: number[]; http: number[] }> {
  const sql: number[] = [];
  const http: number[] = [];
  const rounds = warmup + calls * 4;
  for (let round = 0; round < rounds; round++) {
    const reference = `BQ-${String(1 + ((round * 7919) % caseCount)).padStart(8, '0')}`;
    let began = performance.now();
    await database.executeSql('select id, balance_cents, stage from cases where reference = $1', [reference]);
    if (round >= warmup) sql.push(performance.now() - began);
    began = performance.now();
    await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    if (round >= warmup) http.push(performance.now() - began);
  }
  return { sql, http };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** One line per scenario, then one per report (its scenarios together). */
export function printTimings(timed: Timed[]): Map<string, ReturnType<typeof spread>> {
  const byReport = new Map<string, number[]>();
  for (const t of timed) {
    const s = spread(t.times);
    out(
      `  ${t.report}, ${t.what}: ${t.times.length} calls, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}` +
        `${t.errors ? `, ${t.errors} errors (first: ${t.firstError})` : ''}`,
    );
    byReport.set(t.report, [...(byReport.get(t.report) ?? []), ...t.times]);
  }
  const figures = new Map<string, ReturnType<typeof spread>>();
  for (const [report, times] of byReport) {
    const s = spread(times);
    figures.set(report, s);
    out(`${report}: ${times.length} calls, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`);
  }
  return figures;
}
