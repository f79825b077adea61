import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { invalid } from '../platform/errors.js';
import type { GridsView, GridView, NewGrid } from './contract.js';
import { gridInForce, newGridProblems, type GridCriterion } from './core/grid.js';

type Db = Deps['db'] | Transaction<DB>;

const asGrid = (row: { version: number; valid_from: string; criteria: unknown }): GridView => ({
  version: row.version,
  validFrom: row.valid_from,
  criteria: row.criteria as GridCriterion[],
});

/** Every version of the grid, the latest first. */
export async function gridVersions(db: Db): Promise<GridView[]> {
  const rows = await db
    .selectFrom('quality_grid_versions')
    .select(['version', 'valid_from', 'criteria'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map(asGrid);
}

/** The version of the grid in force on a day, or null before the first. */
export async function gridOn(db: Db, day: IsoDate): Promise<GridView | null> {
  return gridInForce(await gridVersions(db), day);
}

/** One version, as a review scored on it shows it. */
export async function gridVersion(db: Db, version: number): Promise<GridView> {
  const row = await db
    .selectFrom('quality_grid_versions')
    .select(['version', 'valid_from', 'criteria'])
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return asGrid(row);
}

/** The versions with who wrote each, and the one in force today (for the compliance officer who owns the grid). */
export async function listGrids(deps: Deps): Promise<GridsView> {
  const rows = await deps.db
    .selectFrom('quality_grid_versions as g')
    .leftJoin('users as u', 'u.id', 'g.created_by')
    .select(['g.version', 'g.valid_from', 'g.criteria', 'u.display_name'])
    .orderBy('g.version', 'desc')
    .execute();
  const items = rows.map((row) => ({ ...asGrid(row), createdByName: row.display_name }));
  const today = agencyToday(deps.now(), deps.config);
  return { inForce: gridInForce(items, today)?.version ?? null, items };
}

/**
 * A new version of the grid, from its date on (today at the earliest, after the latest version's): the reviews already
 * recorded keep the version they were scored on. Under a lock of the table, so two versions never take one number.
 */
export async function publishGrid(deps: Deps, actor: Actor, body: NewGrid, requestId: string): Promise<GridView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    await sql`lock table quality_grid_versions in exclusive mode`.execute(trx);
    const latest = await trx
      .selectFrom('quality_grid_versions')
      .select(['version', 'valid_from'])
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const problems = newGridProblems(body.criteria, body.validFrom, today, latest?.valid_from ?? null);
    if (problems.length > 0)
      throw invalid(
        'quality.grid_invalid',
        'This grid cannot be published: each criterion once, a scale of 1 to 10, texts in French, English and Italian, and a date from today on, after the latest version’s.',
        { problems },
      );
    const version = (latest?.version ?? 0) + 1;
    await trx
      .insertInto('quality_grid_versions')
      .values({
        version,
        valid_from: body.validFrom,
        criteria: JSON.stringify(body.criteria),
        created_by: actor.userId,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'quality.grid_published',
      targetType: 'quality_grid',
      targetId: String(version),
      after: { version, validFrom: body.validFrom, criteria: body.criteria.map((criterion) => criterion.id) },
      requestId,
      at: now,
    });
    return { version, validFrom: body.validFrom, criteria: body.criteria };
  });
}
