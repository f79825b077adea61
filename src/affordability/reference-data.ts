import type { Kysely, Selectable, Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { invalid } from '../platform/errors.js';
import {
  scaleProblems,
  type ExpenseCategory,
  type LivingFloor,
  type ReferenceData,
  type RsaAmounts,
  type SeizureScale,
  type StandardAllowance,
} from './core/index.js';

/** Every row of the four tables (a few dozen): what `referenceInForce` chooses from. */
export async function loadReferenceData(db: Kysely<DB> | Transaction<DB>): Promise<ReferenceData> {
  const [scales, rsa, allowances, floors] = await Promise.all([
    db.selectFrom('affordability_seizure_scales').selectAll().orderBy('year').execute(),
    db.selectFrom('affordability_rsa_amounts').selectAll().orderBy('effective_from').execute(),
    db
      .selectFrom('affordability_standard_allowances')
      .selectAll()
      .orderBy('category')
      .orderBy('effective_from')
      .execute(),
    db.selectFrom('affordability_living_floors').selectAll().orderBy('effective_from').execute(),
  ]);
  return {
    scales: scales.map((s) => ({
      year: s.year,
      brackets: s.brackets,
      upliftPerDependantCents: s.uplift_per_dependant_cents,
      status: s.status,
      source: s.source,
    })),
    rsa: rsa.map((r) => ({
      effectiveFrom: r.effective_from,
      singleCents: r.single_cents,
      coupleCents: r.couple_cents,
      coupleOneChildCents: r.couple_one_child_cents,
      coupleTwoChildrenCents: r.couple_two_children_cents,
      furtherPersonCents: r.further_person_cents,
      status: r.status,
      source: r.source,
    })),
    allowances: allowances.map((a) => ({ category: a.category as ExpenseCategory, ...perPersonFigures(a) })),
    floors: floors.map(perPersonFigures),
  };
}

/** The columns a standard allowance and a living floor share: a base, an amount per extra person, from a date. */
type PerPersonColumns = Pick<
  Selectable<DB['affordability_living_floors']>,
  'effective_from' | 'base_cents' | 'per_extra_person_cents' | 'status' | 'source'
>;

/** A standard allowance's or a living floor's figures, read from their row. */
function perPersonFigures(row: PerPersonColumns): LivingFloor {
  return {
    effectiveFrom: row.effective_from,
    baseCents: row.base_cents,
    perExtraPersonCents: row.per_extra_person_cents,
    status: row.status,
    source: row.source,
  };
}

/** A standard allowance's or a living floor's figures as their row stores them (the key columns aside). */
function perPersonValues(row: LivingFloor): Omit<PerPersonColumns, 'effective_from'> {
  return {
    base_cents: row.baseCents,
    per_extra_person_cents: row.perExtraPersonCents,
    status: row.status,
    source: row.source,
  };
}

interface Change<T> {
  actor: Actor;
  requestId: string | null;
  row: T;
}

/** Adds or corrects a year's seizure scale, audited in the same transaction. */
export async function saveSeizureScale(deps: Deps, change: Change<SeizureScale>): Promise<SeizureScale> {
  const { row } = change;
  const problems = scaleProblems(row);
  if (problems.length > 0)
    throw invalid(
      'affordability.invalid_seizure_scale',
      `The wage-seizure scale is not valid: ${problems.join('; ')}.`,
      { problems },
    );
  const values = {
    brackets: JSON.stringify(row.brackets),
    uplift_per_dependant_cents: row.upliftPerDependantCents,
    status: row.status,
    source: row.source,
  };
  return save(deps, change, 'seizure_scale', String(row.year), async (trx, at) => {
    const before = await trx
      .selectFrom('affordability_seizure_scales')
      .selectAll()
      .where('year', '=', row.year)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('affordability_seizure_scales')
      .values({ year: row.year, ...values, updated_by: change.actor.userId, updated_at: at })
      .onConflict((oc) => oc.column('year').doUpdateSet({ ...values, updated_by: change.actor.userId, updated_at: at }))
      .execute();
    return before;
  });
}

/** Adds or corrects the RSA amounts from an effective date. */
export async function saveRsaAmounts(deps: Deps, change: Change<RsaAmounts>): Promise<RsaAmounts> {
  const { row } = change;
  const values = {
    single_cents: row.singleCents,
    couple_cents: row.coupleCents,
    couple_one_child_cents: row.coupleOneChildCents,
    couple_two_children_cents: row.coupleTwoChildrenCents,
    further_person_cents: row.furtherPersonCents,
    status: row.status,
    source: row.source,
  };
  return save(deps, change, 'rsa_amounts', row.effectiveFrom, async (trx, at) => {
    const before = await trx
      .selectFrom('affordability_rsa_amounts')
      .selectAll()
      .where('effective_from', '=', row.effectiveFrom)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('affordability_rsa_amounts')
      .values({ effective_from: row.effectiveFrom, ...values, updated_by: change.actor.userId, updated_at: at })
      .onConflict((oc) =>
        oc.column('effective_from').doUpdateSet({ ...values, updated_by: change.actor.userId, updated_at: at }),
      )
      .execute();
    return before;
  });
}

/** Adds or corrects a standard allowance from an effective date. */
export async function saveStandardAllowance(deps: Deps, change: Change<StandardAllowance>): Promise<StandardAllowance> {
  const { row } = change;
  const values = perPersonValues(row);
  return save(deps, change, 'standard_allowance', `${row.category}@${row.effectiveFrom}`, async (trx, at) => {
    const before = await trx
      .selectFrom('affordability_standard_allowances')
      .selectAll()
      .where('category', '=', row.category)
      .where('effective_from', '=', row.effectiveFrom)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('affordability_standard_allowances')
      .values({
        category: row.category,
        effective_from: row.effectiveFrom,
        ...values,
        updated_by: change.actor.userId,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['category', 'effective_from'])
          .doUpdateSet({ ...values, updated_by: change.actor.userId, updated_at: at }),
      )
      .execute();
    return before;
  });
}

/**
 * Adds or corrects the living floor from an effective date. The rows before stay: each budget keeps using the floor
 * in force on its own date, and the audit trail keeps every value a row had.
 */
export async function saveLivingFloor(deps: Deps, change: Change<LivingFloor>): Promise<LivingFloor> {
  const { row } = change;
  const values = perPersonValues(row);
  return save(deps, change, 'living_floor', row.effectiveFrom, async (trx, at) => {
    const before = await trx
      .selectFrom('affordability_living_floors')
      .selectAll()
      .where('effective_from', '=', row.effectiveFrom)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('affordability_living_floors')
      .values({ effective_from: row.effectiveFrom, ...values, updated_by: change.actor.userId, updated_at: at })
      .onConflict((oc) =>
        oc.column('effective_from').doUpdateSet({ ...values, updated_by: change.actor.userId, updated_at: at }),
      )
      .execute();
    return before;
  });
}

/** One transaction: lock and read the row as it was, write it, audit both states. */
async function save<T>(
  deps: Deps,
  change: Change<T>,
  kind: string,
  key: string,
  write: (trx: Transaction<DB>, at: Date) => Promise<unknown>,
): Promise<T> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await write(trx, at);
    await appendAudit(trx, {
      actor: auditActor(change.actor),
      action: `reference_data.${kind}.${before ? 'corrected' : 'added'}`,
      targetType: `reference_data.${kind}`,
      targetId: key,
      before: before ?? null,
      after: change.row,
      requestId: change.requestId,
      at,
    });
  });
  return change.row;
}
