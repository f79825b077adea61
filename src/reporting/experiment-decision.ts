import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import type { StrategyDocument } from '../workspace/core/strategy-document.js';
import { publishStrategyIn, strategyInForce } from '../workspace/strategy-store.js';
import { championChallenger } from './champion-challenger.js';
import type { ExperimentDecision } from './contract.js';

type Decision = ExperimentDecision['decision'];

/**
 * The strategy after a decision on one segment's challenger: promote makes the challenger's treatment the segment's
 * own and ends the test; stop ends it with the champion's treatment; keep changes nothing (null). Pure.
 */
export function decidedStrategy(
  document: StrategyDocument,
  segmentId: string,
  decision: Decision,
): StrategyDocument | null {
  if (decision === 'keep') return null;
  return {
    ...document,
    segments: document.segments.map((segment) => {
      if (segment.id !== segmentId || !segment.challenger) return segment;
      const { challenger, ...rest } = segment;
      return decision === 'promote' ? { ...rest, treatment: challenger.treatment } : rest;
    }),
  };
}

/**
 * A manager's decision on a segment's comparison, with the figures as they stood (agency-wide): recorded and audited,
 * and for promote or stop a new strategy version published through the strategy store, all in one transaction. The
 * segment must still have a challenger in the version in force, checked again under the lock of the head version.
 */
export async function decideExperiment(
  deps: Deps,
  actor: Actor,
  input: { segmentId: string; decision: Decision; note: string },
  requestId: string | null,
): Promise<ExperimentDecision> {
  const report = await championChallenger(deps, actor, {});
  const figures = report.segments.find((segment) => segment.segmentId === input.segmentId);
  const now = deps.now();
  const note = input.note.trim();
  return deps.db.transaction().execute(async (trx) => {
    // Publishing locks the head version; lock it first here too, so the check and the new version see the same one.
    await trx
      .selectFrom('strategy_versions')
      .select('version')
      .orderBy('version', 'desc')
      .limit(1)
      .forUpdate()
      .execute();
    const strategy = await strategyInForce(trx);
    const segment = strategy.document.segments.find((s) => s.id === input.segmentId);
    if (!segment?.challenger || !figures) {
      throw conflict(
        'champion_challenger.no_challenger',
        `The strategy in force (version ${strategy.version}) has no challenger in segment "${input.segmentId}": nothing to decide.`,
        { segmentId: input.segmentId, version: strategy.version },
      );
    }
    const document = decidedStrategy(strategy.document, input.segmentId, input.decision);
    const after = document
      ? await publishStrategyIn(
          trx,
          actor,
          {
            document,
            note: `${input.decision === 'promote' ? 'Challenger promoted' : 'Test stopped'} (${input.segmentId}): ${note}`.slice(
              0,
              500,
            ),
          },
          now,
          requestId,
        )
      : null;
    const { lastDecision: _last, ...seen } = figures;
    const row = await trx
      .insertInto('experiment_decisions')
      .values({
        segment_id: input.segmentId,
        decision: input.decision,
        note,
        figures: JSON.stringify(seen),
        strategy_version_before: strategy.version,
        strategy_version_after: after,
        decided_by: actor.userId,
        decided_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'experiment.decided',
      targetType: 'strategy_segment',
      targetId: input.segmentId,
      before: { version: strategy.version, recommendation: figures.recommendation },
      after: { decision: input.decision, version: after ?? strategy.version, note },
      requestId,
      at: now,
    });
    return {
      id: row.id,
      segmentId: input.segmentId,
      decision: input.decision,
      note,
      decidedAt: now.toISOString(),
      decidedBy: actor.displayName,
      strategyVersionBefore: strategy.version,
      strategyVersionAfter: after,
    };
  });
}
