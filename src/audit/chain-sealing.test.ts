import fc from 'fast-check';
import { sql, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/support/database.js';
import type { Engine } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { appendAudit, SYSTEM_ACTOR } from './append.js';
import { hashEntry } from './core/chain.js';
import { sealAuditChain, storedContent } from './seal-chain.js';
import { checkAuditTrail, checkWithin, type VerificationResult } from './verify.js';

/**
 * The sealer against writers it does not wait for: random interleavings of audited transactions (some rolled back,
 * some committing after later ones) and seals (two at once too), then every kind of tampering with a sealed entry.
 */

type Step =
  | { kind: 'append'; writer: number }
  | { kind: 'commit'; writer: number }
  | { kind: 'rollback'; writer: number }
  | { kind: 'seal' }
  | { kind: 'seal_twice' };

const WRITERS = 4;
const writer = fc.integer({ min: 0, max: WRITERS - 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: writer.map((w) => ({ kind: 'append' as const, writer: w })) },
  { weight: 2, arbitrary: writer.map((w) => ({ kind: 'commit' as const, writer: w })) },
  { weight: 1, arbitrary: writer.map((w) => ({ kind: 'rollback' as const, writer: w })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'seal' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'seal_twice' as const }) },
);

type Tampering =
  | { kind: 'change'; at: number }
  | { kind: 'delete'; at: number }
  | { kind: 'delete_with_link'; at: number }
  | { kind: 'swap_contents'; at: number; other: number }
  | { kind: 'swap_links'; at: number; other: number }
  | { kind: 'insert_in_log'; at: number }
  | { kind: 'insert_in_chain'; at: number };

const index = fc.nat({ max: 10_000 });
const tamperingArb: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), at: index }),
  fc.record({ kind: fc.constant('delete' as const), at: index }),
  fc.record({ kind: fc.constant('delete_with_link' as const), at: index }),
  fc.record({ kind: fc.constant('swap_contents' as const), at: index, other: index }),
  fc.record({ kind: fc.constant('swap_links' as const), at: index, other: index }),
  fc.record({ kind: fc.constant('insert_in_log' as const), at: index }),
  fc.record({ kind: fc.constant('insert_in_chain' as const), at: index }),
);

let counter = 0;
const record = () => ({
  actor: SYSTEM_ACTOR,
  action: 'test.entry',
  targetType: 'test',
  targetId: String(++counter),
  after: { n: counter },
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, counter)),
});

/**
 * Plays the steps. PostgreSQL: each writer holds a real open transaction, so a seal runs while entries with lower
 * seqs are still uncommitted. PGlite is one connection, where a transaction holds the engine: a writer's appends run as
 * one transaction at its commit (or rollback), the only interleaving that engine has.
 */
async function play(engine: Engine, db: Kysely<DB>, steps: readonly Step[]): Promise<number> {
  let committed = 0;
  if (engine === 'postgres') {
    const open = new Map<number, { trx: ControlledTransaction<DB>; count: number }>();
    for (const step of steps) {
      if (step.kind === 'seal') await sealAuditChain(db);
      else if (step.kind === 'seal_twice') await Promise.all([sealAuditChain(db), sealAuditChain(db)]);
      else if (step.kind === 'append') {
        const current = open.get(step.writer) ?? { trx: await db.startTransaction().execute(), count: 0 };
        open.set(step.writer, current);
        await appendAudit(current.trx, record());
        current.count += 1;
      } else {
        const current = open.get(step.writer);
        if (!current) continue;
        open.delete(step.writer);
        if (step.kind === 'commit') {
          await current.trx.commit().execute();
          committed += current.count;
        } else await current.trx.rollback().execute();
      }
    }
    for (const current of open.values()) {
      await current.trx.commit().execute();
      committed += current.count;
    }
    return committed;
  }
  const pending = new Map<number, number>();
  const run = async (appends: number, outcome: 'commit' | 'rollback') => {
    await db
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < appends; i++) await appendAudit(trx, record());
        if (outcome === 'rollback') throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    if (outcome === 'commit') committed += appends;
  };
  for (const step of steps) {
    if (step.kind === 'seal') await sealAuditChain(db);
    else if (step.kind === 'seal_twice') await Promise.all([sealAuditChain(db), sealAuditChain(db)]);
    else if (step.kind === 'append') pending.set(step.writer, (pending.get(step.writer) ?? 0) + 1);
    else if (pending.has(step.writer)) {
      await run(pending.get(step.writer)!, step.kind);
      pending.delete(step.writer);
    }
  }
  for (const appends of pending.values()) await run(appends, 'commit');
  return committed;
}

