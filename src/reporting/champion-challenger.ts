import type { Actor } from '../identity/actor.js';
import { creditorFilter } from '../cases/scope.js';
import { creditorScope } from '../identity/scope.js';
import type { Deps } from '../platform/deps.js';
import { segmentNames, strategyInForce } from '../workspace/strategy-store.js';
import type { ChampionChallengerQuery, ChampionChallengerReport, ExperimentDecision } from './contract.js';
import {
  addArms,
  ALPHA,
  collectedSpread,
  compareArms,
  EMPTY_ARM,
  MIN_CASES_PER_ARM,
  type ArmFacts,
} from './core/champion-challenger.js';
import { spanOf } from './portfolio-performance.js';

/** One row of the facts as the core adds them. */
function armOf(row: Record<string, unknown>): ArmFacts {
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    cases: n('cases'),
    collectedCents: n('collected_cents'),
    collectedSq: n('collected_sq'),
    collectedCube: n('collected_cube'),
    payingCases: n('paying_cases'),
    promisesKept: n('promises_kept'),
    promisesBroken: n('promises_broken'),
    complaintCases: n('complaint_cases'),
    satisfactionAnswers: n('satisfaction_answers'),
    satisfactionSum: n('satisfaction_sum'),
    satisfactionSq: n('satisfaction_sq'),
  };
}

/** The latest decision per segment. */
async function lastDecisions(deps: Deps): Promise<Map<string, ExperimentDecision>> {
  const rows = await deps.db
    .selectFrom('experiment_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .select([
      'd.id',
      'd.segment_id',
      'd.decision',
      'd.note',
      'd.decided_at',
      'u.display_name',
      'd.strategy_version_before',
      'd.strategy_version_after',
    ])
    .orderBy('d.seq', 'desc')
    .execute();
  const last = new Map<string, ExperimentDecision>();
  for (const row of rows) {
    if (last.has(row.segment_id)) continue;
    last.set(row.segment_id, {
      id: row.id,
      segmentId: row.segment_id,
      decision: row.decision as ExperimentDecision['decision'],
      note: row.note,
      decidedAt: new Date(row.decided_at).toISOString(),
      decidedBy: row.display_name,
      strategyVersionBefore: row.strategy_version_before,
      strategyVersionAfter: row.strategy_version_after,
    });
  }
  return last;
}

/**
 * The champion/challenger comparison of every segment that has a challenger in the strategy in force or has facts in
 * the period, within the actor's scope (a creditor user: its own creditor's cases, whatever it asks), from the facts
 * the reporting job keeps (refresh-champion-challenger.ts): a few rows per segment, never the cases.
 */
export async function championChallenger(
  deps: Deps,
  actor: Actor,
  query: ChampionChallengerQuery,
): Promise<ChampionChallengerReport> {
  const span = spanOf(deps, query);
  const creditorId = creditorFilter(actor, query.creditorId);
  let factsQuery = deps.db
    .selectFrom('experiment_arm_facts')
    .selectAll()
    .where('cohort', '>=', `${span.from}-01`)
    .where('cohort', '<=', `${span.to}-01`);
  if (creditorId) factsQuery = factsQuery.where('creditor_id', '=', creditorId);
  if (query.mandateId) factsQuery = factsQuery.where('mandate_id', '=', query.mandateId);
  const [facts, strategy, names, decisions, refreshed, settings] = await Promise.all([
    factsQuery.execute(),
    strategyInForce(deps.db),
    segmentNames(deps.db),
    creditorScope(actor) ? Promise.resolve(new Map<string, ExperimentDecision>()) : lastDecisions(deps),
    deps.db.selectFrom('performance_refreshes').select('refreshed_at').executeTakeFirst(),
    deps.db.selectFrom('satisfaction_settings').select('minimum_answers').executeTakeFirst(),
  ]);
  const minimumAnswers = settings?.minimum_answers ?? 5;

  const arms = new Map<string, { champion: ArmFacts; challenger: ArmFacts }>();
  const running = strategy.document.segments.filter((segment) => segment.challenger);
  for (const segment of running) arms.set(segment.id, { champion: EMPTY_ARM, challenger: EMPTY_ARM });
  for (const row of facts) {
    const entry = arms.get(row.segment_id) ?? { champion: EMPTY_ARM, challenger: EMPTY_ARM };
    const arm = row.arm === 'challenger' ? 'challenger' : 'champion';
    entry[arm] = addArms(entry[arm], armOf(row));
    arms.set(row.segment_id, entry);
  }
  const order = (id: string) => {
    const index = strategy.document.segments.findIndex((segment) => segment.id === id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const totals = (facts: ArmFacts) => ({
    cases: facts.cases,
    collectedCents: facts.collectedCents,
    payingCases: facts.payingCases,
    spreadCents: collectedSpread(facts),
  });

  return {
    ...span,
    refreshedAt: refreshed ? new Date(refreshed.refreshed_at).toISOString() : null,
    alpha: ALPHA,
    minCasesPerArm: MIN_CASES_PER_ARM,
    minimumAnswers,
    segments: [...arms.entries()]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([segmentId, { champion, challenger }]) => {
        const inForce = running.find((segment) => segment.id === segmentId);
        return {
          segmentId,
          segmentName: names.get(segmentId) ?? segmentId,
          running: inForce !== undefined,
          sharePercent: inForce?.challenger?.sharePercent ?? null,
          note: inForce?.challenger?.note ?? null,
          champion: totals(champion),
          challenger: totals(challenger),
          ...compareArms(champion, challenger, minimumAnswers),
          lastDecision: decisions.get(segmentId) ?? null,
        };
      }),
  };
}
