import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/append.js';
import type { RowError, RowResult } from './core/types.js';
import { claimsOfAnotherDebtor, duplicateClaimRows, mergeStage, unknownClaimRows, type MergeCounts } from './merge.js';
import { STAGE_COLUMNS, STAGE_DDL, STAGE_TABLE, stageLine } from './stage.js';
import { IntakeFileError } from './parse.js';

/** Rows sent to the database per COPY statement: bounds memory on the embedded engine. */
const COPY_BATCH_ROWS = 20_000;
/** Row errors kept in full in the report; beyond that they are counted. */
export const MAX_STORED_ERRORS = 50_000;

export interface PlacementSource {
  fileName: string | null;
  sha256: string | null;
  format: 'csv' | 'jsonl';
}

export interface PlacementReport {
  placementId: string;
  status: 'completed' | 'rejected';
  rowsTotal: number;
  rowsRejected: number;
  errorsStored: number;
  counts: MergeCounts | null;
}

/** Creates the placement record ('pending'), checking the mandate belongs to the creditor and is in force. */
export async function createPlacement(
  deps: Deps,
  input: { creditorId: string; mandateCode: string; source: PlacementSource; actor: AuditActor },
): Promise<{ placementId: string; mandateId: string }> {
  const mandate = await deps.db
    .selectFrom('mandates')
    .select(['id', 'starts_on', 'ends_on'])
    .where('creditor_id', '=', input.creditorId)
    .where('code', '=', input.mandateCode)
    .executeTakeFirst();
  if (!mandate) {
    throw new AppError('intake.unknown_mandate', 404, `This creditor has no mandate ${input.mandateCode}: check the mandate code.`, { mandateCode: input.mandateCode });
  }
  const today = deps.now().toISOString().slice(0, 10);
  if (mandate.starts_on > today || (mandate.ends_on !== null && mandate.ends_on < today)) {
    throw invalid('intake.mandate_not_in_force', `The mandate ${input.mandateCode} is not in force today (${mandate.starts_on} to ${mandate.ends_on ?? 'open-ended'}).`);
  }
  const row = await deps.db
    .insertInto('placements')
    .values({
      creditor_id: input.creditorId,
      mandate_id: mandate.id,
      placed_on: today,
      source_file_name: input.source.fileName,
      source_sha256: input.source.sha256,
      format: input.source.format,
      status: 'pending',
      created_by: input.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { placementId: row.id, mandateId: mandate.id };
}

export interface RunOptions {
  actor: AuditActor;
  requestId?: string | null;
  onProgress?: (rowsRead: number) => void;
  /** Tests only: fail after staging this many rows, to prove a crash leaves nothing behind. */
  crashAfterRows?: number;
  /** Benchmark: receives the milliseconds of each phase. */
  timings?: Record<string, number>;
}

class FileRejected extends Error {}

/** The advisory lock key of a placement's import (a 63-bit hash of its id). */
export function placementLockKey(placementId: string) {
  return sql`hashtextextended(${placementId}::text, 0)`;
}

/**
 * Placements left 'running' by an import whose process died (a kill, a crash of the machine): their transaction
 * rolled back, so nothing of the file is in the database; they are marked failed, to be imported again. A
 * placement whose import is alive holds its advisory lock and is left alone.
 */
export async function recoverInterruptedPlacements(deps: Deps): Promise<number> {
  const running = await deps.db.selectFrom('placements').select(['id', 'creditor_id']).where('status', '=', 'running').execute();
  let recovered = 0;
  for (const placement of running) {
    const marked = await deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${placementLockKey(placement.id)}) as free`.execute(trx);
      if (!rows[0]?.free) return false;
      const updated = await trx
        .updateTable('placements')
        .set({ status: 'failed', report: JSON.stringify({ failure: 'The import stopped before its end (the process was stopped); nothing of the file was kept. Import the file again.' }), completed_at: deps.now() })
        .where('id', '=', placement.id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'placement.interrupted', targetType: 'placement', targetId: placement.id, creditorId: placement.creditor_id, before: { status: 'running' }, after: { status: 'failed' }, at: deps.now() });
      return true;
    });
    if (marked) recovered += 1;
  }
  return recovered;
}

/**
 * Imports a placement's rows in ONE transaction: every valid row is staged with COPY, then merged set-based.
 * A crash at any point leaves the database as it was (the placement is marked failed); re-running the same
 * file is harmless (identical claims are left alone). When the mandate rejects files with errors, a file with
 * any bad row imports nothing and its report lists every error.
 */
export async function runPlacement(
  deps: Deps,
  placementId: string,
  rows: AsyncIterable<RowResult>,
  options: RunOptions,
): Promise<PlacementReport> {
  const placement = await deps.db
    .selectFrom('placements')
    .innerJoin('mandates', 'mandates.id', 'placements.mandate_id')
    .innerJoin('creditors', 'creditors.id', 'placements.creditor_id')
    .select(['placements.id', 'placements.creditor_id', 'placements.mandate_id', 'placements.status', 'placements.source_file_name', 'mandates.reject_file_on_error', 'mandates.code as mandate_code', 'creditors.name as creditor_name'])
    .where('placements.id', '=', placementId)
    .executeTakeFirst();
  if (!placement) throw notFound('The placement');
  if (placement.status !== 'pending') {
    throw new AppError('intake.already_run', 409, `This placement is ${placement.status}; upload the file again to import it again.`);
  }
  await deps.db.updateTable('placements').set({ status: 'running' }).where('id', '=', placementId).execute();

  const errors: RowError[] = [];
  let errorCount = 0;
  let rowsTotal = 0;
  const addError = (error: RowError) => {
    errorCount += 1;
    if (errors.length < MAX_STORED_ERRORS) errors.push(error);
  };
  const rejectedLines = new Set<number>();

  try {
    const report = await deps.database.withConnection(({ db, copyFrom }) =>
      db.transaction().execute(async (trx) => {
        const startedAt = performance.now();
        // Held until commit or rollback (or the death of the connection): tells recovery this import is alive.
        await sql`select pg_advisory_xact_lock(${placementLockKey(placementId)})`.execute(trx);
        await sql.raw(STAGE_DDL).execute(trx);
        let batch: string[] = [];
        let staged = 0;
        // One COPY in flight while the next batch is parsed and validated: the server and Node work at once.
        let inFlight: Promise<void> | null = null;
        const flush = async () => {
          if (inFlight) await inFlight;
          inFlight = null;
          if (batch.length === 0) return;
          const lines = batch;
          batch = [];
          // One chunk per batch, not one per row: the stream machinery then handles a few megabytes at once.
          inFlight = copyFrom(STAGE_TABLE, STAGE_COLUMNS, [lines.join('')]).then(() => {
            staged += lines.length;
            if (options.crashAfterRows !== undefined && staged >= options.crashAfterRows) {
              throw new Error(`simulated crash after ${staged} staged rows`);
            }
          });
          // Awaited at the next flush or at the end; this only keeps an early failure from going unhandled.
          inFlight.catch(() => {});
        };
        for await (const result of rows) {
          rowsTotal += 1;
          if (!result.ok) {
            for (const error of result.errors) addError(error);
            if (result.errors[0]) rejectedLines.add(result.errors[0].line);
          } else {
            batch.push(stageLine(result.row));
            if (batch.length >= COPY_BATCH_ROWS) await flush();
          }
          if (options.onProgress && rowsTotal % 10_000 === 0) options.onProgress(rowsTotal);
        }
        await flush();
        await flush();
        options.onProgress?.(rowsTotal);
        if (options.timings) options.timings['read+validate+stage'] = Math.round(performance.now() - startedAt);

        // A claim reference twice in one file: the first row stands, the others are reported (found in SQL, so a
        // million references need no memory here).
        for (const duplicate of await duplicateClaimRows(trx)) {
          addError({ line: duplicate.line, column: 'claim_reference', value: duplicate.claim_ref, code: 'claim_reference.duplicate', message: `This claim reference already appears on line ${duplicate.first_line}: each claim must appear once per file.` });
          rejectedLines.add(duplicate.line);
        }
        for (const unknown of await unknownClaimRows(trx, placement.creditor_id)) {
          addError({ line: unknown.line, column: 'claim_reference', value: unknown.claim_ref, code: 'claim_reference.unknown', message: 'No claim with this reference was placed by this creditor: check the reference, or place the claim first.' });
          rejectedLines.add(unknown.line);
        }
        for (const moved of await claimsOfAnotherDebtor(trx, placement.creditor_id)) {
          addError({ line: moved.line, column: 'debtor_reference', value: moved.claim_ref, code: 'claim_reference.other_debtor', message: `This claim was placed for another debtor (case ${moved.case_reference}) and a claim never changes debtor: check the debtor reference, or the claim reference.` });
          rejectedLines.add(moved.line);
        }
        if (errorCount > 0 && placement.reject_file_on_error) throw new FileRejected();
        if (rejectedLines.size > 0) {
          await sql`delete from intake_stage where line = any(${[...rejectedLines]}::int[])`.execute(trx);
        }

        if (options.timings) options.timings['checks'] = Math.round(performance.now() - startedAt) - (options.timings['read+validate+stage'] ?? 0);

        // One merge at a time, whatever the creditor: two files naming the same new person must not each create
        // a debtor for them. (Reading, checking and staging above still run side by side.)
        await sql`select pg_advisory_xact_lock(hashtext('accord.intake_merge'))`.execute(trx);
        const now = deps.now();
        const mergeStartedAt = performance.now();
        const counts = await mergeStage(trx, {
          creditorId: placement.creditor_id,
          mandateId: placement.mandate_id,
          placementId,
          actorUserId: options.actor.userId,
          today: now.toISOString().slice(0, 10),
          now,
          timings: options.timings,
          summary: `Remise de ${placement.creditor_name} (mandat ${placement.mandate_code}${placement.source_file_name ? `, fichier ${placement.source_file_name}` : ''})`,
        });
        if (options.timings) options.timings['merge'] = Math.round(performance.now() - mergeStartedAt);
        const finishStartedAt = performance.now();
        await storeErrors(trx, placementId, errors);
        // The placement's debtors get (or update) their queue entries at the workspace's next sweep.
        // (The cases the merge touched, from its own table: closed or re-balanced cases are marked by their triggers.)
        await sql`insert into queue_dirty (debtor_id)
          select distinct c.debtor_id from intake_touched_cases t join cases c on c.id = t.case_id
          on conflict (debtor_id) do nothing`.execute(trx);
        const finished = { status: 'completed' as const, rowsTotal, rowsRejected: rejectedLines.size, errorsStored: errors.length, counts };
        await trx
          .updateTable('placements')
          .set({
            status: 'completed',
            rows_total: rowsTotal,
            rows_rejected: rejectedLines.size,
            claims_created: counts.claimsCreated,
            claims_updated: counts.claimsUpdated,
            report: JSON.stringify({ ...counts, errorCount }),
            completed_at: now,
          })
          .where('id', '=', placementId)
          .execute();
        await appendAudit(trx, {
          actor: options.actor,
          action: 'placement.imported',
          targetType: 'placement',
          targetId: placementId,
          creditorId: placement.creditor_id,
          after: { ...counts, rowsTotal, rowsRejected: rejectedLines.size },
          requestId: options.requestId ?? null,
          at: now,
        });
        if (options.timings) options.timings['errors+queue+audit'] = Math.round(performance.now() - finishStartedAt);
        return finished;
      }),
    );
    return { placementId, ...report };
  } catch (error) {
    if (error instanceof IntakeFileError) {
      // The file as a whole cannot be read (bad header, broken encoding): refused whole, whatever the mandate says.
      errors.length = 0;
      for (const problem of error.errors) {
        errors.push({ line: problem.line ?? 0, column: problem.columns?.join(', ') ?? '(file)', value: '', code: problem.code, message: problem.message });
      }
      errorCount = errors.length;
    }
    if (error instanceof FileRejected || error instanceof IntakeFileError) {
      await deps.db.transaction().execute(async (trx) => {
        await storeErrors(trx, placementId, errors);
        await trx
          .updateTable('placements')
          .set({ status: 'rejected', rows_total: rowsTotal, rows_rejected: rejectedLines.size, report: JSON.stringify({ errorCount }), completed_at: deps.now() })
          .where('id', '=', placementId)
          .execute();
        await appendAudit(trx, {
          actor: options.actor,
          action: 'placement.rejected',
          targetType: 'placement',
          targetId: placementId,
          creditorId: placement.creditor_id,
          after: { rowsTotal, rowsRejected: rejectedLines.size, errorCount },
          requestId: options.requestId ?? null,
          at: deps.now(),
        });
      });
      return { placementId, status: 'rejected', rowsTotal, rowsRejected: rejectedLines.size, errorsStored: errors.length, counts: null };
    }
    // Nothing of the file was kept (the transaction rolled back): say so on the placement.
    await deps.db
      .updateTable('placements')
      .set({ status: 'failed', report: JSON.stringify({ failure: error instanceof Error ? error.message : String(error) }), completed_at: deps.now() })
      .where('id', '=', placementId)
      .execute();
    throw error;
  }
}

async function storeErrors(trx: Parameters<typeof appendAudit>[0], placementId: string, errors: RowError[]) {
  for (let i = 0; i < errors.length; i += 1_000) {
    await trx
      .insertInto('placement_errors')
      .values(errors.slice(i, i + 1_000).map((e) => ({ placement_id: placementId, line: e.line, column_name: e.column, value: e.value, code: e.code, message: e.message })))
      .execute();
  }
}
