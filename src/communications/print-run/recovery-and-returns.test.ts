import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { AGENCY, casesToPrint, manifestLines } from '../../../test/support/print-runs.js';
import { verifyAuditTrail } from '../../audit/verify.js';
import { staffActor, type Actor } from '../../identity/actor.js';
import { agencyToday } from '../../platform/calendar/today.js';
import type { MarkReturnedReport, PrintRunList, PrintRunView, ReturnCandidates } from './contract.js';
import { PREPARING_SILENCE_LIMIT_MINUTES } from './core/recovery.js';
import { preparePrintRun } from './prepare.js';
import { recoverStalePrintRuns } from './recover.js';
import { stampRun } from './run-lines.js';

const START = new Date('2026-11-25T08:00:00Z');
const MINUTE_MS = 60_000;
const SILENCE_MS = PREPARING_SILENCE_LIMIT_MINUTES * MINUTE_MS;

describe.each(ENGINES)('a print run a crash left preparing, on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let teamLeader: Session;
  let actor: Actor;
  let cases: string[];

  /** A run prepared by a process that dies after issuing `letters` letters: the run stays preparing, no files. */
  const crashedRun = async (letters: number): Promise<PrintRunView> => {
    await expect(preparePrintRun(t.deps, actor, null, { crashAfterLetters: letters })).rejects.toThrow('stopped');
    const list = (await as(t.app, manager)('GET', '/api/v1/print-runs')).json() as PrintRunList;
    const run = list.runs.find((r) => r.status === 'preparing')!;
    return (await as(t.app, manager)('GET', `/api/v1/print-runs/${run.id}`)).json() as PrintRunView;
  };
  const held = (ids: string[], set: { first_letter_sent_on: string | null; first_letter_reference: string | null }) =>
    t.deps.db.updateTable('cases').set(set).where('id', 'in', ids).execute();
  const view = async (id: string) =>
    (await as(t.app, manager)('GET', `/api/v1/print-runs/${id}`)).json() as PrintRunView;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: AGENCY });
    manager = await signIn(t.app, demoEmail('manager'));
    teamLeader = await signIn(t.app, demoEmail('team_leader'));
    const agent = await signIn(t.app, demoEmail('agent'));
    cases = await casesToPrint(t, agent, 9);
    // Three wait for the nightly job's test: marked as written to until then.
    await held(cases.slice(6), { first_letter_sent_on: '2026-10-01', first_letter_reference: 'LR-LATER' });
    const user = await t.deps.db
      .selectFrom('users')
      .select(['id', 'role', 'display_name', 'email'])
      .where('email', '=', demoEmail('manager'))
      .executeTakeFirstOrThrow();
    actor = staffActor(user);
  });
  afterAll(() => t.close());

  it('a run stuck in preparing is resumed by a manager once silent past the limit, with the letters it issued', async () => {
    const run = await crashedRun(2);
    expect(run).toMatchObject({ status: 'preparing', letterCount: 0, stuck: false });
    expect(run.letters).toHaveLength(2);
    expect((await as(t.app, manager)('GET', `/api/v1/print-runs/${run.id}/letters.pdf`)).statusCode).toBe(404);
    // Still within the limit: it may be alive.
    const early = await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/resume`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'communications.print_run_not_stuck', stuckFrom: run.stuckFrom });

    t.clock.advance(SILENCE_MS);
    expect(await view(run.id)).toMatchObject({ status: 'preparing', stuck: true });
    expect((await as(t.app, teamLeader)('POST', `/api/v1/print-runs/${run.id}/resume`)).statusCode).toBe(403);
    const resumed = await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/resume`);
    expect(resumed.statusCode, resumed.body).toBe(200);
    const ready = resumed.json() as PrintRunView;
    expect(ready).toMatchObject({ status: 'ready', letterCount: 2, stuck: false });
    const manifest = await as(t.app, manager)('GET', `/api/v1/print-runs/${run.id}/manifest.csv`);
    expect(manifestLines(manifest.body).map((row) => row[1])).toEqual(run.letters.map((l) => l.letterReference));
    // A second resume, or an abandon, finds it ready.
    const again = await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/resume`);
    expect(again.json()).toMatchObject({ code: 'communications.print_run_not_stuck', runStatus: 'ready' });
    expect((await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/abandon`)).statusCode).toBe(409);
    // The process, had it been alive after all, could add no letter to the finished run (its letter rolls back).
    await expect(t.deps.db.transaction().execute((trx) => stampRun(trx, run.id, t.clock.now))).rejects.toMatchObject({
      code: 'communications.print_run_closed',
    });
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', run.id)
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['print_run.started', 'print_run.resumed', 'print_run.downloaded']);
    expect(audited[1]!.actor_user_id).toBe(actor.userId);
  });

  it('an abandoned run prints nothing; its letters go into the next run, once, before the new ones', async () => {
    const run = await crashedRun(1);
    t.clock.advance(SILENCE_MS);
    const abandoned = await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/abandon`);
    expect(abandoned.statusCode, abandoned.body).toBe(200);
    expect(abandoned.json()).toMatchObject({ status: 'abandoned', abandonedBy: expect.any(String), letterCount: 0 });
    expect((await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/posting`, {})).statusCode).toBe(400);

    const next = await as(t.app, manager)('POST', '/api/v1/print-runs');
    expect(next.statusCode, next.body).toBe(201);
    const printed = next.json() as PrintRunView;
    expect(printed.letters[0]).toMatchObject({
      sequence: 1,
      letterReference: run.letters[0]!.letterReference,
      documentId: run.letters[0]!.documentId,
      carriedFromRunId: run.id,
    });
    // The other cases not yet written to follow it: 6 cases, 2 in the first run, 1 carried, 3 new.
    expect(printed.letters.slice(1).every((l) => l.carriedFromRunId === null)).toBe(true);
    expect(printed.letterCount).toBe(4);
    expect((await view(run.id)).letters[0]!.supersededByRunId).toBe(printed.id);
  });

  it('the nightly job resumes a stuck run of today and abandons one of an earlier day, then finds nothing more', async () => {
    await held(cases.slice(6), { first_letter_sent_on: null, first_letter_reference: null });
    const yesterday = await crashedRun(1);
    t.clock.advance(24 * 60 * MINUTE_MS);
    // A day later: a new session.
    manager = await signIn(t.app, demoEmail('manager'));
    const today = await crashedRun(1);
    expect(await recoverStalePrintRuns(t.deps)).toEqual({ resumed: 0, abandoned: 1 });
    expect((await view(yesterday.id)).status).toBe('abandoned');
    expect((await view(today.id)).status).toBe('preparing');
    t.clock.advance(SILENCE_MS);
    expect(await recoverStalePrintRuns(t.deps)).toEqual({ resumed: 1, abandoned: 0 });
    expect(await recoverStalePrintRuns(t.deps)).toEqual({ resumed: 0, abandoned: 0 });
    expect(await view(today.id)).toMatchObject({ status: 'ready', letterCount: 1 });
    const last = await as(t.app, manager)('POST', '/api/v1/print-runs');
    expect(last.statusCode, last.body).toBe(201);
    expect((last.json() as PrintRunView).letters.map((l) => [l.letterReference, l.carriedFromRunId])).toEqual([
      [yesterday.letters[0]!.letterReference, yesterday.id],
      [expect.any(String), null],
    ]);
    expect((await as(t.app, manager)('POST', '/api/v1/print-runs')).json()).toMatchObject({
      code: 'communications.nothing_to_print',
    });
  });

  it('every letter issued is in exactly one manifest, none in two, none left out', async () => {
    const { runs } = (await as(t.app, manager)('GET', '/api/v1/print-runs')).json() as PrintRunList;
    const printed: string[] = [];
    for (const run of runs.filter((r) => r.status === 'ready')) {
      const manifest = await as(t.app, manager)('GET', `/api/v1/print-runs/${run.id}/manifest.csv`);
      printed.push(...manifestLines(manifest.body).map((row) => row[1]!));
    }
    const issued = await t.deps.db
      .selectFrom('cases')
      .select('first_letter_reference')
      .where('id', 'in', cases)
      .execute();
    expect(issued).toHaveLength(9);
    expect([...printed].sort()).toEqual(issued.map((c) => c.first_letter_reference).sort());
  });

  it('finds returned envelopes by reference or by part of the printed address, and marks several in one step', async () => {
    teamLeader = await signIn(t.app, demoEmail('team_leader'));
    const letters = await t.deps.db
      .selectFrom('print_run_letters as l')
      .innerJoin('debtor_addresses as a', 'a.id', 'l.address_id')
      .select(['l.letter_reference', 'l.case_id', 'l.carried_from_run_id', 'a.line1', 'a.postal_code', 'a.city'])
      .where('l.superseded_by_run_id', 'is', null)
      .orderBy('l.letter_reference')
      .execute();
    const search = async (q: string) => {
      const found = await as(t.app, teamLeader)('GET', `/api/v1/print-run-letters?q=${encodeURIComponent(q)}`);
      expect(found.statusCode, found.body).toBe(200);
      return found.json() as ReturnCandidates;
    };
    const [first, second] = letters;
    // By reference: the one letter, with the name and address as the envelope's window shows them.
    const byReference = await search(first!.letter_reference.toLowerCase());
    expect(byReference.letters.map((l) => l.letterReference)).toEqual([first!.letter_reference]);
    expect(byReference.letters[0]!.addressLines.join(' ')).toContain(first!.postal_code);
    // By part of the street in another case and with its accents dropped; by postal code and city together.
    const street = first!.line1.slice(2, 12);
    expect((await search(street.toUpperCase())).letters.map((l) => l.letterReference)).toContain(
      first!.letter_reference,
    );
    const place = `${second!.postal_code} ${second!.city}`.normalize('NFD').replace(/\p{M}/gu, '');
    expect((await search(place)).letters.map((l) => l.letterReference)).toContain(second!.letter_reference);
    // A letter carried out of an abandoned run is found once, on the run that printed it.
    const carried = letters.find((l) => l.carried_from_run_id !== null)!;
    const once = await search(carried.letter_reference);
    expect(once.letters).toHaveLength(1);
    expect(once.letters[0]!.printRunId).not.toBe(carried.carried_from_run_id);
    expect((await as(t.app, teamLeader)('GET', '/api/v1/print-run-letters?q=ab')).statusCode).toBe(400);
    const agent = await signIn(t.app, demoEmail('agent'));
    expect((await as(t.app, agent)('GET', `/api/v1/print-run-letters?q=${street}`)).statusCode).toBe(403);

    const mark = (references: string[]) =>
      as(t.app, teamLeader)('POST', '/api/v1/print-run-letters/returned', {
        letterReferences: references,
        returnedOn: agencyToday(t.clock.now, t.deps.config),
        reason: 'NPAI',
      });
    const marked = await mark([first!.letter_reference, second!.letter_reference, 'LR-NOT-PRINTED']);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({
      marked: 2,
      letters: [
        { letterReference: first!.letter_reference, caseId: first!.case_id, outcome: 'marked' },
        { letterReference: second!.letter_reference, caseId: second!.case_id, outcome: 'marked' },
        { letterReference: 'LR-NOT-PRINTED', caseId: null, outcome: 'unknown_letter' },
      ],
    });
    const traceTasks = () =>
      t.deps.db
        .selectFrom('case_tasks')
        .select('case_id')
        .where('kind', '=', 'trace_contact')
        .where('case_id', 'in', [first!.case_id, second!.case_id])
        .execute();
    expect(await traceTasks()).toHaveLength(2);
    expect((await search(first!.letter_reference)).letters[0]!.returnedOn).not.toBeNull();
    // The same pile again: nothing more.
    const again = (await mark([first!.letter_reference, second!.letter_reference])).json() as MarkReturnedReport;
    expect(again.letters.map((l) => l.outcome)).toEqual(['already_marked', 'already_marked']);
    expect(await traceTasks()).toHaveLength(2);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
