import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCampaign, setCampaignStatus } from '../../src/communications/campaigns/campaigns.js';
import { refusalReason } from '../../src/communications/campaigns/core/run-report.js';
import { runCampaign } from '../../src/communications/campaigns/run-campaign.js';
import { composeFirstLetter } from '../../src/communications/core/first-letter.js';
import type { MessageTemplate } from '../../src/communications/core/message-templates.js';
import { loadLetterFacts } from '../../src/communications/first-letter-facts.js';
import { renderFirstLetter } from '../../src/communications/first-letter-pdf.js';
import { issueFirstLetterWith } from '../../src/communications/issue-first-letter.js';
import { DEMO_AGENCY_ADDRESS, loadDemo } from '../../src/demo/seed.js';
import { staffActor, type Actor } from '../../src/identity/actor.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/deps.js';
import { AppError } from '../../src/platform/errors.js';
import { firstLetterReference } from '../../src/contact-policy/record-contact.js';
import {
  countQueries,
  interleavedPagesPerSecond,
  rawPdfkitDrawing,
  recordText,
  startPhase,
  type PhaseProfile,
} from './communications/measure.js';
import { componentTimes } from './communications/components.js';
import { seedCases } from './communications/seed.js';
import { createScratchDatabase } from './scratch-database.js';

/**
 * npm run bench:communications — a campaign of BENCH_MESSAGES messages (default 100,000), a third each first letters,
 * e-mails and SMS, every one decided by the contact policy and queued through the product's own path, on a PostgreSQL
 * server (BENCH_DATABASE_URL; its own database and a temporary DATA_DIR, both removed afterwards).
 *
 * The cases are seeded set-based (communications/seed.ts): debtors in mainland France, Moselle, La Réunion and Italy
 * (1 % with no address) with an e-mail and a mobile, one or two claims, months of past contacts across channels
 * (BENCH_HISTORY, default 20 per 90 days on an e-mail's or SMS's case since its first letter), some holds, opt-outs, opted-out addresses and wrong numbers,
 * and some message bursts the 7-day cap refuses. The letters' cases have no first letter yet; the others had theirs
 * 30 to 150 days ago.
 *
 * Then, at a Wednesday 10:00 in Paris running at the real pace: the first letters issued through issueFirstLetterWith
 * (policy, the R124-4 letter rendered to PDF by pdfkit and kept as a case document, audit), BENCH_CONCURRENCY (default
 * 8) at a time; the e-mails and then the SMS by campaign runs (runCampaign: selection from the queue, then each case's
 * policy decision, rendering and outbox row in its own transaction), one campaign per segment, BENCH_CONCURRENCY
 * campaigns at once. The reference, measured in the same process before the run: the text of one of the run's first
 * letters (its strings, fonts, sizes and places, recorded from the product's drawing) drawn by pdfkit alone, in turns
 * with the product's drawing of the same letter (BENCH_PDF_SECONDS in all, default 10). After the run, the parts of a
 * message (the policy's reads, its decision, the rendering) are timed one at a time on an idle connection.
 *
 * Bars: the whole campaign decided and queued in ≤ 60 s; letters at ≥ 50 % of raw pdfkit's pages/s. The last line
 * gives each bar with its figure, its reference and met / NOT met; the lines before it say where the time went.
 */

