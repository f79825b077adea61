import { sql, type Transaction } from 'kysely';
import type { Connection } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, notFound } from '../platform/errors.js';
import { appendAudit, type AuditActor } from '../audit/append.js';
import type { RowError } from './core/types.js';
import type { IntakeItem } from './read-chunks.js';
import type { MergeCounts } from './contract.js';
import {
  claimsOfAnotherDebtor,
  duplicateClaimRows,
  mergeStage,
  unknownClaimRows,
  type CasesClosedHook,
} from './merge.js';
import { STAGE_COLUMNS, STAGE_DDL, STAGE_TABLE, stageLine } from './stage.js';
import { recordText } from '../cases/core/record-texts.js';
import { IntakeFileError } from './parse.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import { placementLockKey } from './recover-placements.js';

/** Rows sent to the database per COPY statement: bounds memory on the embedded engine. */
const COPY_BATCH_ROWS = 20_000;
/** Row errors kept in full in the report; beyond that they are counted. */
export const MAX_STORED_ERRORS = 50_000;

export { createPlacement, type PlacementSource } from './create-placement.js';
export { recoverInterruptedPlacements } from './recover-placements.js';

export interface PlacementReport {
  placementId: string;
  status: 'completed' | 'rejected';
  rowsTotal: number;
  rowsRejected: number;
  errorsStored: number;
  counts: MergeCounts | null;
}

export interface RunOptions {
  actor: AuditActor;
  requestId?: string | null;
  onProgress?: (rowsRead: number) => void;
  /** Tests only: fail after staging this many rows, to prove a crash leaves nothing behind. */
  crashAfterRows?: number;
  /** Benchmark: receives the milliseconds of each phase. */
  timings?: Record<string, number>;
  /** What follows a case the file closed (the app gives the plans' cancellation). */
  onCasesClosed?: CasesClosedHook | undefined;
}

class FileRejected extends Error {}

/** The row errors of an import: kept in full up to MAX_STORED_ERRORS, counted beyond; the lines they reject. */
class ImportErrors {
  readonly stored: RowError[] = [];
  count = 0;
  readonly rejectedLines = new Set<number>();

  add(error: RowError, rejectsLine = false) {
    this.count += 1;
    if (this.stored.length < MAX_STORED_ERRORS) this.stored.push(error);
    if (rejectsLine) this.rejectedLines.add(error.line);
  }

  /** The file as a whole cannot be read: its own problems replace the rows' errors. */
  replaceWithFileErrors(error: IntakeFileError) {
    this.stored.length = 0;
    for (const problem of error.errors) {
      this.stored.push({
        line: problem.line ?? 0,
        column: problem.columns?.join(', ') ?? '(file)',
        value: '',
        code: problem.code,
        message: problem.message,
      });
    }
    this.count = this.stored.length;
  }
}

type PendingPlacement = Awaited<ReturnType<typeof startPlacement>>;

/**
 * Imports a placement's rows in ONE transaction: every valid row is staged with COPY, then merged set-based.
 * A crash at any point leaves the database as it was (the placement is marked failed); re-running the same
 * file is harmless (identical claims are left alone). When the mandate rejects files with errors, a file with
 * any bad row imports nothing and its report lists every error.
 */
