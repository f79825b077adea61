import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { AGENCY, casesToPrint } from '../../test/support/print-runs.js';
import { documentStorage } from '../documents/storage.js';
import { shippedText } from './core/message-templates.js';
import { issueReminderLetter } from './issue-reminder-letter.js';

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');
const SLOT = '/api/v1/message-templates/reminder/letter/fr';

const fileText = async (t: TestApp, documentId: string) => {
  const file = await documentStorage(t.deps.config).get(documentId);
  const chunks: Buffer[] = [];
  for await (const chunk of file!.stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return pdfText(Buffer.concat(chunks));
};

describe.each(ENGINES)('reminder letters by post, on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let agent: Session;
  let compliance: Session;
  let manager: Session;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-reminders-'));
    t = await createTestApp(engine, { demo: true, now: START, config: { ...AGENCY, DATA_DIR: dir } });
    agent = await signIn(t.app, demoEmail('agent'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    manager = await signIn(t.app, demoEmail('manager'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to submit or publish a letter template that does not cite the first letter’s reference', async () => {
    const shipped = shippedText({ template: 'reminder', channel: 'letter', language: 'fr' });
    const lacking = shipped.body.replace('(référence {{firstLetterReference}})', '');
    const saved = await as(t.app, compliance)('PUT', `${SLOT}/draft`, {
      subject: null,
      body: lacking,
      expectedUpdatedAt: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const refused = await as(t.app, compliance)('POST', `${SLOT}/draft/submit`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('templates.not_publishable');
    const judicial = await as(t.app, compliance)('POST', '/api/v1/message-templates/preview', {
      template: 'reminder',
      channel: 'letter',
      language: 'fr',
      subject: null,
      body: `${shipped.body}\n\nDernier avis avant saisie : 40 € de frais.`,
      sample: { kind: 'edge', edge: 'company' },
    });
    expect(judicial.statusCode, judicial.body).toBe(200);
    const codes = (judicial.json() as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['template.judicial_wording', 'template.literal_amount']));
    expect((await as(t.app, compliance)('DELETE', `${SLOT}/draft`)).statusCode).toBeLessThan(300);
  });

  it('runs a letter campaign: reminder PDFs that cite the first letter, no fee, then printed by the print run', async () => {
    const cases = await casesToPrint(t, agent, 3);
    // The three cases' first letters went out a month ago; only they plan letters in the queue.
    await t.deps.db
      .updateTable('cases')
      .set({ first_letter_sent_on: '2026-10-20', first_letter_reference: sql<string>`'LR-' || reference` })
      .where('id', 'in', cases)
      .execute();
    await t.deps.db
      .updateTable('case_queue')
      .set({ channels: ['phone'] })
      .execute();
    await t.deps.db
      .updateTable('case_queue')
      .set({ channels: ['letter'] })
      .where('case_id', 'in', cases)
      .execute();
    // One of them is disputed: its hold refuses the letter.
    const disputed = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('id', '=', cases[2]!)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: disputed.debtor_id,
        case_id: disputed.id,
        kind: 'dispute',
        reason: 'test',
        starts_at: new Date(START.getTime() - 86_400_000),
        review_at: new Date(START.getTime() + 30 * 86_400_000),
      })
      .execute();

    const created = await as(t.app, compliance)('POST', '/api/v1/campaigns', {
      name: 'Relance courrier',
      channel: 'letter',
      template: 'reminder',
      segmentIds: [],
      intervalDays: 30,
      dailyLimit: 50,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const preview = await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: true });
    expect(preview.json()).toMatchObject({ selected: 3, queued: 2, refused: 1 });
    expect(await t.deps.db.selectFrom('reminder_letters').selectAll().execute()).toEqual([]);
    await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/status`, { status: 'active' });
    const run = await as(t.app, compliance)('POST', `/api/v1/campaigns/${id}/runs`, { preview: false });
    expect(run.json(), run.body).toMatchObject({ selected: 3, queued: 2, refused: 1 });
    expect(Object.keys(run.json().refusals as object)[0]).toMatch(/^hold\./);

    const letters = await t.deps.db
      .selectFrom('reminder_letters as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['r.id', 'r.case_id', 'r.reference', 'r.document_id', 'r.content_sha256', 'c.first_letter_reference'])
      .orderBy('r.reference')
      .execute();
    expect(letters).toHaveLength(2);
    for (const letter of letters) {
      const text = await fileText(t, letter.document_id);
      expect(text).toContain(letter.first_letter_reference!);
      expect(text).toContain('20/10/2026');
      expect(text).toContain(letter.reference);
      expect(text).toMatch(/aucuns frais de recouvrement/);
      expect(text).not.toMatch(/frais de recouvrement\s*·/);
      const audit = await t.deps.db
        .selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'reminder_letter.issued')
        .where('target_id', '=', letter.case_id)
        .executeTakeFirstOrThrow();
      expect((audit.after as { contentSha256: string }).contentSha256).toBe(letter.content_sha256);
      // On the case's timeline, which the creditor's projection reads (kind `letter`).
      const event = await t.deps.db
        .selectFrom('case_events')
        .select('kind')
        .where('case_id', '=', letter.case_id)
        .where('occurred_at', '=', START)
        .executeTakeFirst();
      expect(event?.kind).toBe('letter');
    }

    // A second reminder within fourteen days is refused by the letters' cap, and nothing is kept.
    const actor = {
      userId: manager.userId,
      role: 'manager' as const,
      creditorId: null,
      displayName: 'M',
      email: '',
      locale: 'fr' as const,
    };
    await expect(issueReminderLetter(t.deps, actor, letters[0]!.case_id)).rejects.toMatchObject({
      code: 'contact.refused',
    });
    expect(await t.deps.db.selectFrom('reminder_letters').select('id').execute()).toHaveLength(2);

    // Before the run, the second letter's debtor disputes the claim: the run checks each letter again and withdraws it.
    const [kept, recalled] = letters as [(typeof letters)[number], (typeof letters)[number]];
    const recalledCase = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('id', '=', recalled.case_id)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: recalledCase.debtor_id,
        case_id: recalledCase.id,
        kind: 'dispute',
        reason: 'test',
        starts_at: START,
        review_at: new Date(START.getTime() + 30 * 86_400_000),
      })
      .execute();

    // The next print run takes the other, after the first letters; the manifest lists it for the mail house.
    const prepared = await as(t.app, manager)('POST', '/api/v1/print-runs');
    expect(prepared.statusCode, prepared.body).toBe(201);
    const runId = prepared.json().id as string;
    const lines = await t.deps.db
      .selectFrom('print_run_letters')
      .select('letter_reference')
      .where('print_run_id', '=', runId)
      .execute();
    const references = lines.map((line) => line.letter_reference);
    expect(references).toContain(kept.reference);
    expect(references).not.toContain(recalled.reference);
    const states = await t.deps.db
      .selectFrom('reminder_letters')
      .select(['id', 'print_run_id', 'withdrawn_reason', 'withdrawn_rules'])
      .execute();
    expect(states.find((row) => row.id === kept.id)).toMatchObject({ print_run_id: runId, withdrawn_reason: null });
    expect(states.find((row) => row.id === recalled.id)).toMatchObject({
      print_run_id: null,
      withdrawn_reason: 'no_longer_allowed',
      withdrawn_rules: ['hold.dispute'],
    });
    const withdrawn = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'reminder_letter.withdrawn')
      .where('target_id', '=', recalled.case_id)
      .executeTakeFirstOrThrow();
    expect(withdrawn.after).toMatchObject({ reference: recalled.reference, reason: 'no_longer_allowed' });
    const line = await t.deps.db
      .selectFrom('case_events')
      .select('summary_key')
      .where('case_id', '=', recalled.case_id)
      .where('summary_key', '=', 'reminder_letter_withdrawn')
      .executeTakeFirst();
    expect(line).toBeDefined();
    const downloaded = await as(t.app, manager)('GET', `/api/v1/print-runs/${runId}/letters.pdf`);
    expect(pdfText(downloaded.rawPayload)).toContain(kept.reference);
    expect(pdfText(downloaded.rawPayload)).not.toContain(recalled.reference);
    // A second run finds nothing more to take: the withdrawn letter waits for no run.
    expect(
      await t.deps.db
        .selectFrom('reminder_letters')
        .where('print_run_id', 'is', null)
        .where('withdrawn_at', 'is', null)
        .select('id')
        .execute(),
    ).toEqual([]);

    // Had that run been abandoned before its files went to the mail house, its reminder letter goes back to those
    // waiting and is checked again by the next run, not carried as it was: an opt-out since withdraws it.
    await t.deps.db
      .updateTable('print_runs')
      .set({ status: 'abandoned', abandoned_at: START })
      .where('id', '=', runId)
      .execute();
    const keptCase = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('id', '=', kept.case_id)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: keptCase.debtor_id,
        case_id: keptCase.id,
        kind: 'dispute',
        reason: 'test',
        starts_at: START,
        review_at: new Date(START.getTime() + 30 * 86_400_000),
      })
      .execute();
    const next = await as(t.app, manager)('POST', '/api/v1/print-runs');
    expect(next.statusCode, next.body).toBe(201);
    const nextLines = await t.deps.db
      .selectFrom('print_run_letters')
      .select('letter_reference')
      .where('print_run_id', '=', next.json().id as string)
      .execute();
    expect(nextLines.map((line) => line.letter_reference)).not.toContain(kept.reference);
    const keptNow = await t.deps.db
      .selectFrom('reminder_letters')
      .select(['print_run_id', 'withdrawn_reason'])
      .where('id', '=', kept.id)
      .executeTakeFirstOrThrow();
    expect(keptNow).toEqual({ print_run_id: null, withdrawn_reason: 'no_longer_allowed' });
  });
});
