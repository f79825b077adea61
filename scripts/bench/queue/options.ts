import { DAY_MS } from '../../../src/platform/calendar/index.js';

/** The benchmark's settings, from the environment (see scripts/bench/queue.ts). */
export const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
export const agentCount = Number(process.env.BENCH_AGENTS ?? 50);
export const seconds = Number(process.env.BENCH_QUEUE_SECONDS ?? 60);
/** The cold start driven before the measured day: the first seconds of new server connections (see queue.ts). */
export const warmSeconds = Number(process.env.BENCH_WARM_SECONDS ?? 20);
export const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1_000);
export const poolSize = Number(process.env.BENCH_POOL ?? agentCount + 10);
export const loadParallel = Number(process.env.BENCH_LOAD_PARALLEL ?? 2);
export const loadOnly = process.env.BENCH_LOAD_ONLY === '1';
export const keepDatabase = process.env.BENCH_KEEP_DB === '1';
/** The claims of the file imported beside the agents in the second phase; 0: no second phase. */
export const importClaims = Number(process.env.BENCH_IMPORT_CLAIMS ?? 1_000_000);
/** The longest the second phase lasts: it ends with the import, or after this long with the import stopped. */
export const importSeconds = Number(process.env.BENCH_IMPORT_SECONDS ?? 600);
export const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A Wednesday, 10:00 in Paris: inside French and Italian calling hours, not a holiday anywhere in the data. */
export const START = Date.parse('2026-11-25T10:00:00+01:00');
export const START_DAY = '2026-11-25';
export const MINUTE = 60_000;
export const DAY = DAY_MS;

export const out = (line: string) => process.stdout.write(`${line}\n`);
export const fmt = (n: number) => n.toLocaleString('en');
export const ms = (n: number) => n.toFixed(1);

/** The decision a contact keeps, as the policy records it when it allows one (SQL expression). */
export const ALLOWED_DECISION = (channel: string, at: string) =>
  `jsonb_build_object('allowed', true, 'channel', ${channel}, 'at', ${at}, 'reasons', '[]'::jsonb,
    'notices', '[]'::jsonb, 'nextAllowedAt', null, 'policyVersion', 1, 'callback', false, 'override', null)`;
