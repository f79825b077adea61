import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { AGENCY, casesToPrint } from '../../../test/support/print-runs.js';
import { verifyAuditTrail } from '../../audit/verify.js';
import type { PrintRunView, ReturnedMailResult, ReturnsReport } from './contract.js';

const START = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';

/** The pages of a PDF pdfkit wrote: its page objects (the page tree's node is `/Type /Pages`). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

const manifestRows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));

/** The mail house's list of returns, sent as the raw CSV. */
const sendReturns = (t: TestApp, session: Session, runId: string, csv: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/print-runs/${runId}/returns`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'text/csv' },
    payload: csv,
  });

describe.each(ENGINES)('the print run and returned mail on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let agent: Session;
  let creditor: Session;
  let printed: string[];
  let refusedCaseId: string;
  let italianCaseId: string;
  let run: PrintRunView;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: AGENCY });
    manager = await signIn(t.app, demoEmail('manager'));
    agent = await signIn(t.app, demoEmail('agent'));
    creditor = await signIn(t.app, demoEmail('creditor_user'));
    const allowed = await casesToPrint(t, agent, 4);
    [refusedCaseId, ...printed] = allowed as [string, ...string[]];
    italianCaseId = printed[0]!;
    const italian = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', italianCaseId)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('debtor_addresses')
      .set({ country: 'IT', subdivision: 'RM', time_zone: 'Europe/Rome', city: 'Roma', postal_code: '00184' })
      .where('debtor_id', '=', italian.debtor_id)
      .execute();
    // Every address of the refused case's debtor sent mail back: it has none to write to.
    const refused = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', refusedCaseId)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('debtor_addresses')
      .set({ undeliverable_at: new Date('2026-11-01T09:00:00Z') })
      .where('debtor_id', '=', refused.debtor_id)
      .execute();
  });
  afterAll(() => t.close());

  it('turns creditor users and agents away from print runs (403), and creditor users from returned mail', async () => {
    for (const session of [creditor, agent]) {
      expect((await as(t.app, session)('GET', '/api/v1/print-runs')).statusCode).toBe(403);
      expect((await as(t.app, session)('POST', '/api/v1/print-runs')).statusCode).toBe(403);
    }
    const returned = await as(t.app, creditor)('POST', `/api/v1/cases/${printed[0]}/returned-mail`, {
      addressId: '00000000-0000-4000-8000-000000000000',
      returnedOn: TODAY,
    });
    expect(returned.statusCode).toBe(403);
  });

  it('prepares the run: each letter issued (Italian or French), one PDF whose pages match the manifest, the refused case listed', async () => {
    const created = await as(t.app, manager)('POST', '/api/v1/print-runs');
    expect(created.statusCode, created.body).toBe(201);
    run = created.json() as PrintRunView;
    expect(run).toMatchObject({ runDate: TODAY, status: 'ready', letterCount: 3, refusedCount: 1, postedOn: null });
    expect(run.refused).toEqual([
      expect.objectContaining({ caseId: refusedCaseId, code: 'communications.no_letter_address' }),
    ]);
    expect(run.letters.map((l) => l.caseId).sort()).toEqual([...printed].sort());

    const pdf = await as(t.app, manager)('GET', `/api/v1/print-runs/${run.id}/letters.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const pages = pageCount(pdf.rawPayload);
    expect(pages).toBe(run.pageCount);

    const manifest = await as(t.app, manager)('GET', `/api/v1/print-runs/${run.id}/manifest.csv`);
    expect(manifest.statusCode).toBe(200);
    const [header, ...rows] = manifestRows(manifest.body);
    expect(header).toEqual([
      'sequence',
      'letter_reference',
      'case_reference',
      'addressee_name',
      'postal_code',
      'city',
      'country',
      'first_page',
      'pages',
      'sheets',
    ]);
    const total = rows.pop()!;
    expect(total[0]).toBe('TOTAL');
    expect(Number(total[8])).toBe(pages);
    expect(Number(total[9])).toBe(pages / 2);
    expect(rows).toHaveLength(3);
    // Every letter starts on an odd page, right after the previous one and its blank back when it is odd.
    let next = 1;
    const text = pdfText(pdf.rawPayload);
    for (const [index, row] of rows.entries()) {
      const letter = run.letters[index]!;
      expect(row.slice(0, 3)).toEqual([String(index + 1), letter.letterReference, letter.caseReference]);
      expect(Number(row[7])).toBe(next);
      expect(Number(row[7]) % 2).toBe(1);
      expect(Number(row[8])).toBe(letter.pages);
      expect(Number(row[9])).toBe(Math.ceil(letter.pages / 2));
      expect(row[6]).toBe(letter.caseId === italianCaseId ? 'IT' : 'FR');
      next += 2 * Math.ceil(letter.pages / 2);
      // Its pages are numbered on their own: the last one says "page n / n".
      expect(text).toContain(`${letter.letterReference} \xb7 page ${letter.pages} / ${letter.pages}`);
    }
    expect(next - 1).toBe(pages);
    // The blank backs: the pages beyond the letters' own.
    const own = run.letters.reduce((sum, l) => sum + l.pages, 0);
    expect(pages - own).toBe(run.letters.filter((l) => l.pages % 2 === 1).length);
    // The Italian case's letter is the Italian one, the others French.
    expect(text).toContain('Importo totale richiesto');
    expect(text).toContain('Montant total demand\xe9');
    // The refused case is nowhere in the PDF.
    const refused = await t.deps.db
      .selectFrom('cases')
      .select(['reference', 'first_letter_sent_on'])
      .where('id', '=', refusedCaseId)
      .executeTakeFirstOrThrow();
    expect(refused.first_letter_sent_on).toBeNull();
    expect(text).not.toContain(refused.reference);
    expect(manifest.body).not.toContain(refused.reference);

    // Each letter is recorded as its case's first, sent the run's day, and kept on the case.
    for (const letter of run.letters) {
      const kase = await t.deps.db
        .selectFrom('cases')
        .select(['first_letter_sent_on', 'first_letter_reference'])
        .where('id', '=', letter.caseId)
        .executeTakeFirstOrThrow();
      expect(kase).toEqual({ first_letter_sent_on: TODAY, first_letter_reference: letter.letterReference });
      const kept = await as(t.app, agent)('GET', `/api/v1/documents/${letter.documentId}/file`);
      expect(kept.statusCode).toBe(200);
      expect(pageCount(kept.rawPayload)).toBe(letter.pages);
    }
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', run.id)
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'print_run.started',
      'print_run.prepared',
      'print_run.downloaded',
      'print_run.downloaded',
    ]);
    const listed = await as(t.app, manager)('GET', '/api/v1/print-runs');
    expect((listed.json() as { runs: { id: string }[] }).runs[0]!.id).toBe(run.id);
  });

  it('a run whose every case is refused has no files and cannot be posted', async () => {
    const again = await as(t.app, manager)('POST', '/api/v1/print-runs');
    expect(again.statusCode, again.body).toBe(201);
    const empty = again.json() as PrintRunView;
    expect(empty).toMatchObject({ letterCount: 0, pageCount: 0, refusedCount: 1 });
    expect((await as(t.app, manager)('GET', `/api/v1/print-runs/${empty.id}/letters.pdf`)).statusCode).toBe(404);
    const posted = await as(t.app, manager)('POST', `/api/v1/print-runs/${empty.id}/posting`, { postedOn: TODAY });
    expect(posted.statusCode).toBe(409);
    expect(posted.json()).toMatchObject({ code: 'communications.print_run_not_ready' });
  });

  it('confirms the posting once, on a day from the run’s to today; the second time is 409', async () => {
    const early = await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/posting`, { postedOn: '2026-11-24' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'communications.posting_day_invalid' });
    const posted = await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/posting`, { postedOn: TODAY });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ status: 'posted', postedOn: TODAY });
    const twice = await as(t.app, manager)('POST', `/api/v1/print-runs/${run.id}/posting`, { postedOn: TODAY });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'communications.print_run_posted', postedOn: TODAY });
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', run.id)
      .where('action', '=', 'print_run.posted')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('returned mail marks the address, opens one trace task, and a second return changes nothing', async () => {
    const letter = run.letters[0]!;
    const addressOf = async () =>
      t.deps.db
        .selectFrom('print_run_letters as l')
        .innerJoin('debtor_addresses as a', 'a.id', 'l.address_id')
        .select(['a.id', 'a.undeliverable_at', 'l.returned_on'])
        .where('l.letter_reference', '=', letter.letterReference)
        .executeTakeFirstOrThrow();
    expect((await addressOf()).undeliverable_at).toBeNull();
    const before = await as(t.app, agent)('POST', `/api/v1/cases/${letter.caseId}/returned-mail`, {
      letterReference: letter.letterReference,
      returnedOn: '2026-11-24',
    });
    expect(before.statusCode).toBe(422);
    expect(before.json()).toMatchObject({ code: 'communications.returned_day_invalid' });

    const returned = await as(t.app, agent)('POST', `/api/v1/cases/${letter.caseId}/returned-mail`, {
      letterReference: letter.letterReference,
      returnedOn: TODAY,
      reason: 'NPAI',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const result = returned.json() as ReturnedMailResult;
    expect(result).toMatchObject({ caseId: letter.caseId, outcome: 'marked', taskId: expect.any(String) });
    const address = await addressOf();
    expect(address.undeliverable_at).not.toBeNull();
    expect(address.returned_on).toBe(TODAY);
    expect(result.addressId).toBe(address.id);
    const tasks = async () =>
      t.deps.db
        .selectFrom('case_tasks')
        .select(['id', 'status'])
        .where('case_id', '=', letter.caseId)
        .where('kind', '=', 'trace_contact')
        .execute();
    expect(await tasks()).toEqual([{ id: result.taskId, status: 'open' }]);
    const lines = await t.deps.db
      .selectFrom('case_events')
      .select(['kind', 'summary_params'])
      .where('case_id', '=', letter.caseId)
      .where('summary_key', '=', 'mail_returned')
      .execute();
    expect(lines).toEqual([
      { kind: 'letter', summary_params: { reference: letter.letterReference, returnedOn: TODAY } },
    ]);

    // The same address again, by its id: nothing changes.
    const again = await as(t.app, agent)('POST', `/api/v1/cases/${letter.caseId}/returned-mail`, {
      addressId: address.id,
      returnedOn: TODAY,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'already_marked', taskId: null });
    expect(await tasks()).toHaveLength(1);
    expect((await addressOf()).undeliverable_at).toEqual(address.undeliverable_at);
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', address.id)
      .where('action', '=', 'debtor_address.mail_returned')
      .execute();
    expect(audits).toHaveLength(1);

    const unknown = await as(t.app, agent)('POST', `/api/v1/cases/${letter.caseId}/returned-mail`, {
      letterReference: 'LR-NOT-A-LETTER',
      returnedOn: TODAY,
    });
    expect(unknown.json()).toMatchObject({ code: 'communications.returned_letter_unknown' });
  });

  it('reads the mail house’s list of returns: each line on its own', async () => {
    const [first, second] = run.letters;
    const csv = [
      'reference;date_retour;motif',
      `${first!.letterReference};25/11/2026;NPAI`,
      `${second!.letterReference};2026-11-25;"Destinataire inconnu; refusé"`,
      'LR-UNKNOWN;2026-11-25;NPAI',
      `${second!.letterReference};31/02/2026;NPAI`,
      '',
    ].join('\r\n');
    const response = await sendReturns(t, manager, run.id, csv);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as ReturnsReport;
    expect(report.lines.map((l) => [l.line, l.outcome])).toEqual([
      [2, 'already_marked'],
      [3, 'marked'],
      [4, 'unknown_letter'],
      [5, 'invalid_date'],
    ]);
    expect(report.marked).toBe(1);
    const view = (await as(t.app, manager)('GET', `/api/v1/print-runs/${run.id}`)).json() as PrintRunView;
    expect(view.returnedCount).toBe(2);
    expect(view.letters[1]!.returnedOn).toBe(TODAY);
    const plain = await sendReturns(t, creditor, run.id, csv);
    expect(plain.statusCode).toBe(403);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
