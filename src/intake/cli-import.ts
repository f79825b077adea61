import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { createPlacement } from './import-placement.js';
import type { CasesClosedHook } from './merge.js';
import { formatOfFile, importFile, sha256OfFile } from './import-file.js';

/** The actor of imports run from the command line by an operator with shell access. */
const CLI_ACTOR = { userId: null, role: 'operator_cli' };

export interface CliImportArgs {
  creditor: string;
  mandate: string;
  file: string;
}

export function parseImportArgs(argv: string[]): CliImportArgs {
  const args: Partial<CliImportArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--creditor') args.creditor = argv[++i];
    else if (arg === '--mandate') args.mandate = argv[++i];
    else if (!arg.startsWith('--')) args.file = arg;
    else throw new Error(`Unknown option ${arg}. Usage: import --creditor CODE --mandate CODE FILE`);
  }
  if (!args.creditor || !args.mandate || !args.file)
    throw new Error('Usage: import --creditor CODE --mandate CODE FILE');
  return args as CliImportArgs;
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  return lines;
}

/** `npm run cli -- import --creditor CODE --mandate CODE FILE`: a progress bar, then the summary. */
export async function cliImport(
  deps: Deps,
  args: CliImportArgs,
  onCasesClosed: CasesClosedHook | undefined,
  out: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const creditor = await deps.db
    .selectFrom('creditors')
    .select(['id', 'name'])
    .where('code', '=', args.creditor)
    .executeTakeFirst();
  if (!creditor) throw new AppError('not_found', 404, `No creditor with the code ${args.creditor}.`);
  const [sha256, lines] = await Promise.all([sha256OfFile(args.file), countLines(args.file)]);
  const format = formatOfFile(args.file);
  const { placementId } = await createPlacement(deps, {
    creditorId: creditor.id,
    mandateCode: args.mandate,
    source: { fileName: basename(args.file), sha256, format },
    actor: CLI_ACTOR,
  });
  const rowsExpected = Math.max(1, format === 'csv' ? lines - 1 : lines);
  // Outside a terminal (CI, logs) the bar prints a line every few seconds instead of redrawing.
  const bar = new SingleBar(
    {
      format: ' {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left',
      stream: out,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    Presets.shades_classic,
  );
  bar.start(rowsExpected, 0);
  const started = performance.now();
  const report = await importFile(deps, placementId, args.file, {
    actor: CLI_ACTOR,
    onCasesClosed,
    onProgress: (rows) => bar.update(Math.min(rows, rowsExpected)),
  }).finally(() => bar.stop());
  const seconds = (performance.now() - started) / 1000;
  const c = report.counts;
  const lines_ = [
    `Placement ${placementId} for ${creditor.name} (${args.mandate}): ${report.status}.`,
    `  rows read            ${report.rowsTotal}`,
    `  rows rejected        ${report.rowsRejected}${report.rowsRejected ? ` (see GET /api/v1/placements/${placementId}/errors)` : ''}`,
  ];
  if (c) {
    lines_.push(
      `  claims created       ${c.claimsCreated}`,
      `  claims updated       ${c.claimsUpdated}`,
      `  claims unchanged     ${c.claimsUnchanged}`,
      `  claims recalled      ${c.claimsRecalled}`,
      `  claims closed        ${c.claimsClosed}`,
      `  debtors created      ${c.debtorsCreated}`,
      `  debtors matched      ${c.debtorsMatchedByReference} by reference, ${c.debtorsMatchedByIdentity} by name and birth date`,
      `  possible matches     ${c.possibleMatches} to review`,
      `  cases created        ${c.casesCreated}, closed ${c.casesClosed}`,
    );
  } else if (report.status === 'rejected') {
    lines_.push(
      '  Nothing was imported: the mandate refuses files with errors. Fix the rows listed and import the file again.',
    );
  }
  lines_.push(`  ${Math.round(report.rowsTotal / seconds)} rows/s over ${seconds.toFixed(1)} s`);
  process.stdout.write(`${lines_.join('\n')}\n`);
  return report.status === 'completed' ? 0 : 1;
}
