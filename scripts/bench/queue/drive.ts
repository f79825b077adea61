import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import type { Actor } from '../../../src/identity/actor.js';
import type { Database } from '../../../src/platform/db/database.js';
import type { Deps } from '../../../src/platform/deps.js';
import { getCase } from '../../../src/portfolio/cases.js';
import { caseContact } from '../../../src/contact-policy/case-contact.js';
import { caseWorkspace } from '../../../src/workspace/case-workspace.js';
import { nextCase } from '../../../src/workspace/next-case.js';
import { recordCall } from '../../../src/workspace/record-call.js';
import type { CallBody, QueueEntryView } from '../../../src/workspace/contract.js';
import { addDays, localDateOf } from '../../../src/platform/calendar/index.js';
import { thinkMs } from './options.js';

// The agents: next case, open it, record the call, with a think time between acts.

export async function agentActors(db: Database): Promise<Actor[]> {
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

export interface Run {
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

/** How long agents are driven: at most `seconds`, and no longer than `over` takes to settle, when it is given. */
export interface Phase {
  seconds: number;
  /** Ends the phase early when it settles (an import beside the agents ending); acts begun later are not timed. */
  over?: Promise<unknown>;
}

/** The phase's clock: its end at the latest, and the moment `over` settled (Infinity until then). */
interface Clock {
  until: number;
  endedAt: number;
}

/** What the agents share: who holds each case (from next case until its call is recorded), the calls made. */
interface Floor {
  holder: Map<string, number>;
  calls: number;
}

export async function drive(deps: Deps, agents: Actor[], sampleUrl: string, phase: Phase): Promise<Run> {
  const run: Run = {
    sinceIso: deps.now().toISOString(),
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
  const sampler = sampleActivity(sampleUrl);
  const began = performance.now();
  const clock: Clock = { until: began + phase.seconds * 1000, endedAt: Number.POSITIVE_INFINITY };
  const end = () => (clock.endedAt = Math.min(clock.endedAt, performance.now()));
  phase.over?.then(end, end);
  const floor: Floor = { holder: new Map(), calls: 0 };
  await Promise.all(agents.map((actor, agent) => agentDay(deps, { actor, agent, run, clock, floor })));
  run.elapsed = (Math.min(performance.now(), clock.endedAt) - began) / 1000;
  loop.disable();
  run.loopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  run.activity = await sampler.stop();
  return run;
}

// Think time varies between half and one and a half times BENCH_THINK_MS, so agents do not act in lockstep.
const pause = (wait: number) =>
  wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random()))) : Promise.resolve();

/** One agent until the phase ends: next case, open it, record the call, a think time between acts. */
async function agentDay(
  deps: Deps,
  { actor, agent, run, clock, floor }: { actor: Actor; agent: number; run: Run; clock: Clock; floor: Floor },
): Promise<void> {
  const fail = (what: string, error: unknown) => {
    const code = (error as { code?: string }).code ?? (error as Error).name ?? 'error';
    const key = `${what}: ${code}`;
    if ((run.errors[key] ?? 0) === 0) process.stderr.write(`bench:queue ${key}: ${(error as Error).message}\n`);
    run.errors[key] = (run.errors[key] ?? 0) + 1;
  };
  /** An act's time, kept if the act began within the phase. */
  const time = (into: number[], t: number) => {
    if (t < clock.endedAt) into.push(performance.now() - t);
  };
  // Agents start their day a little apart.
  await pause(thinkMs);
  while (performance.now() < Math.min(clock.until, clock.endedAt)) {
    let t = performance.now();
    let entry: QueueEntryView | null;
    try {
      const answer = await nextCase(deps, actor);
      time(run.next, t);
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
    const other = floor.holder.get(caseId);
    if (other !== undefined && other !== agent) {
      run.doubles += 1;
      if (run.doubleCases.length < 10)
        run.doubleCases.push(`${entry.reference} (agents ${other + 1} and ${agent + 1})`);
    }
    floor.holder.set(caseId, agent);
    await pause(thinkMs);

    // Opening the case: the page's three requests, in parallel as the browser sends them.
    t = performance.now();
    try {
      await Promise.all([
        getCase(deps, actor, caseId),
        caseContact(deps, actor, caseId),
        caseWorkspace(deps, actor, caseId),
      ]);
      time(run.open, t);
    } catch (error) {
      fail('open case', error);
    }
    await pause(thinkMs);

    const body = callBody(floor.calls++, entry.balanceCents, deps.now());
    t = performance.now();
    try {
      await recordCall(deps, actor, caseId, body);
      time(run.record, t);
      const kind = body.result ? `${body.outcome}+${body.result}` : body.outcome;
      run.outcomes[kind] = (run.outcomes[kind] ?? 0) + 1;
    } catch (error) {
      fail('record call', error);
    } finally {
      if (floor.holder.get(caseId) === agent) floor.holder.delete(caseId);
    }
    await pause(thinkMs);
  }
}

/**
 * Samples pg_stat_activity of the bench database on its own connection (outside the pool): how many of the pool's
 * connections run a query, wait on a lock (and in which statement), or sit idle in a transaction (the Node side
 * working between two statements).
 */
export function sampleActivity(url: string) {
  const client = new pg.Client({ connectionString: url });
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