class RolledBack extends Error {}

/** The sealed entries in the chain's order: the targets of tampering. */
async function chainOrder(db: Kysely<DB>): Promise<{ position: number; seq: number; hash: string }[]> {
  const rows = await db.selectFrom('audit_chain').select(['position', 'seq', 'hash']).orderBy('position').execute();
  return rows.map((row) => ({ position: Number(row.position), seq: Number(row.seq), hash: row.hash }));
}

/** Tampers as someone with database access would (triggers off), checks, and rolls everything back. */
async function tamperAndCheck(
  db: Kysely<DB>,
  tamper: (trx: Transaction<DB>) => Promise<void>,
): Promise<VerificationResult> {
  let result: VerificationResult | null = null;
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(trx);
      await sql`alter table audit_chain disable trigger audit_chain_no_update_or_delete`.execute(trx);
      await tamper(trx);
      result = await checkWithin(trx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result!;
}

/** Applies one tampering to the sealed chain and answers the problem `audit:verify` must name. */
async function applyTampering(
  db: Kysely<DB>,
  tampering: Tampering,
): Promise<{ result: VerificationResult; expected: object }> {
  const chain = await chainOrder(db);
  const target = chain[tampering.at % chain.length]!;
  const next = chain[(tampering.at % chain.length) + 1];
  switch (tampering.kind) {
    case 'change': {
      const result = await tamperAndCheck(db, async (trx) => {
        await sql`update audit_log set after = '{"n": -1}' where seq = ${target.seq}`.execute(trx);
      });
      return { result, expected: { kind: 'content_altered', seq: target.seq } };
    }
    case 'delete': {
      const result = await tamperAndCheck(db, async (trx) => {
        await sql`delete from audit_log where seq = ${target.seq}`.execute(trx);
      });
      return { result, expected: { kind: 'entry_removed', seq: target.seq } };
    }
    case 'delete_with_link': {
      const result = await tamperAndCheck(db, async (trx) => {
        await sql`delete from audit_log where seq = ${target.seq}`.execute(trx);
        await sql`delete from audit_chain where seq = ${target.seq}`.execute(trx);
      });
      return { result, expected: next ? { kind: 'link_broken', seq: next.seq } : { kind: 'head_mismatch' } };
    }
    case 'swap_contents':
    case 'swap_links': {
      const other = chain[tampering.other % chain.length]!;
      const [first, second] = target.position < other.position ? [target, other] : [other, target];
      const result = await tamperAndCheck(db, async (trx) => {
        if (tampering.kind === 'swap_contents') {
          // Two entries trade places in the log: each row now holds the other's content.
          await sql`update audit_log set target_id = case audit_log.seq when ${first.seq} then b.target_id else a.target_id end,
                      after = case audit_log.seq when ${first.seq} then b.after else a.after end,
                      occurred_at = case audit_log.seq when ${first.seq} then b.occurred_at else a.occurred_at end
                    from (select * from audit_log where seq = ${first.seq}) a,
                         (select * from audit_log where seq = ${second.seq}) b
                    where audit_log.seq in (${first.seq}, ${second.seq})`.execute(trx);
        } else {
          // Two links trade entries: the chain now visits them in the other order.
          await sql`update audit_chain set seq = -seq where position in (${first.position}, ${second.position})`.execute(
            trx,
          );
          await sql`update audit_chain set seq = case position when ${first.position} then ${second.seq}::bigint
                      else ${first.seq}::bigint end where position in (${first.position}, ${second.position})`.execute(
            trx,
          );
        }
      });
      if (first.seq === second.seq) return { result, expected: { kind: null } };
      return {
        result,
        expected: { kind: 'content_altered', seq: tampering.kind === 'swap_contents' ? first.seq : second.seq },
      };
    }
    case 'insert_in_log': {
      // An entry slipped into the log with the id of a transaction long ended: the sealer will never take it.
      let seq = 0;
      const result = await tamperAndCheck(db, async (trx) => {
        const row = await sql<{ seq: number }>`insert into audit_log
            (occurred_at, actor_role, action, target_type, target_id, after, txid)
            values (now(), 'system', 'test.forged', 'test', 'forged', '{}', '1'::xid8) returning seq`.execute(trx);
        seq = Number(row.rows[0]!.seq);
      });
      return { result, expected: { kind: 'entry_outside_chain', seq } };
    }
    case 'insert_in_chain': {
      // A forged entry with a correct hash, linked after the target: the positions after it move up by one.
      const result = await tamperAndCheck(db, async (trx) => {
        const forged = {
          occurred_at: new Date('2026-01-01T00:00:00.000Z'),
          actor_user_id: null,
          actor_role: 'system',
          action: 'test.forged',
          target_type: 'test',
          target_id: 'forged',
          creditor_id: null,
          before: null,
          after: { forged: true },
          request_id: null,
        };
        const row = await sql<{ seq: number }>`insert into audit_log
            (occurred_at, actor_role, action, target_type, target_id, after)
            values (${forged.occurred_at}, 'system', 'test.forged', 'test', 'forged', '{"forged": true}')
            returning seq`.execute(trx);
        const seq = Number(row.rows[0]!.seq);
        await sql`update audit_chain set position = -position - 1 where position > ${target.position}`.execute(trx);
        await sql`update audit_chain set position = -position where position < 0`.execute(trx);
        const hash = hashEntry(target.hash, storedContent(forged));
        await sql`insert into audit_chain (position, seq, prev_hash, hash)
                  values (${target.position + 1}, ${seq}, ${target.hash}, ${hash})`.execute(trx);
      });
      return {
        result,
        expected: next ? { kind: 'link_broken', seq: next.seq } : { kind: 'head_mismatch' },
      };
    }
  }
}

describe.each(ENGINES)('the audit chain sealed beside its writers on %s', (engine) => {
  let testDb: TestDatabase;
  let committed = 0;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(() => testDb.drop());

  it('seals every committed entry exactly once, never a rolled-back one, and names any tampering of a sealed entry', async () => {
    const db = testDb.database.db;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 30 }), tamperingArb, async (steps, tampering) => {
        committed += await play(engine, db, steps);
        await sealAuditChain(db);

        // Nothing committed is lost, nothing rolled back is sealed, and the chain verifies.
        const intact = await checkAuditTrail(db);
        expect(intact).toMatchObject({ ok: true, entriesChecked: committed });
        const logged = await db
          .selectFrom('audit_log')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(logged.n)).toBe(committed);
        if (committed === 0) return;

        const { result, expected } = await applyTampering(db, tampering);
        if ((expected as { kind: string | null }).kind === null) expect(result.ok).toBe(true);
        else expect(result).toMatchObject({ ok: false, problem: expected });
        expect(await checkAuditTrail(db)).toMatchObject({ ok: true, entriesChecked: committed });
      }),
      { numRuns: 50 },
    );
  });

  it('leaves an entry of a transaction still open out of the seal, and seals it after its commit at a later position', async () => {
    const db = testDb.database.db;
    if (engine === 'pglite') {
      // One connection: a seal cannot run while a transaction is open, so only what has committed is ever seen.
      await db.transaction().execute((trx) => appendAudit(trx, record()));
      expect((await sealAuditChain(db)).entries).toBe(1);
      committed += 1;
      return;
    }
    const early = await db.startTransaction().execute();
    const earlySeq = await appendAudit(early, record());
    const lateSeq = await db.transaction().execute((trx) => appendAudit(trx, record()));
    expect(lateSeq).toBeGreaterThan(earlySeq);
    expect(await sealAuditChain(db)).toMatchObject({ entries: 1 });
    await early.commit().execute();
    expect(await sealAuditChain(db)).toMatchObject({ entries: 1 });
    committed += 2;
    const chain = await chainOrder(db);
    const positions = new Map(chain.map((link) => [link.seq, link.position]));
    expect(positions.get(earlySeq)).toBeGreaterThan(positions.get(lateSeq)!);
    expect(await checkAuditTrail(db)).toMatchObject({ ok: true, entriesChecked: committed });
  });
});
