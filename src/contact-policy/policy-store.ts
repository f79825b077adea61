import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { compilePolicy, type CompiledPolicy } from './core/compile.js';
import { withCareProfile } from './core/default-policy.js';
import { policyDocumentSchema } from './core/policy-document.js';
import type { VersionDetail, VersionSummary } from './contract.js';

/**
 * Published policy versions are immutable, so each is compiled once per process and kept. Which version is in
 * force at a moment is asked of the database every time (a small indexed read), so a version published by
 * another process applies here too.
 */

type Db = Kysely<DB> | Transaction<DB>;

const compiled = new Map<string, CompiledPolicy>();

/**
 * A version's key in that cache: its number and the instant it was published, since one process may hold several
 * databases (the tests do), whose versions share numbers.
 */
const keyOf = (version: number, publishedAt: Date) => `${version}@${publishedAt.getTime()}`;

function compiledVersion(row: {
  version: number;
  document: unknown;
  effective_from: Date;
  published_at: Date;
}): CompiledPolicy {
  const key = keyOf(row.version, row.published_at);
  let policy = compiled.get(key);
  if (!policy) {
    policy = compilePolicy({
      version: row.version,
      effectiveFrom: row.effective_from.toISOString(),
      document: policyDocumentSchema.parse(withCareProfile(row.document)),
    });
    compiled.set(key, policy);
  }
  return policy;
}

/** The version in force at `at`: the latest effective date not after it. */
export async function policyInForce(db: Db, at: Date): Promise<CompiledPolicy> {
  const row = await db
    .selectFrom('contact_policy_versions')
    .select(['version', 'published_at'])
    .where('effective_from', '<=', at)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new AppError(
      'contact_policy.none_in_force',
      409,
      `No contact policy is in force on ${at.toISOString()}: publish one first.`,
    );
  }
  return compiled.get(keyOf(row.version, row.published_at)) ?? loadVersion(db, row.version);
}

export async function policyVersion(db: Db, version: number): Promise<CompiledPolicy> {
  const row = await db
    .selectFrom('contact_policy_versions')
    .select(['version', 'published_at'])
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound(`Contact policy version ${version}`);
  return compiled.get(keyOf(row.version, row.published_at)) ?? loadVersion(db, version);
}

async function loadVersion(db: Db, version: number): Promise<CompiledPolicy> {
  const row = await db
    .selectFrom('contact_policy_versions')
    .select(['version', 'document', 'effective_from', 'published_at'])
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound(`Contact policy version ${version}`);
  return compiledVersion(row);
}

/** Every version with its effective date, oldest first: what the simulator needs to pick the one in force. */
export async function allVersions(db: Db): Promise<{ policy: CompiledPolicy; effectiveFrom: number }[]> {
  const rows = await db
    .selectFrom('contact_policy_versions')
    .select(['version', 'document', 'effective_from', 'published_at'])
    .orderBy('effective_from')
    .orderBy('version')
    .execute();
  return rows.map((row) => ({ policy: compiledVersion(row), effectiveFrom: row.effective_from.getTime() }));
}

function versionColumns(db: Db) {
  return db
    .selectFrom('contact_policy_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(['v.version', 'v.effective_from', 'v.note', 'v.published_at', 'v.published_by', 'u.display_name']);
}

function summary(row: {
  version: number;
  effective_from: Date;
  note: string;
  published_at: Date;
  published_by: string | null;
  display_name: string | null;
}): VersionSummary {
  return {
    version: row.version,
    effectiveFrom: row.effective_from.toISOString(),
    note: row.note,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by ? { id: row.published_by, name: row.display_name ?? '' } : null,
  };
}

export async function listVersions(db: Db): Promise<VersionSummary[]> {
  const rows = await versionColumns(db).orderBy('v.version', 'desc').execute();
  return rows.map(summary);
}

export async function versionDetail(db: Db, version: number): Promise<VersionDetail> {
  const row = await versionColumns(db).select('v.document').where('v.version', '=', version).executeTakeFirst();
  if (!row) throw notFound(`Contact policy version ${version}`);
  return { ...summary(row), document: policyDocumentSchema.parse(withCareProfile(row.document)) };
}

/** Serialises publications (and draft saves) across processes. */
export async function lockPolicy(trx: Transaction<DB>) {
  await sql`select pg_advisory_xact_lock(hashtext('accord.contact_policy'))`.execute(trx);
}