const total = Number(process.env.BENCH_MESSAGES ?? 100_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const history = Number(process.env.BENCH_HISTORY ?? 20);
const pdfSeconds = Number(process.env.BENCH_PDF_SECONDS ?? 10);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A Wednesday, 10:00 in Paris: inside every window of the policy, no holiday anywhere in the data. */
const START = Date.parse('2026-11-25T10:00:00+01:00');
const BAR_SECONDS = 60;
const BAR_PDF_SHARE = 0.5;

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

interface Tally {
  attempted: number;
  queued: number;
  /** Refusals by policy rule or problem code. */
  refusals: Map<string, number>;
  failed: number;
  pages: number;
}

const newTally = (): Tally => ({ attempted: 0, queued: 0, refusals: new Map(), failed: 0, pages: 0 });
const refusedCount = (tally: Tally) => [...tally.refusals.values()].reduce((sum, n) => sum + n, 0);
/** The refusals the policy made (by its rule), as opposed to a problem found before it was asked (no recipient). */
const policyRefusals = (tally: Tally) =>
  [...tally.refusals].filter(([reason]) => !reason.startsWith('communications.'));

countQueries();
const scratch = await createScratchDatabase(serverUrl, `accord_bench_comms_${process.pid}_${randomUUID().slice(0, 8)}`);
const dataDir = await mkdtemp(join(tmpdir(), 'accord-bench-comms-'));
const database = await openDatabase({ url: scratch.url, maxConnections: concurrency + 2 });
let cleaned: Promise<void> | null = null;
const cleanup = () =>
  (cleaned ??= (async () => {
    await database.close().catch(() => undefined);
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    process.on('uncaughtException', () => {});
    void cleanup().finally(() => process.exit(130));
  });

try {
  await migrate(database);
  let clockBase = performance.now();
  const deps: Deps = {
    database,
    db: database.db,
    config: loadConfig(
      {},
      {
        LOG_LEVEL: 'silent',
        JOBS: 'off',
        DATA_DIR: dataDir,
        AGENCY_ADDRESS: DEMO_AGENCY_ADDRESS,
        PUBLIC_URL: 'https://accord.example',
        SEPA_CREDITOR_NAME: 'Accord Recouvrement',
        SEPA_CREDITOR_IBAN: 'FR7630006000010001234560183',
      },
    ),
    // The fixed moment, advancing with the real elapsed time.
    now: () => new Date(START + (performance.now() - clockBase)),
    jobs: null,
  };
  await loadDemo(deps, { debtors: 20 });
  const manager = await deps.db.selectFrom('users').selectAll().where('role', '=', 'manager').executeTakeFirstOrThrow();
  const actor = staffActor(manager);
  const seeded = await seedCases(database, { count: total, start: new Date(START), history, segments: concurrency });
  out(
    `seed: ${fmt(seeded.cases)} cases, ${fmt(seeded.contacts)} past contacts, ${fmt(seeded.holds)} holds, ${fmt(seeded.optOuts)} opt-outs in ${seeded.seconds.toFixed(1)} s`,
  );
  await database.executeSql('checkpoint');

  // The reference, on this machine, now, in this process: a first letter of the run as its preview composes it,
  // drawn by the product's code, and its very text drawn by pdfkit alone.
  const sample = await sampleLetter(deps);
  const calls = await recordText(() => renderFirstLetter(sample, new Date()));
  const [raw, drawn] = (await interleavedPagesPerSecond(
    [rawPdfkitDrawing(calls), () => renderFirstLetter(sample, new Date())],
    pdfSeconds,
  )) as [number, number];
  out(
    `raw pdfkit: ${fmt(raw)} pages/s on one thread (a first letter's text, fonts and places drawn by pdfkit alone, in turns with the product's drawing over ${pdfSeconds} s); ` +
      `the product's drawing of the same letter: ${fmt(drawn)} pages/s (${Math.round((drawn / raw) * 100)} %)`,
  );

  clockBase = performance.now();
  const letters = newTally();
  const letterCases = (
    await deps.db
      .selectFrom('cases')
      .select('id')
      .where('reference', 'like', 'BCOM-%')
      .where('first_letter_sent_on', 'is', null)
      .orderBy('reference')
      .execute()
  ).map((row) => row.id);
  const letterPhase = await startPhase(serverUrl, scratch.name);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < letterCases.length; index = next++) {
        letters.attempted += 1;
        try {
          const issued = await issueFirstLetterWith(deps, actor, letterCases[index]!, null);
          letters.queued += 1;
          letters.pages += issued.pages;
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) {
            letters.failed += 1;
            if (letters.failed === 1) process.stderr.write(`first failure: ${String(error)}\n`);
            continue;
          }
          const reason = refusalReason(error.code, error.extra);
          letters.refusals.set(reason, (letters.refusals.get(reason) ?? 0) + 1);
        }
      }
    }),
  );
  const letterProfile = await letterPhase.end();

  const emails = await campaignPhase(deps, actor, 'email', 'balance_statement');
  const sms = await campaignPhase(deps, actor, 'sms', 'reminder');

  const parts = await componentTimes(deps, 500, deps.now());

  const phases = [
    { name: 'letters', tally: letters, profile: letterProfile },
    { name: 'e-mails', tally: emails.tally, profile: emails.profile },
    { name: 'SMS', tally: sms.tally, profile: sms.profile },
  ];
  for (const { name, tally, profile } of phases) {
    out(
      `${name}: ${fmt(tally.attempted)} in ${profile.seconds.toFixed(1)} s = ${fmt(tally.attempted / profile.seconds)}/s decided; ` +
        `${fmt(tally.queued)} queued, ${fmt(refusedCount(tally))} refused (${[...tally.refusals].map(([r, n]) => `${r} ${fmt(n)}`).join(', ') || 'none'}), ${fmt(tally.failed)} failed` +
        (name === 'letters' ? `; ${fmt(tally.pages)} PDF pages = ${fmt(tally.pages / profile.seconds)} pages/s` : ''),
    );
    out(`  profile: ${describe(profile, tally.attempted)}`);
  }
  const seconds = phases.reduce((sum, phase) => sum + phase.profile.seconds, 0);
  const attempted = phases.reduce((sum, phase) => sum + phase.tally.attempted, 0);
  const decisions = phases.reduce(
    (sum, { tally }) => sum + tally.queued + policyRefusals(tally).reduce((s, [, n]) => s + n, 0),
    0,
  );
  const letterPages = letters.pages / letterProfile.seconds;
  const share = letterPages / raw;
  out(
    `parts, one at a time on an idle connection after the run (${fmt(parts.sample)} e-mails' cases): the policy's reads ${parts.factsMs.toFixed(2)} ms, ` +
      `its decision ${parts.decideUs.toFixed(0)} µs, an e-mail's rendering ${parts.renderUs.toFixed(0)} µs; a letter's PDF ${((2 * 1000) / drawn).toFixed(1)} ms (2 pages at ${fmt(drawn)} pages/s)`,
  );
  out(floorLine(phases, attempted, drawn, raw));
  const busy = loadavg()[0]! > availableParallelism() ? ', machine busy' : '';
  const load = `${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores${busy}`;
  out(
    `communications: letters ${fmt(letters.attempted / letterProfile.seconds)}/s, e-mails ${fmt(emails.tally.attempted / emails.profile.seconds)}/s, ` +
      `SMS ${fmt(sms.tally.attempted / sms.profile.seconds)}/s; ${fmt(decisions / seconds)} policy decisions/s inside the run (${fmt(decisions)} decisions); ` +
      `letters ${fmt(letterPages)} PDF pages/s vs raw pdfkit ${fmt(raw)} pages/s; ${concurrency} at a time; load average ${load}`,
  );
  out(
    `bars: ${fmt(attempted)} decided and queued in ${seconds.toFixed(1)} s (bar ≤ ${BAR_SECONDS} s) ${met(seconds <= (BAR_SECONDS * attempted) / 100_000 && attempted >= 100_000)}` +
      `${attempted < 100_000 ? ` (a run of ${fmt(attempted)}, not the bar's 100,000: at this pace 100,000 take ${((seconds * 100_000) / attempted).toFixed(1)} s)` : ''}; ` +
      `letters ${fmt(letterPages)} pages/s vs raw pdfkit ${fmt(raw)} pages/s = ${Math.round(share * 100)} % (bar ≥ ${BAR_PDF_SHARE * 100} %) ${met(share >= BAR_PDF_SHARE)}`,
  );
} finally {
  await cleanup();
}

