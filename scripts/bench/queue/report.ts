import { cpus, loadavg } from 'node:os';
import type { Actor } from '../../../src/identity/actor.js';
import type { Database } from '../../../src/platform/db/database.js';
import { importLine, type Beside } from './beside.js';
import type { Run } from './drive.js';
import type { Loaded } from './load.js';
import { agentCount, caseCount, fmt, importClaims, ms, out, poolSize, thinkMs } from './options.js';

// Figures: the queues after the rebuild, what the run left in the database, and the report with its bars.

/** The nightly rebuild's bar: a million entries within a minute (at another size, the same rate). */
const REBUILD_BAR_ENTRIES = 1_000_000;
const REBUILD_BAR_SECONDS = 60;

export async function queueFigures(db: Database, now: Date) {
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

export interface Checks {
  casesByTwoAgents: number;
  casesCalledTwice: number;
  contactsRecorded: number;
  leasesHeld: number | null;
}

export async function afterRunChecks(db: Database, agents: Actor[], sinceIso: string): Promise<Checks> {
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

interface Timed {
  entries: number;
  seconds: number;
}

export interface Rebuild {
  /** The first build: every entry inserted, every assignment recorded, every case given its team. */
  first: Timed;
  /** The nightly rebuild over the built entries. */
  nightly: Timed;
  /** The same entries rewritten set-based in SQL alone, in the same run. */
  reference: Timed;
}

const rate = (timed: Timed) => timed.entries / timed.seconds;
const rebuildBar = (timed: Timed) => rate(timed) >= REBUILD_BAR_ENTRIES / REBUILD_BAR_SECONDS;

/** A rebuild's figure against its bar, and against the reference measured in the same run. */
function rebuildWords(name: string, timed: Timed, reference: Timed, verdict: (ok: boolean) => string): string {
  return (
    `${name} ${fmt(timed.entries)} entries in ${timed.seconds.toFixed(1)} s, ${fmt(Math.round(rate(timed)))} entries/s ` +
    `(bar ${fmt(REBUILD_BAR_ENTRIES)} in ≤ ${REBUILD_BAR_SECONDS} s, ${fmt(Math.ceil(REBUILD_BAR_ENTRIES / REBUILD_BAR_SECONDS))} entries/s): ` +
    `${verdict(rebuildBar(timed))}, ${Math.round((100 * rate(timed)) / rate(reference))} % of the reference`
  );
}

const sortedOf = (values: number[]) => [...values].sort((a, b) => a - b);
const p99 = (values: number[]) => percentile(sortedOf(values), 0.99);
const errorCount = (run: Run) => Object.values(run.errors).reduce((sum, count) => sum + count, 0);

/** The figures of one phase of driving, each line starting with `title`. */
function phaseLines(title: string, run: Run) {
  const line = (name: string, values: number[]) => {
    const sorted = sortedOf(values);
    return `${title}${name}: ${fmt(sorted.length)} calls, p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms, p99 ${ms(percentile(sorted, 0.99))} ms, max ${ms(sorted[sorted.length - 1] ?? Number.NaN)} ms`;
  };
  out(line('next case', run.next));
  out(
    `${title}next case: ${fmt(Math.round(run.next.length / run.elapsed))} next cases/s over ${run.elapsed.toFixed(1)} s; ${fmt(run.empty)} answered "nothing callable"; waiting at the end ${JSON.stringify(run.waiting)}`,
  );
  out(line('open case (getCase + caseContact + caseWorkspace in parallel)', run.open));
  out(line('record call', run.record));
  out(
    `${title}node event loop delay during the run: p50 ${ms(run.loopDelay.p50)} ms, p99 ${ms(run.loopDelay.p99)} ms, max ${ms(run.loopDelay.max)} ms`,
  );
  out(
    `${title}server connections, average over the run: ${run.activity
      .slice(0, 6)
      .map((a) => `${a.average.toFixed(1)} ${a.what}`)
      .join('; ')}`,
  );
  out(
    `${title}outcomes: ${JSON.stringify(run.outcomes)}${Object.keys(run.errors).length > 0 ? `; errors ${JSON.stringify(run.errors)}` : '; no errors'}`,
  );
}

/** The second phase's bar, against the first phase of the same run, and the import's own figures. */
function besideWords(beside: Beside | null, quiet: Run, verdict: (ok: boolean) => string): string {
  if (!beside) return 'next-case p99 during an import: not measured (BENCH_IMPORT_CLAIMS=0)';
  const { run } = beside;
  const next = p99(run.next);
  const importWords = beside.result
    ? `the import ${fmt(Math.round(beside.result.claims / beside.result.seconds))} claims/s, finished within the phase in ${beside.seconds.toFixed(1)} s`
    : `the import NOT finished within the phase (${beside.outcome}; ${fmt(beside.rowsRead)} rows read in ${beside.seconds.toFixed(1)} s)`;
  return (
    `during the import of ${fmt(importClaims)} claims beside the agents: next-case p99 ${ms(next)} ms ` +
    `(bar ≤ 50 ms; ${ms(p99(quiet.next))} ms without the import in this run): ${verdict(next <= 50 && beside.outcome !== 'failed')}, ` +
    `p50 ${ms(percentile(sortedOf(run.next), 0.5))} ms; open-case p99 ${ms(p99(run.open))} ms (${ms(p99(quiet.open))} ms without); ${importWords}`
  );
}

/** The phases of driving: the cold start (not held to the bars), the working day, the import beside it. */
export interface Phases {
  coldStart: Run;
  run: Run;
  beside: Beside | null;
}

export function report(loaded: Loaded, rebuild: Rebuild, phases: Phases, checks: Checks) {
  const { coldStart, run, beside } = phases;
  out(
    `machine: ${cpus().length} cpus (${cpus()[0]?.model ?? 'unknown'}), pool ${poolSize} connections, think time ${thinkMs} ms`,
  );
  phaseLines('cold start (not a bar): ', coldStart);
  phaseLines('', run);
  if (beside) {
    out(importLine(beside));
    phaseLines('during the import: ', beside.run);
  }
  const inMemory = coldStart.doubles + run.doubles + (beside?.run.doubles ?? 0);
  const doubleCases = [...coldStart.doubleCases, ...run.doubleCases, ...(beside?.run.doubleCases ?? [])];
  const doubles = inMemory + checks.casesByTwoAgents;
  out(
    `double assignments: ${inMemory} in memory${doubleCases.length > 0 ? ` (${doubleCases.join(', ')})` : ''}; ` +
      `SQL: ${checks.casesByTwoAgents} cases called by two agents, ${checks.casesCalledTwice} cases called twice, ` +
      `${fmt(checks.contactsRecorded)} calls recorded, ${checks.leasesHeld ?? '?'} leases held at the end`,
  );
  const nextOk = p99(run.next) <= 50;
  const openOk = p99(run.open) <= 200;
  out(
    `bars: next case p99 ≤ 50 ms ${nextOk ? 'met' : 'NOT met'}; open case p99 ≤ 200 ms ${openOk ? 'met' : 'NOT met'}; ` +
      `double assignments ${doubles === 0 ? 'none' : doubles}; load ${loaded.seconds.toFixed(1)} s, first build ${rebuild.first.seconds.toFixed(1)} s, nightly rebuild ${rebuild.nightly.seconds.toFixed(1)} s (${fmt(rebuild.nightly.entries)} entries)`,
  );
  const errors = errorCount(coldStart) + errorCount(run) + (beside ? errorCount(beside.run) : 0);
  const verdict = (ok: boolean) => (ok && errors === 0 ? 'met' : 'NOT met');
  out(
    `bench:queue ${fmt(caseCount)} cases, ${agentCount} agents · next-case p99 ${ms(p99(run.next))} ms (bar ≤ 50 ms): ${verdict(nextOk)} · ` +
      `open-case p99 ${ms(p99(run.open))} ms (bar ≤ 200 ms): ${verdict(openOk)} · ` +
      `${rebuildWords('first build', rebuild.first, rebuild.reference, verdict)} · ` +
      `${rebuildWords('nightly rebuild', rebuild.nightly, rebuild.reference, verdict)} · ` +
      `reference in this run (the same entries rewritten set-based in SQL alone) ${fmt(Math.round(rate(rebuild.reference)))} entries/s · ` +
      `double assignments ${doubles}: ${verdict(doubles === 0)} · ${besideWords(beside, run, verdict)} · errors ${errors} · ` +
      `cold start (the first ${coldStart.elapsed.toFixed(0)} s after the pool opened, not a bar): next-case p99 ${ms(p99(coldStart.next))} ms, open-case p99 ${ms(p99(coldStart.open))} ms · load average ${loadavg()[0]!.toFixed(1)}`,
  );
}