export async function runPlacement(
  deps: Deps,
  placementId: string,
  rows: AsyncIterable<IntakeItem>,
  options: RunOptions,
): Promise<PlacementReport> {
  const placement = await startPlacement(deps, placementId);
  const errors = new ImportErrors();
  const read = { rowsTotal: 0 };
  try {
    const report = await deps.database.withConnection(({ db, copyFrom }) =>
      db.transaction().execute(async (trx) => {
        const startedAt = performance.now();
        // Held until commit or rollback (or the death of the connection): tells recovery this import is alive.
        await sql`select pg_advisory_xact_lock(${placementLockKey(placementId)})`.execute(trx);
        await sql.raw(STAGE_DDL).execute(trx);
        await stageRows(copyFrom, rows, { errors, read }, options);
        if (options.timings) options.timings['read+validate+stage'] = Math.round(performance.now() - startedAt);
        await checkStagedRows(trx, placement.creditor_id, errors);
        if (errors.count > 0 && placement.reject_file_on_error) throw new FileRejected();
        if (errors.rejectedLines.size > 0) {
          await sql`delete from intake_stage where line = any(${[...errors.rejectedLines]}::int[])`.execute(trx);
        }
        if (options.timings)
          options.timings['checks'] =
            Math.round(performance.now() - startedAt) - (options.timings['read+validate+stage'] ?? 0);
        const now = deps.now();
        const counts = await mergePlacement(trx, placement, now, agencyToday(now, deps.config), options);
        const finishStartedAt = performance.now();
        await completePlacement(trx, placement, { counts, errors, rowsTotal: read.rowsTotal, now, options });
        if (options.timings) options.timings['errors+queue+audit'] = Math.round(performance.now() - finishStartedAt);
        return {
          status: 'completed' as const,
          rowsTotal: read.rowsTotal,
          rowsRejected: errors.rejectedLines.size,
          errorsStored: errors.stored.length,
          counts,
        };
      }),
    );
    return { placementId, ...report };
  } catch (error) {
    if (error instanceof IntakeFileError) errors.replaceWithFileErrors(error);
    if (error instanceof FileRejected || error instanceof IntakeFileError) {
      await rejectPlacement(deps, placement, errors, read.rowsTotal, options);
      return {
        placementId,
        status: 'rejected',
        rowsTotal: read.rowsTotal,
        rowsRejected: errors.rejectedLines.size,
        errorsStored: errors.stored.length,
        counts: null,
      };
    }
    // Nothing of the file was kept (the transaction rolled back): say so on the placement.
    await deps.db
      .updateTable('placements')
      .set({
        status: 'failed',
        report: JSON.stringify({ failure: error instanceof Error ? error.message : String(error) }),
        completed_at: deps.now(),
      })
      .where('id', '=', placementId)
      .execute();
    throw error;
  }
}

/** The pending placement with its mandate's rule and names, marked running; any other status is refused. */
async function startPlacement(deps: Deps, placementId: string) {
  const placement = await deps.db
    .selectFrom('placements')
    .innerJoin('mandates', 'mandates.id', 'placements.mandate_id')
    .innerJoin('creditors', 'creditors.id', 'placements.creditor_id')
    .select([
      'placements.id',
      'placements.creditor_id',
      'placements.mandate_id',
      'placements.status',
      'placements.source_file_name',
      'mandates.reject_file_on_error',
      'mandates.code as mandate_code',
      'creditors.name as creditor_name',
    ])
    .where('placements.id', '=', placementId)
    .executeTakeFirst();
  if (!placement) throw notFound('The placement');
  if (placement.status !== 'pending') {
    throw new AppError(
      'intake.already_run',
      409,
      `This placement is ${placement.status}; upload the file again to import it again.`,
    );
  }
  await deps.db.updateTable('placements').set({ status: 'running' }).where('id', '=', placementId).execute();
  return placement;
}

/**
 * Reads and checks every row, staging the valid ones with COPY in batches: rows one by one, or chunks read and
 * checked on worker threads (read-chunks.ts). `read.rowsTotal` counts as it goes, so a file that turns unreadable
 * half-way reports the rows read until then.
 */