/** One campaign per segment of the channel, all at once; their reports summed. */
async function campaignPhase(
  deps: Deps,
  actor: Actor,
  channel: 'email' | 'sms',
  template: MessageTemplate,
): Promise<{ tally: Tally; profile: PhaseProfile }> {
  const campaigns: string[] = [];
  for (let k = 0; k < concurrency; k += 1) {
    const { id } = await createCampaign(
      deps,
      actor,
      {
        name: `Bench ${channel} ${k}`,
        channel,
        template,
        segmentIds: [`bench-${channel}-${k}`],
        intervalDays: 14,
        dailyLimit: 100_000,
      },
      null,
    );
    await setCampaignStatus(deps, actor, id, 'active', null);
    campaigns.push(id);
  }
  const phase = await startPhase(serverUrl, scratch.name);
  const runs = await Promise.all(campaigns.map((id) => runCampaign(deps, id, { preview: false, startedBy: actor })));
  const profile = await phase.end();
  const tally = newTally();
  for (const run of runs) {
    tally.attempted += run.selected;
    tally.queued += run.queued;
    tally.failed += run.failed;
    for (const [reason, n] of Object.entries(run.refusals))
      tally.refusals.set(reason, (tally.refusals.get(reason) ?? 0) + n);
  }
  return { tally, profile };
}

