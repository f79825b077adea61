/**
 * What a campaign run did with each case it selected, and the run's report: every selected case is counted once, as
 * queued, refused (by the rule or problem that refused it) or failed (an error no rule explains). Pure.
 */
export type CaseOutcome = { kind: 'queued' } | { kind: 'refused'; reason: string } | { kind: 'failed' };

export interface RunReport {
  selected: number;
  queued: number;
  refused: number;
  failed: number;
  /** Refusals by reason, most frequent first in the order of first appearance on ties. */
  refusals: Record<string, number>;
}

export function reportOf(outcomes: readonly CaseOutcome[]): RunReport {
  const counts = new Map<string, number>();
  let queued = 0;
  let failed = 0;
  for (const outcome of outcomes) {
    if (outcome.kind === 'queued') queued += 1;
    else if (outcome.kind === 'failed') failed += 1;
    else counts.set(outcome.reason, (counts.get(outcome.reason) ?? 0) + 1);
  }
  const refusals = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
  return { selected: outcomes.length, queued, refused: outcomes.length - queued - failed, failed, refusals };
}

/** The reason a refusal is counted under: the first policy rule that refused, else the problem's code. */
export function refusalReason(code: string, details: unknown): string {
  const reasons = (details as { reasons?: { rule?: unknown }[] } | undefined)?.reasons;
  const rule = Array.isArray(reasons) ? reasons[0]?.rule : undefined;
  return typeof rule === 'string' && rule.length > 0 ? rule : code;
}