async function stageRows(
  copyFrom: Connection['copyFrom'],
  rows: AsyncIterable<IntakeItem>,
  into: { errors: ImportErrors; read: { rowsTotal: number } },
  options: RunOptions,
): Promise<void> {
  const { errors, read } = into;
  let batch: string[] = [];
  let batchRows = 0;
  let staged = 0;
  // One COPY in flight while the next batch is parsed and validated: the server and Node work at once.
  let inFlight: Promise<void> | null = null;
  const flush = async () => {
    if (inFlight) await inFlight;
    inFlight = null;
    if (batchRows === 0) return;
    const lines = batch;
    const rowCount = batchRows;
    batch = [];
    batchRows = 0;
    // One chunk per batch, not one per row: the stream machinery then handles a few megabytes at once.
    inFlight = copyFrom(STAGE_TABLE, STAGE_COLUMNS, [lines.join('')]).then(() => {
      staged += rowCount;
      if (options.crashAfterRows !== undefined && staged >= options.crashAfterRows) {
        throw new Error(`simulated crash after ${staged} staged rows`);
      }
    });
    // Awaited at the next flush or at the end; this only keeps an early failure from going unhandled.
    inFlight.catch(() => {});
  };
  for await (const item of rows) {
    const before = read.rowsTotal;
    if ('copyText' in item) {
      read.rowsTotal += item.rowsRead;
      for (const rowErrors of item.rowErrors) rowErrors.forEach((error, i) => errors.add(error, i === 0));
      if (item.stagedRows > 0) batch.push(item.copyText);
      batchRows += item.stagedRows;
    } else {
      read.rowsTotal += 1;
      if (!item.ok) item.errors.forEach((error, i) => errors.add(error, i === 0));
      else {
        batch.push(stageLine(item.row));
        batchRows += 1;
      }
    }
    if (batchRows >= COPY_BATCH_ROWS) await flush();
    if (options.onProgress && Math.floor(read.rowsTotal / 10_000) > Math.floor(before / 10_000)) {
      options.onProgress(read.rowsTotal);
    }
  }
  await flush();
  await flush();
  options.onProgress?.(read.rowsTotal);
}

/**
 * The checks that need the whole file or the database, found in SQL (a million references need no memory here): a
 * claim reference twice in one file (the first row stands), a recall of an unknown claim, a claim of another debtor.
 */
async function checkStagedRows(trx: Transaction<DB>, creditorId: string, errors: ImportErrors): Promise<void> {
  for (const duplicate of await duplicateClaimRows(trx)) {
    errors.add(
      {
        line: duplicate.line,
        column: 'claim_reference',
        value: duplicate.claim_ref,
        code: 'claim_reference.duplicate',
        message: `This claim reference already appears on line ${duplicate.first_line}: each claim must appear once per file.`,
      },
      true,
    );
  }
  for (const unknown of await unknownClaimRows(trx, creditorId)) {
    errors.add(
      {
        line: unknown.line,
        column: 'claim_reference',
        value: unknown.claim_ref,
        code: 'claim_reference.unknown',
        message:
          'No claim with this reference was placed by this creditor: check the reference, or place the claim first.',
      },
      true,
    );
  }
  for (const moved of await claimsOfAnotherDebtor(trx, creditorId)) {
    errors.add(
      {
        line: moved.line,
        column: 'debtor_reference',
        value: moved.claim_ref,
        code: 'claim_reference.other_debtor',
        message: `This claim was placed for another debtor (case ${moved.case_reference}) and a claim never changes debtor: check the debtor reference, or the claim reference.`,
      },
      true,
    );
  }
}

/**
 * The merge, one at a time whatever the creditor: two files naming the same new person must not each create a
 * debtor for them. (Reading, checking and staging still run side by side.)
 */
async function mergePlacement(
  trx: Transaction<DB>,
  placement: PendingPlacement,
  now: Date,
  today: IsoDate,
  options: RunOptions,
): Promise<MergeCounts> {
  await sql`select pg_advisory_xact_lock(hashtext('accord.intake_merge'))`.execute(trx);
  const mergeStartedAt = performance.now();
  const counts = await mergeStage(trx, {
    creditorId: placement.creditor_id,
    mandateId: placement.mandate_id,
    placementId: placement.id,
    actorUserId: options.actor.userId,
    today,
    now,
    timings: options.timings,
    actor: options.actor,
    requestId: options.requestId ?? null,
    onCasesClosed: options.onCasesClosed,
    summary: placement.source_file_name
      ? recordText('placement_file', {
          creditor: placement.creditor_name,
          mandate: placement.mandate_code,
          file: placement.source_file_name,
        })
      : recordText('placement', { creditor: placement.creditor_name, mandate: placement.mandate_code }),
  });
  if (options.timings) options.timings['merge'] = Math.round(performance.now() - mergeStartedAt);
  return counts;
}