/** The first letter of the first letter's case that can have one, composed as its preview would (nothing recorded). */
async function sampleLetter(deps: Deps) {
  const candidates = await deps.db
    .selectFrom('cases')
    .select(['id', 'reference', 'creditor_id', 'debtor_id'])
    .where('reference', 'like', 'BCOM-%')
    .where('first_letter_sent_on', 'is', null)
    .orderBy('reference')
    .limit(50)
    .execute();
  for (const found of candidates) {
    const loaded = await loadLetterFacts(deps.db, deps.config, found, deps.now());
    if (loaded.law !== 'FR') continue; // the French letter's drawing is the one measured
    const composed = composeFirstLetter({
      ...loaded.facts,
      letterReference: firstLetterReference(found.reference),
      sentOn: '2026-11-25',
    });
    if (composed.ok) return composed.letter; // else a case with no address
  }
  throw new Error('no case whose first letter can be composed');
}

function describe(profile: PhaseProfile, items: number): string {
  const per = (value: number) => (value / Math.max(items, 1)) * 1000;
  const server = Number.isNaN(profile.serverCpu)
    ? 'server CPU not visible'
    : `server ${per(profile.serverCpu).toFixed(2)} ms CPU/item`;
  return (
    `node ${per(profile.nodeCpu).toFixed(2)} ms CPU/item (event loop ${Math.round(profile.eventLoopBusy * 100)} % busy), ${server}, ` +
    `${(profile.queries / Math.max(items, 1)).toFixed(1)} statements/item, mean round trip ${(profile.waitMs / Math.max(profile.queries, 1)).toFixed(2)} ms, ` +
    `commit ${(profile.commitMs / Math.max(profile.commits, 1)).toFixed(2)} ms (${Math.round((profile.commitMs / Math.max(profile.waitMs, 1)) * 100)} % of SQL wait); ` +
    `machine ${Math.round(profile.machineBusy * 100)} % busy over ${availableParallelism()} cores`
  );
}

/**
 * What the run could reach on this machine at best: this process runs on one thread (its CPU time per item is a
 * floor), and its work and the server's share the machine's cores (their sum over the cores is another).
 */
function floorLine(
  phases: { name: string; tally: Tally; profile: PhaseProfile }[],
  attempted: number,
  drawn: number,
  raw: number,
): string {
  const node = phases.reduce((sum, phase) => sum + phase.profile.nodeCpu, 0);
  const server = phases.reduce(
    (sum, phase) => sum + (Number.isNaN(phase.profile.serverCpu) ? 0 : phase.profile.serverCpu),
    0,
  );
  const scale = 100_000 / Math.max(attempted, 1);
  const oneThread = node * scale;
  const cores = ((node + server) * scale) / availableParallelism();
  const letterPdf = phases[0]!.tally.pages / drawn;
  const rawPdf = (phases[0]!.tally.pages * scale) / raw;
  return (
    `floor: for 100,000 at this run's CPU cost, this process's one thread needs ≥ ${oneThread.toFixed(1)} s ` +
    `(of which the letters' PDF drawing ${(letterPdf * scale).toFixed(1)} s), and this process plus the server's backends ` +
    `${((node + server) * scale).toFixed(1)} CPU s over ${availableParallelism()} cores ≥ ${cores.toFixed(1)} s: floor ${Math.max(oneThread, cores).toFixed(1)} s; ` +
    `the letters' pages alone at raw pdfkit speed, nothing else done, take ${rawPdf.toFixed(1)} s on one core, ${(rawPdf / availableParallelism()).toFixed(1)} s on all ${availableParallelism()}`
  );
}
