import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { invalid, notFound } from '../platform/errors.js';
import { strategyDocumentSchema, type StrategyDocument } from './core/strategy-document.js';
import type { SegmentControl } from './core/queue-entry.js';
import type { StrategyVersionSummary, StrategyVersionView } from './contract.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface StrategyVersion {
  version: number;
  document: StrategyDocument;
}

/**
 * Published versions never change: each is parsed once per process, known by its number and the instant it was
 * published (one process may hold several databases, the tests do, whose versions share numbers).
 */
const parsed = new Map<string, StrategyDocument>();

/** Each segment's name in the latest version that has it (a segment no longer in force keeps its last name). */
export async function segmentNames(db: Db): Promise<Map<string, string>> {
  const rows = await sql<{ id: string; name: string }>`
    select distinct on (s ->> 'id') s ->> 'id' as id, s ->> 'name' as name
    from strategy_versions v, jsonb_array_elements(v.document -> 'segments') s
    order by s ->> 'id', v.version desc`.execute(db);
  return new Map(rows.rows.map((row) => [row.id, row.name]));
}

/** The version in force: the latest published (a new version applies from its publication). */
export async function strategyInForce(db: Db): Promise<StrategyVersion> {
  const row = await db
    .selectFrom('strategy_versions')
    .select(['version', 'published_at'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { version: row.version, document: await strategyDocument(db, row.version, row.published_at) };
}

async function strategyDocument(db: Db, version: number, publishedAt: Date): Promise<StrategyDocument> {
  const key = `${version}@${publishedAt.getTime()}`;
  const cached = parsed.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom('strategy_versions')
    .select('document')
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound(`Strategy version ${version}`);
  const document = strategyDocumentSchema.parse(row.document);
  parsed.set(key, document);
  return document;
}

export async function segmentControls(db: Db): Promise<Map<string, SegmentControl>> {
  const rows = await db
    .selectFrom('segment_controls')
    .select(['segment_id', 'paused', 'priority_boost', 'note'])
    .execute();
  return new Map(
    rows.map((row) => [row.segment_id, { paused: row.paused, priorityBoost: row.priority_boost, note: row.note }]),
  );
}

export async function listStrategyVersions(deps: Deps): Promise<StrategyVersionSummary[]> {
  const rows = await deps.db
    .selectFrom('strategy_versions')
    .leftJoin('users', 'users.id', 'strategy_versions.published_by')
    .select(['version', 'note', 'published_at', 'users.display_name as published_by'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    note: row.note,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
  }));
}

export async function strategyVersionView(deps: Deps, version: number): Promise<StrategyVersionView> {
  const row = await deps.db
    .selectFrom('strategy_versions')
    .leftJoin('users', 'users.id', 'strategy_versions.published_by')
    .select(['version', 'note', 'published_at', 'users.display_name as published_by'])
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound(`Strategy version ${version}`);
  return {
    version: row.version,
    note: row.note,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
    document: await strategyDocument(deps.db, version, row.published_at),
  };
}

/** A strategy document checked by its schema; otherwise 422 `strategy.invalid` with each issue by its path. */
export function checkedStrategy(document: unknown): StrategyDocument {
  const checked = strategyDocumentSchema.safeParse(document);
  if (checked.success) return checked.data;
  const issues = checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw invalid(
    'strategy.invalid',
    `The strategy is not valid: ${issues.map((issue) => `${issue.path || '(document)'}: ${issue.message}`).join('; ')}.`,
    { issues },
  );
}

/**
 * Publishes a new version, in force at once. Every open case is marked for a refresh: the workspace sweep moves
 * the cases to their new segments within minutes, and the version of each entry says which strategy placed it.
 */
export async function publishStrategy(
  deps: Deps,
  actor: Actor,
  input: { document: unknown; note: string },
  requestId: string | null = null,
): Promise<StrategyVersionView> {
  const document = checkedStrategy(input.document);
  const version = await deps.db
    .transaction()
    .execute((trx) => publishStrategyIn(trx, actor, { document, note: input.note }, deps.now(), requestId));
  return strategyVersionView(deps, version);
}

/**
 * Publishes a checked document within the caller's transaction (a champion/challenger decision publishes its version
 * and records itself in one): locks the head version, writes the next, marks every open case for a refresh, audits.
 * Returns the new version's number.
 */
export async function publishStrategyIn(
  trx: Transaction<DB>,
  actor: Actor,
  input: { document: StrategyDocument; note: string },
  now: Date,
  requestId: string | null,
): Promise<number> {
  const checked = { data: input.document };
  // One publisher at a time: the version numbers follow each other without a gap or a clash.
  const head = await trx
    .selectFrom('strategy_versions')
    .select('version')
    .orderBy('version', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = head.version + 1;
  await trx
    .insertInto('strategy_versions')
    .values({
      version: next,
      document: JSON.stringify(checked.data),
      note: input.note.trim(),
      published_by: actor.userId,
      published_at: now,
    })
    .execute();
  await trx
    .insertInto('queue_dirty')
    .columns(['debtor_id'])
    .expression((eb) => eb.selectFrom('cases').select('debtor_id').distinct().where('status', '<>', 'closed'))
    .onConflict((oc) => oc.column('debtor_id').doNothing())
    .execute();
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'strategy.published',
    targetType: 'strategy',
    targetId: String(next),
    before: { version: head.version },
    after: { version: next, note: input.note.trim(), segments: checked.data.segments.map((segment) => segment.id) },
    requestId,
    at: now,
  });
  return next;
}
