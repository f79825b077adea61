import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid } from '../platform/errors.js';
import type { DeadlineRuleBody, DeadlineRuleView, FeeTableBody, FeeTableView, LegalFigures } from './contract.js';
import { FIGURE_REFUSALS, refuseDeadlineRow, refuseFeeTable, type FigureRefusal } from './core/figures.js';
import { loadDeadlineRules } from '../platform/db/deadline-rules.js';
import { feeTablesOf } from '../judicial/fee-tables.js';

/**
 * The specialist procedures' figures of law (issue 15): read by every staff member, added to by compliance officers
 * and administrators. A row is added from today or later, never rewritten; each addition is audited with the row
 * in force before it.
 */

/** The rows in force today: per deadline (or per tariff), the latest row that started by today. */
function markInForce<T extends { validFrom: IsoDate }>(rows: readonly T[], key: (row: T) => string, today: IsoDate) {
  const current = new Map<string, IsoDate>();
  for (const row of rows) {
    const k = key(row);
    const best = current.get(k);
    if (row.validFrom <= today && (!best || row.validFrom > best)) current.set(k, row.validFrom);
  }
  return rows.map((row) => ({ ...row, inForce: current.get(key(row)) === row.validFrom }));
}

export async function readLegalFigures(deps: Deps): Promise<LegalFigures> {
  const today = agencyToday(deps.now(), deps.config);
  const deadlines = [
    ...(await loadDeadlineRules(deps.db, 'overindebtedness')).map((rule) => ({
      procedure: 'overindebtedness' as const,
      ...rule,
    })),
    ...(await loadDeadlineRules(deps.db, 'judicial')).map((rule) => ({ procedure: 'judicial' as const, ...rule })),
  ];
  const feeTables = await feeTablesOf(deps.db);
  return {
    today,
    deadlines: markInForce(deadlines, (row) => `${row.procedure}:${row.deadline}`, today),
    feeTables: markInForce(feeTables, () => 'a444_32', today).map((table) => ({ ...table, bands: [...table.bands] })),
  };
}

function refuse(refusal: FigureRefusal | null) {
  if (refusal) throw invalid(refusal, FIGURE_REFUSALS[refusal]);
}

/** Two additions of one figure and day at once: the later meets the unique index and is told so, as a 409. */
async function uniquely<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('legal_figures.already_dated', FIGURE_REFUSALS['legal_figures.already_dated']);
    throw error;
  }
}

/** Serialises additions of one figure, so the check of the days taken and the insert see the same rows. */
async function lockFigure(trx: Transaction<DB>, key: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`legal_figures:${key}`}))`.execute(trx);
}

/** The addition audited with the row it follows (the one in force on its day before it), in its transaction. */
function auditAddition(
  trx: Transaction<DB>,
  actor: Actor,
  at: Date,
  requestId: string | null,
  row: { kind: 'procedure_deadline' | 'fee_table'; key: string; before: unknown; after: unknown },
) {
  return appendAudit(trx, {
    actor: auditActor(actor),
    action: `reference_data.${row.kind}.added`,
    targetType: `reference_data.${row.kind}`,
    targetId: row.key,
    before: row.before ?? null,
    after: row.after,
    requestId,
    at,
  });
}

/** A deadline's figure from a day: checked, written and audited in one transaction. */
export async function addDeadlineRule(
  deps: Deps,
  actor: Actor,
  body: DeadlineRuleBody,
  requestId: string | null,
): Promise<DeadlineRuleView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return uniquely(() =>
    deps.db.transaction().execute(async (trx) => {
      await lockFigure(trx, `${body.procedure}:${body.deadline}`);
      const existing = (await loadDeadlineRules(trx, body.procedure)).filter((rule) => rule.deadline === body.deadline);
      refuse(
        refuseDeadlineRow(
          body,
          today,
          existing.map((rule) => rule.validFrom),
        ),
      );
      await trx
        .insertInto('procedure_deadline_rules')
        .values({
          procedure: body.procedure,
          deadline: body.deadline,
          amount: body.amount,
          unit: body.unit,
          moves_to_working_day: body.movesToWorkingDay,
          tag: body.tag,
          source: body.source,
          valid_from: body.validFrom,
          created_by: actor.userId,
          created_at: now,
        })
        .execute();
      const before = existing.filter((rule) => rule.validFrom <= body.validFrom).at(-1) ?? null;
      await auditAddition(trx, actor, now, requestId, {
        kind: 'procedure_deadline',
        key: `${body.procedure}:${body.deadline}:${body.validFrom}`,
        before,
        after: body,
      });
      return { ...body, inForce: body.validFrom === today };
    }),
  );
}

/** The commissaire's proportional fee table from a day: checked, written and audited in one transaction. */
export async function addFeeTable(
  deps: Deps,
  actor: Actor,
  body: FeeTableBody,
  requestId: string | null,
): Promise<FeeTableView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return uniquely(() =>
    deps.db.transaction().execute(async (trx) => {
      await lockFigure(trx, 'a444_32');
      const existing = await feeTablesOf(trx);
      refuse(
        refuseFeeTable(
          body,
          today,
          existing.map((table) => table.validFrom),
        ),
      );
      await trx
        .insertInto('judicial_fee_tables')
        .values({
          tariff: 'a444_32',
          floor_cents: body.floorCents,
          floor_upto_cents: body.floorUptoCents,
          cap_cents: body.capCents,
          bands: JSON.stringify(body.bands),
          tag: body.tag,
          source: body.source,
          valid_from: body.validFrom,
          created_by: actor.userId,
          created_at: now,
        })
        .execute();
      const before = existing.filter((table) => table.validFrom <= body.validFrom).at(-1) ?? null;
      await auditAddition(trx, actor, now, requestId, {
        kind: 'fee_table',
        key: `a444_32:${body.validFrom}`,
        before,
        after: body,
      });
      return { ...body, inForce: body.validFrom === today };
    }),
  );
}