/** The report, the queue's dirty marks, the placement completed and its audit entry, in the import's transaction. */
async function completePlacement(
  trx: Transaction<DB>,
  placement: PendingPlacement,
  done: { counts: MergeCounts; errors: ImportErrors; rowsTotal: number; now: Date; options: RunOptions },
): Promise<void> {
  const { counts, errors, rowsTotal, now, options } = done;
  await storeErrors(trx, placement.id, errors.stored);
  // The placement's debtors get (or update) their queue entries at the workspace's next sweep.
  // (The cases the merge touched, from its own tables: closed or re-balanced cases are marked by their triggers.)
  // A new case's debtor is in the merge's table of new cases; only the older cases are looked up. In debtor order,
  // so that the marks' index is walked forward.
  await sql`insert into queue_dirty (debtor_id)
    select debtor_id from (
      select debtor_id from intake_new_cases
      union
      select c.debtor_id from intake_touched_cases t join cases c on c.id = t.case_id
      where not exists (select 1 from intake_new_cases n where n.id = t.case_id)
    ) marked
    order by debtor_id
    on conflict (debtor_id) do nothing`.execute(trx);
  await trx
    .updateTable('placements')
    .set({
      status: 'completed',
      rows_total: rowsTotal,
      rows_rejected: errors.rejectedLines.size,
      claims_created: counts.claimsCreated,
      claims_updated: counts.claimsUpdated,
      report: JSON.stringify({ ...counts, errorCount: errors.count }),
      completed_at: now,
    })
    .where('id', '=', placement.id)
    .execute();
  await appendAudit(trx, {
    actor: options.actor,
    action: 'placement.imported',
    targetType: 'placement',
    targetId: placement.id,
    creditorId: placement.creditor_id,
    after: { ...counts, rowsTotal, rowsRejected: errors.rejectedLines.size },
    requestId: options.requestId ?? null,
    at: now,
  });
}

/** A file refused whole (the mandate's rule, or unreadable): its report and the rejection, audited; nothing else. */
async function rejectPlacement(
  deps: Deps,
  placement: PendingPlacement,
  errors: ImportErrors,
  rowsTotal: number,
  options: RunOptions,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await storeErrors(trx, placement.id, errors.stored);
    await trx
      .updateTable('placements')
      .set({
        status: 'rejected',
        rows_total: rowsTotal,
        rows_rejected: errors.rejectedLines.size,
        report: JSON.stringify({ errorCount: errors.count }),
        completed_at: deps.now(),
      })
      .where('id', '=', placement.id)
      .execute();
    await appendAudit(trx, {
      actor: options.actor,
      action: 'placement.rejected',
      targetType: 'placement',
      targetId: placement.id,
      creditorId: placement.creditor_id,
      after: { rowsTotal, rowsRejected: errors.rejectedLines.size, errorCount: errors.count },
      requestId: options.requestId ?? null,
      at: deps.now(),
    });
  });
}

async function storeErrors(trx: Transaction<DB>, placementId: string, errors: RowError[]) {
  for (let i = 0; i < errors.length; i += 1_000) {
    await trx
      .insertInto('placement_errors')
      .values(
        errors.slice(i, i + 1_000).map((e) => ({
          placement_id: placementId,
          line: e.line,
          column_name: e.column,
          value: e.value,
          code: e.code,
          message: e.message,
        })),
      )
      .execute();
  }
}
