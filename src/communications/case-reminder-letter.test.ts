import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { AGENCY, casesToPrint } from '../../test/support/print-runs.js';

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');
const DAY = 86_400_000;

describe.each(ENGINES)('a reminder letter issued from its case, on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let agent: Session;
  let manager: Session;
  let cases: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-case-reminders-'));
    t = await createTestApp(engine, { demo: true, now: START, config: { ...AGENCY, DATA_DIR: dir } });
    agent = await signIn(t.app, demoEmail('agent'));
    manager = await signIn(t.app, demoEmail('manager'));
    cases = await casesToPrint(t, agent, 3);
    // The first two cases' first letters went out a month ago; the third's has not.
    for (const [i, id] of cases.slice(0, 2).entries())
      await t.deps.db
        .updateTable('cases')
        .set({ first_letter_sent_on: '2026-10-20', first_letter_reference: `LR-FIRST-${i}` })
        .where('id', '=', id)
        .execute();
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const auditCount = async (caseId: string, action: string) =>
    (
      await t.deps.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', action)
        .where('target_id', '=', caseId)
        .execute()
    ).length;

  it('previews the letter as the debtor will receive it, text and PDF, issuing nothing and auditing the read; none before the first letter', async () => {
    const caseId = cases[0]!;
    const text = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/reminder-letters/preview`);
    expect(text.statusCode, text.body).toBe(200);
    const preview = text.json() as {
      reference: string;
      firstLetterReference: string;
      body: string;
      recipient: string[];
    };
    expect(preview).toMatchObject({
      firstLetterReference: 'LR-FIRST-0',
      firstLetterSentOn: '2026-10-20',
      language: 'fr',
    });
    expect(preview.reference).toMatch(/^RL-.+-1$/);
    expect(preview.recipient.length).toBeGreaterThanOrEqual(3);
    expect(preview.body).toContain('LR-FIRST-0');
    const pdf = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/reminder-letters/preview.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const content = pdfText(pdf.rawPayload);
    expect(content).toContain(preview.reference);
    expect(content).toContain('LR-FIRST-0');
    expect(content).toContain('20/10/2026');
    expect(await t.deps.db.selectFrom('reminder_letters').select('id').execute()).toEqual([]);
    expect(await auditCount(caseId, 'reminder_letter.previewed')).toBe(2);

    // Before the first letter (the next print run sends the third case's), nothing may precede it.
    const early = await as(t.app, agent)('POST', `/api/v1/cases/${cases[2]!}/reminder-letters`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'communications.first_letter_missing' });
    const unsent = await as(t.app, agent)('GET', `/api/v1/cases/${cases[2]!}/reminder-letters/preview`);
    expect(unsent.json()).toMatchObject({ code: 'communications.first_letter_missing' });
    expect(await t.deps.db.selectFrom('reminder_letters').select('id').execute()).toEqual([]);
  });

  it('issues it from the case: on the timeline, audited, then in the next print run’s file', async () => {
    const caseId = cases[0]!;
    const issued = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/reminder-letters`);
    expect(issued.statusCode, issued.body).toBe(201);
    const letter = issued.json() as { id: string; reference: string; sentOn: string; firstLetterReference: string };
    expect(letter).toMatchObject({ caseId, sentOn: '2026-11-25', firstLetterReference: 'LR-FIRST-0' });
    expect(letter.reference).toMatch(/^RL-.+-1$/);
    const row = await t.deps.db
      .selectFrom('reminder_letters')
      .select(['case_id', 'print_run_id', 'created_by'])
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ case_id: caseId, print_run_id: null, created_by: agent.userId });
    expect(await auditCount(caseId, 'reminder_letter.issued')).toBe(1);
    const event = await t.deps.db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', caseId)
      .where('occurred_at', '=', START)
      .where('kind', '=', 'letter')
      .executeTakeFirst();
    expect(event?.kind).toBe('letter');

    // A second one the same day: the letters' cap refuses it, and nothing more is kept.
    const again = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/reminder-letters`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'contact.refused' });
    expect((again.json() as { nextAllowedAt: string | null }).nextAllowedAt).not.toBeNull();

    const prepared = await as(t.app, manager)('POST', '/api/v1/print-runs');
    expect(prepared.statusCode, prepared.body).toBe(201);
    const runId = prepared.json().id as string;
    const lines = await t.deps.db
      .selectFrom('print_run_letters')
      .select('letter_reference')
      .where('print_run_id', '=', runId)
      .execute();
    expect(lines.map((line) => line.letter_reference)).toContain(letter.reference);
    const file = await as(t.app, manager)('GET', `/api/v1/print-runs/${runId}/letters.pdf`);
    expect(pdfText(file.rawPayload)).toContain(letter.reference);
  });

  it('refuses under a dispute hold (409 with its reason), keeping nothing', async () => {
    const disputed = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('id', '=', cases[1]!)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: disputed.debtor_id,
        case_id: disputed.id,
        kind: 'dispute',
        reason: 'test',
        starts_at: new Date(START.getTime() - DAY),
        review_at: new Date(START.getTime() + 30 * DAY),
      })
      .execute();
    const refused = await as(t.app, agent)('POST', `/api/v1/cases/${disputed.id}/reminder-letters`);
    expect(refused.statusCode).toBe(409);
    const problem = refused.json() as { code: string; reasons: { rule: string }[] };
    expect(problem.code).toBe('contact.refused');
    expect(problem.reasons.map((reason) => reason.rule).join(' ')).toMatch(/hold\./);

    const kept = await t.deps.db
      .selectFrom('reminder_letters')
      .select('id')
      .where('case_id', '=', disputed.id)
      .execute();
    expect(kept).toEqual([]);
    expect(await auditCount(disputed.id, 'reminder_letter.issued')).toBe(0);
  });
});
