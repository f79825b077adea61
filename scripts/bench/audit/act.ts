import { CompiledQuery } from 'kysely';
import { SYSTEM_ACTOR, type AuditRecord } from '../../../src/audit/append.js';

/**
 * The act `bench:audit` measures, as Accord's services write one: its row read under lock, updated, a line added to
 * its history (as a case's timeline); `bare` is the single update, the smallest audited act there is. The rounds and
 * the profile run the same statements.
 */
export type Act = 'service' | 'bare';

export const lockAct = (id: number) =>
  CompiledQuery.raw('select version, balance_cents from bench_acts where id = $1 for update', [id]);

export const updateAct = (id: number) =>
  CompiledQuery.raw(
    `update bench_acts set version = version + 1, balance_cents = balance_cents - 1, updated_at = now()
      where id = $1 returning version`,
    [id],
  );

export const addEvent = (id: number, version: number) =>
  CompiledQuery.raw(`insert into bench_act_events (act_id, kind, payload, at) values ($1, 'bench.act', $2, now())`, [
    id,
    JSON.stringify({ version, amountCents: 1 }),
  ]);

/** The act's audit entry, shaped as real ones are. */
export function actRecord(id: number, version: number, index: number): AuditRecord {
  return {
    actor: SYSTEM_ACTOR,
    action: 'bench.act',
    targetType: 'bench_act',
    targetId: String(id),
    before: { version: version - 1 },
    // Each act's own case, as real entries name theirs (the trail's index on it sees distinct keys).
    after: { version, caseId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, amountCents: 1_000 + index },
    requestId: `bench-${index}`,
    at: new Date(),
  };
}
