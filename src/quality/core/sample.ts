/**
 * The month's sample of an agent's calls for review (issue 19): a reproducible random pick, seeded by the agent and the
 * month, so the same facts always give the same sample (a team leader and an auditor see the same calls), plus every
 * flagged call: one a complaint names, one a debtor rated low. Pure: the service passes the calls of the month.
 */

export const SAMPLE_REASONS = ['complaint', 'low_csat', 'random'] as const;
export type SampleReason = (typeof SAMPLE_REASONS)[number];

export interface CallFact {
  id: string;
  /** The call's day in the agency's zone, YYYY-MM-DD. */
  on: string;
  /** A complaint names this call. */
  complaint: boolean;
  /** A debtor's survey answer about this call scored it at or under the low mark. */
  lowCsat: boolean;
}

export interface SampledCall {
  id: string;
  reason: SampleReason;
}

/** FNV-1a, 32 bits: a stable hash of a text (no crypto needed: the seed is not a secret, only reproducible). */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator, the same numbers for the same seed on every engine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The sample of one agent's month (`month` as YYYY-MM): every flagged call of the month (a complaint before a low
 * rating), then `randomCount` of the others, drawn by a generator seeded with the agent and the month. The calls are
 * put in order of their ids first, so the order they come in changes nothing. Flagged first, then the random ones, each
 * group in the order of the calls' ids.
 */
export function sampleCalls(
  agentId: string,
  month: string,
  calls: readonly CallFact[],
  randomCount: number,
): SampledCall[] {
  const ofMonth = [...new Map(calls.filter((call) => call.on.slice(0, 7) === month).map((c) => [c.id, c])).values()];
  ofMonth.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const flagged: SampledCall[] = [];
  const others: CallFact[] = [];
  for (const call of ofMonth) {
    if (call.complaint) flagged.push({ id: call.id, reason: 'complaint' });
    else if (call.lowCsat) flagged.push({ id: call.id, reason: 'low_csat' });
    else others.push(call);
  }
  const random = seededRandom(hash32(`${agentId}|${month}`));
  const pool = [...others];
  const take = Math.max(0, Math.min(Math.floor(randomCount), pool.length));
  // A partial Fisher-Yates: the first `take` places of the shuffled pool.
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const drawn = pool.slice(0, take).sort((a, b) => (a.id < b.id ? -1 : 1));
  return [...flagged, ...drawn.map((call) => ({ id: call.id, reason: 'random' as const }))];
}
