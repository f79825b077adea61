import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../audit/append.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import type { PrintRunList, PrintRunSummary, PrintRunView } from './contract.js';
import { isStale, staleFrom } from './core/recovery.js';
import { readRunFile, type RunFile } from './files.js';

/** The runs, the latest first (the last 100: a run a working day). */
export async function listPrintRuns(deps: Deps): Promise<PrintRunList> {
  const rows = await summaries(deps).limit(100).execute();
  const now = deps.now();
  return { runs: rows.map((row) => summary(row, now)) };
}

/** One run: its letters in the PDF's order and the cases it left out, with why. */
export async function printRunView(deps: Deps, runId: string): Promise<PrintRunView> {
  const row = await summaries(deps).where('r.id', '=', runId).executeTakeFirst();
  if (!row) throw notFound('The print run');
  const letters = await deps.db
    .selectFrom('print_run_letters as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select([
      'l.sequence',
      'l.case_id',
      'c.reference',
      'l.letter_reference',
      'l.document_id',
      'l.first_page',
      'l.pages',
      'l.returned_on',
      'l.carried_from_run_id',
      'l.superseded_by_run_id',
    ])
    .where('l.print_run_id', '=', runId)
    .orderBy('l.sequence')
    .execute();
  return {
    ...summary(row, deps.now()),
    letters: letters.map((l) => ({
      sequence: l.sequence,
      caseId: l.case_id,
      caseReference: l.reference,
      letterReference: l.letter_reference,
      documentId: l.document_id,
      firstPage: l.first_page,
      pages: l.pages,
      returnedOn: l.returned_on,
      carriedFromRunId: l.carried_from_run_id,
      supersededByRunId: l.superseded_by_run_id,
    })),
    refused: row.refused as PrintRunView['refused'],
  };
}

function summaries(deps: Deps) {
  return deps.db
    .selectFrom('print_runs as r')
    .innerJoin('users as p', 'p.id', 'r.prepared_by')
    .leftJoin('users as q', 'q.id', 'r.posted_by')
    .leftJoin('users as x', 'x.id', 'r.abandoned_by')
    .select([
      'r.id',
      'r.run_date',
      'r.status',
      'r.prepared_at',
      'p.display_name as prepared_by',
      'r.letter_count',
      'r.page_count',
      'r.sheet_count',
      'r.refused',
      'r.posted_on',
      'q.display_name as posted_by',
      'r.active_at',
      'r.abandoned_at',
      'x.display_name as abandoned_by',
      sql<number>`(select count(*) from print_run_letters l where l.print_run_id = r.id and l.returned_on is not null)::int`.as(
        'returned',
      ),
    ])
    .orderBy('r.run_date', 'desc')
    .orderBy('r.prepared_at', 'desc');
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

const summary = (row: SummaryRow, now: Date): PrintRunSummary => ({
  id: row.id,
  runDate: row.run_date,
  status: row.status,
  preparedAt: new Date(row.prepared_at).toISOString(),
  preparedBy: row.prepared_by,
  letterCount: row.letter_count,
  pageCount: row.page_count,
  sheetCount: row.sheet_count,
  refusedCount: (row.refused as unknown[]).length,
  postedOn: row.posted_on,
  postedBy: row.posted_by,
  returnedCount: row.returned,
  activeAt: row.active_at.toISOString(),
  stuck: row.status === 'preparing' && isStale(row.active_at, now),
  stuckFrom: row.status === 'preparing' ? staleFrom(row.active_at).toISOString() : null,
  abandonedAt: row.abandoned_at?.toISOString() ?? null,
  abandonedBy: row.abandoned_by,
});

/** One of a run's files (the letters' PDF, the manifest: names and addresses), its download audited. */
export async function downloadRunFile(
  deps: Deps,
  actor: Actor,
  runId: string,
  file: RunFile,
  requestId: string | null,
): Promise<{ body: Buffer; fileName: string }> {
  const run = await deps.db
    .selectFrom('print_runs')
    .select(['id', 'run_date'])
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw notFound('The print run');
  const body = await readRunFile(deps.config, run.id, file);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: auditActor(actor),
      action: 'print_run.downloaded',
      targetType: 'print_run',
      targetId: run.id,
      after: { file, sha256: createHash('sha256').update(body).digest('hex') },
      requestId,
      at: deps.now(),
    }),
  );
  const fileName = `envoi-${run.run_date}-${run.id.slice(-8)}${file === 'pdf' ? '.pdf' : '-manifeste.csv'}`;
  return { body, fileName };
}
