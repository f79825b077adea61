import { verifyLedger } from '../ledger/verify.js';
import { loadConfig } from '../platform/config.js';
import { migrate } from '../platform/db/migrate.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { loadDemo, DEMO_AGENCY_ADDRESS, DEMO_PASSWORD, DEMO_USERS } from '../demo/seed.js';
import { loadDemoPlacement } from '../demo/placement.js';
import { SECOND_MANAGER } from '../demo/administration.js';
import type { Deps } from '../platform/deps.js';
import { cliImport, parseImportArgs } from '../intake/cli-import.js';
import { cliCreateUser } from '../identity/cli-create-user.js';
import { openConfiguredDatabase, startAccord, stopOnSignals } from '../server.js';
import { existsSync } from 'node:fs';
import { cancelPlansOfClosedCases } from '../plans/cancel-on-close.js';
import { packagePath } from '../platform/paths.js';
import { startDemoSinks } from '../communications/demo-sinks.js';
import { startCardStandIn } from '../portal/card/card-stand-in.js';
import { demoPortalAccess } from '../demo/portal.js';

/**
 * Accord's command line: `npm run cli -- <command>`.
 *   start          serve the API and the web app
 *   demo           load the demo agency (once) and serve
 *   demo:load      load the demo agency (once) and exit
 *   migrate        apply pending migrations and exit
 *   audit:verify   check the audit trail's hash chain; exits 1 on the first broken entry
 *   ledger:verify  check the ledger's invariants; exits 1 with the first violation
 *   import --creditor CODE --mandate CODE FILE   import a placement file (CSV or JSON lines)
 *   user:create --email E --name N --role R [--creditor CODE]   create a user (the first administrator);
 *                  the password comes from ACCORD_NEW_PASSWORD or the first line of standard input
 */
const [command = 'start', ...rest] = process.argv.slice(2);

/** The demo agency, then its first placement through the real intake pipeline; once. */
async function loadDemoWithPlacement(deps: Deps): Promise<boolean> {
  const report = await loadDemo(deps);
  if (report.loaded) await loadDemoPlacement(deps);
  return report.loaded;
}

async function main(): Promise<number> {
  const config = loadConfig();
  switch (command) {
    case 'start':
    case 'demo':
      // The demo agency prints its first letters from a demo address, unless the deployment gives its own.
      return command === 'demo'
        ? serve({ ...config, AGENCY_ADDRESS: config.AGENCY_ADDRESS ?? DEMO_AGENCY_ADDRESS }, true)
        : serve(config, false);
    case 'migrate':
      return withDatabase(config, async (database) => {
        const report = await migrate(database);
        process.stdout.write(
          report.applied.length
            ? `Applied: ${report.applied.join(', ')}\n`
            : `Nothing to apply (${report.alreadyApplied} applied).\n`,
        );
        return 0;
      });
    case 'demo:load':
      return withMigrated(config, async (deps) => {
        const loaded = await loadDemoWithPlacement(deps);
        process.stdout.write(loaded ? 'Demo loaded.\n' : 'The demo is already loaded.\n');
        return 0;
      });
    case 'audit:verify':
      return withMigrated(config, async (deps) => {
        const result = await verifyAuditTrail(deps.db);
        process.stdout.write(`${result.message}\n`);
        return result.ok ? 0 : 1;
      });
    case 'ledger:verify':
      return withMigrated(config, async (deps) => {
        const result = await verifyLedger(deps.db);
        process.stdout.write(
          result.ok
            ? `Ledger verified: ${result.transactions} transactions, ${result.entries} entries, every invariant holds.\n`
            : `Ledger violation: ${result.violation}\n`,
        );
        return result.ok ? 0 : 1;
      });
    case 'import': {
      const args = parseImportArgs(rest);
      // A case the file closes has its live plan cancelled in the import's transaction.
      return withMigrated(config, (deps) => cliImport(deps, args, cancelPlansOfClosedCases));
    }
    case 'user:create':
      return withMigrated(config, (deps) => cliCreateUser(deps, rest));
    default:
      process.stderr.write(
        `Unknown command "${command}". Commands: start, demo, demo:load, migrate, audit:verify, ledger:verify, import, user:create.\n`,
      );
      return 2;
  }
}

type Config = ReturnType<typeof loadConfig>;
type Database = Awaited<ReturnType<typeof openConfiguredDatabase>>;

/** Serves the API and the web app (with the demo agency loaded once, for `demo`), saying where and as whom. */
async function serve(given: Config, demo: boolean): Promise<number> {
  const sinks = demo ? await startDemoSinks(given) : null;
  // Without a card provider of the operator's, the demo pays by card on a local test page (nothing is charged).
  const card = demo && !given.STRIPE_SECRET_KEY ? await startCardStandIn() : null;
  const config = { ...(sinks?.config ?? given), ...card?.config };
  const running = await startAccord({
    config,
    prepare: demo ? loadDemoWithPlacement : undefined,
  });
  stopOnSignals(running);
  card?.notifyTo(`${running.url}/api/portal/v1/card-notices`);
  const where = config.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : `embedded PostgreSQL in ${config.DATA_DIR}`;
  const lines = [
    `Accord is running at ${running.url} on the ${where}.`,
    config.API_DOCS === 'on'
      ? `API documentation: ${running.url}/api/docs`
      : 'API documentation: set API_DOCS=on to serve it at /api/docs',
  ];
  const webApp = packagePath('web', 'dist', 'index.html');
  if (!existsSync(webApp))
    lines.push(`The web app is not built (${webApp} is missing): only the API is served. Run \`npm run build\`.`);
  if (demo) {
    lines.push(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) lines.push(`  ${user.role.padEnd(28)} ${user.email}`);
    // The second manager releases what the first prepared (four-eyes on money out).
    lines.push(`  ${'manager'.padEnd(28)} ${SECOND_MANAGER.email}`);
    lines.push(`Debtor portal at ${running.url}/portal: the access code of a letter and the birth date, then the`);
    lines.push('one-time code sent to the demo outbox below (SMS or e-mail):');
    for (const access of await demoPortalAccess(running.deps))
      lines.push(`  ${access.accessCode}  born ${access.birthDate}  ${access.name} (code by ${access.channel})`);
  }
  lines.push(...(sinks?.lines ?? []));
  if (card)
    lines.push(
      `Card payments on the portal go to a local test payment page (no card asked, nothing charged), port ${card.port}`,
    );
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
  return -1; // keep serving
}

/** Runs a command on the configured database, closed afterwards whatever happens. */
async function withDatabase(config: Config, run: (database: Database) => Promise<number>): Promise<number> {
  const database = await openConfiguredDatabase(config);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/** Runs a command on the configured database once its pending migrations are applied. */
function withMigrated(config: Config, run: (deps: Deps) => Promise<number>): Promise<number> {
  return withDatabase(config, async (database) => {
    await migrate(database);
    return run({ database, db: database.db, config, now: () => new Date() });
  });
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
