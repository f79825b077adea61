import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { portalSessionOf } from '../../test/support/portal.js';
import { verifyAuditTrail } from '../audit/verify.js';

async function onePagePdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

// A Wednesday, 10:00 in Paris.
const START = new Date('2026-11-25T09:00:00Z');

describe.each(ENGINES)('a debt contested and contact details given on the debtor portal on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let horizon: Session;
  let debtor: Session;
  let stranger: Session;
  let caseId: string;
  let claimReference: string;
  let otherCaseId: string;

  const send = (session: Session, id: string, body: Buffer, type = 'application/pdf', fileName = 'preuve.pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/api/portal/v1/cases/${id}/documents?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': type },
      payload: body,
    });

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    agent = await signIn(t.app, demoEmail('agent'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    const open = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('claims as cl', 'cl.case_id', 'c.id')
      .select(['c.id as case_id', 'c.debtor_id', 'cl.reference'])
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('cl.status', '=', 'open')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'c.debtor_id'))),
      )
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = open.case_id;
    claimReference = open.reference;
    const other = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('debtor_id', '<>', open.debtor_id)
      .where('status', '=', 'open')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    otherCaseId = other.id;
    debtor = await portalSessionOf(t.deps, open.debtor_id);
    stranger = await portalSessionOf(t.deps, other.debtor_id);
  });
  afterAll(() => t.close());

  it('records a dispute with a document: the hold, the disputes queue, the timeline, the audit and the creditor’s view', async () => {
    const sent = await send(debtor, caseId, await onePagePdf('Relevé : facture payée le 3 mars.'));
    expect(sent.statusCode, sent.body).toBe(201);
    const document = sent.json() as { id: string; mediaType: string };
    expect(document.mediaType).toBe('application/pdf');
    const kept = await t.deps.db
      .selectFrom('case_documents')
      .select(['source', 'uploaded_by', 'uploaded_via', 'shared_with_creditor', 'special_category'])
      .where('id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({
      source: 'debtor',
      uploaded_by: null,
      uploaded_via: 'portal',
      shared_with_creditor: true,
      special_category: false,
    });

    const recorded = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${caseId}/disputes`, {
      claimReference,
      grounds: 'already_paid',
      note: 'J’ai payé cette facture en mars, voici le relevé.',
      documentIds: [document.id],
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const dispute = recorded.json() as { id: string; evidenceDueOn: string; documents: number };
    expect(dispute.documents).toBe(1);

    const row = await t.deps.db
      .selectFrom('disputes')
      .select(['opened_by', 'opened_via', 'status', 'hold_id'])
      .where('id', '=', dispute.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ opened_by: null, opened_via: 'portal', status: 'evidence_requested' });
    // The person reads it on their case, being checked, in their words: no staff note, no evidence list.
    const view = await as(t.app, debtor)('GET', `/api/portal/v1/cases/${caseId}`);
    expect((view.json() as { disputes: unknown[] }).disputes).toEqual([
      {
        grounds: 'already_paid',
        claimReference,
        openedAt: expect.any(String) as string,
        state: 'being_checked',
        decidedAt: null,
      },
    ]);
    const hold = await t.deps.db
      .selectFrom('holds')
      .select(['kind', 'status', 'created_by', 'case_id'])
      .where('id', '=', row.hold_id!)
      .executeTakeFirstOrThrow();
    expect(hold).toEqual({ kind: 'dispute', status: 'active', created_by: null, case_id: caseId });
    const stage = await t.deps.db
      .selectFrom('cases')
      .select('stage')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stage.stage).toBe('dispute');

    const queue = await as(t.app, agent)('GET', '/api/v1/disputes?limit=200');
    expect(queue.statusCode).toBe(200);
    const queued = (queue.json() as { items: { id: string; openedBy: string | null; openedVia: string }[] }).items.find(
      (item) => item.id === dispute.id,
    );
    expect(queued).toMatchObject({ openedBy: null, openedVia: 'portal' });

    const events = await t.deps.db
      .selectFrom('case_events')
      .select(['kind', 'actor_user_id'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'dispute')
      .execute();
    expect(events).toEqual([{ kind: 'dispute', actor_user_id: null }]);
    const trail = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'actor_role'])
      .where('action', 'in', ['dispute.recorded', 'hold.placed', 'document.uploaded'])
      .where('target_id', 'in', [dispute.id, row.hold_id!, document.id])
      .orderBy('seq')
      .execute();
    expect(trail.map((entry) => entry.action).sort()).toEqual(['dispute.recorded', 'document.uploaded', 'hold.placed']);
    expect(trail.every((entry) => entry.actor_user_id === null && entry.actor_role === 'debtor')).toBe(true);

    // The creditor's projection: the dispute to answer, with the debtor's document.
    const seen = await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/disputes`);
    expect(seen.statusCode).toBe(200);
    const mine = (seen.json() as { items: { id: string; documents: { id: string }[] }[] }).items.find(
      (item) => item.id === dispute.id,
    );
    expect(mine?.documents.map((d) => d.id)).toEqual([document.id]);
    const docs = await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/documents`);
    expect((docs.json() as { items: { id: string; uploadedVia: string }[] }).items).toContainEqual(
      expect.objectContaining({ id: document.id, uploadedVia: 'portal' }),
    );
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('answers 404 for another person’s case, 401 to a staff session, 403 without the token', async () => {
    const body = { claimReference, grounds: 'not_mine', note: 'Ce n’est pas ma dette du tout.' };
    expect((await as(t.app, stranger)('POST', `/api/portal/v1/cases/${caseId}/disputes`, body)).statusCode).toBe(404);
    expect((await send(stranger, caseId, await onePagePdf('x'))).statusCode).toBe(404);
    expect((await as(t.app, debtor)('POST', `/api/portal/v1/cases/${otherCaseId}/disputes`, body)).statusCode).toBe(
      404,
    );
    expect((await as(t.app, agent)('POST', `/api/portal/v1/cases/${caseId}/disputes`, body)).statusCode).toBe(401);
    expect((await send(agent, caseId, await onePagePdf('x'))).statusCode).toBe(401);
    const noToken = await t.app.inject({
      method: 'POST',
      url: `/api/portal/v1/cases/${caseId}/disputes`,
      headers: { cookie: debtor.cookie },
      payload: body,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ code: 'auth.csrf_failed' });
    const unknownClaim = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${caseId}/disputes`, {
      ...body,
      claimReference: 'NOT-A-CONTRACT',
    });
    expect(unknownClaim.statusCode).toBe(422);
    expect(unknownClaim.json()).toMatchObject({ code: 'portal.claim_unknown' });
  });

  it('refuses a file that is not a PDF, JPEG or PNG, an empty one, and a staff document given as the debtor’s', async () => {
    const text = await send(debtor, caseId, Buffer.from('juste du texte, pas un PDF\n'), 'application/pdf', 'a.pdf');
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(text.json()).toMatchObject({ code: 'documents.type_not_allowed' });
    const tiff = await send(debtor, caseId, Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]), 'image/tiff');
    expect(tiff.statusCode).toBe(415);
    expect((await send(debtor, caseId, Buffer.alloc(0))).statusCode).toBe(422);
    const staffDocument = await t.deps.db
      .selectFrom('case_documents')
      .select('id')
      .where('uploaded_via', '=', 'user')
      .limit(1)
      .executeTakeFirst();
    if (staffDocument) {
      const borrowed = await as(t.app, debtor)('POST', `/api/portal/v1/cases/${caseId}/disputes`, {
        claimReference,
        grounds: 'other',
        note: 'Je joins un document de votre dossier.',
        documentIds: [staffDocument.id],
      });
      expect(borrowed.statusCode).toBe(422);
      expect(borrowed.json()).toMatchObject({ code: 'portal.document_unknown' });
    }
  });

  it('keeps a new address and phone beside the earlier ones, with the debtor as their source, for the agents', async () => {
    const before = await as(t.app, debtor)('GET', '/api/portal/v1/contact-details');
    expect(before.statusCode).toBe(200);
    const addresses = () =>
      t.deps.db
        .selectFrom('debtor_addresses as a')
        .innerJoin('cases as c', 'c.debtor_id', 'a.debtor_id')
        .select(['a.source', 'a.postal_code', 'a.verified_at'])
        .where('c.id', '=', caseId)
        .execute();
    const count = (await addresses()).length;
    const moved = await as(t.app, debtor)('POST', '/api/portal/v1/contact-details/address', {
      line1: '12 rue des Lilas',
      postalCode: '69 003',
      city: 'Lyon',
      country: 'FR',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const after = await addresses();
    expect(after.length).toBe(count + 1);
    expect(after).toContainEqual({ source: 'debtor', postal_code: '69003', verified_at: null });
    const bad = await as(t.app, debtor)('POST', '/api/portal/v1/contact-details/address', {
      line1: '12 rue des Lilas',
      postalCode: '6900',
      city: 'Lyon',
      country: 'FR',
    });
    expect(bad.json()).toMatchObject({ code: 'portal.postcode_invalid' });

    const phone = await as(t.app, debtor)('POST', '/api/portal/v1/contact-details/phones', {
      number: '06 98 76 54 32',
      usage: 'mobile',
    });
    expect(phone.statusCode, phone.body).toBe(201);
    expect(
      (phone.json() as { phones: { masked: string; verified: boolean; givenByYou: boolean }[] }).phones,
    ).toContainEqual(expect.objectContaining({ verified: false, givenByYou: true }));
    const again = await as(t.app, debtor)('POST', '/api/portal/v1/contact-details/phones', {
      number: '+33 6 98 76 54 32',
      usage: 'mobile',
    });
    expect(again.statusCode).toBe(409);
    const lines = await t.deps.db
      .selectFrom('case_events')
      .select('summary_key')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'note')
      .where('actor_user_id', 'is', null)
      .execute();
    expect(JSON.stringify(lines)).toContain('portal_address_given');
    expect(JSON.stringify(lines)).toContain('portal_phone_given');
    // Each new fact opens a task for an agent to verify it, on one of the person's open files, for its team.
    const tasks = await t.deps.db
      .selectFrom('case_tasks as k')
      .innerJoin('cases as c', 'c.id', 'k.case_id')
      .select(['k.source', 'k.status', 'k.team_id', 'c.assigned_team_id', 'c.debtor_id'])
      .where('k.kind', '=', 'contact_check')
      .where(
        'k.debtor_id',
        '=',
        (await t.deps.db.selectFrom('cases').select('debtor_id').where('id', '=', caseId).executeTakeFirstOrThrow())
          .debtor_id,
      )
      .execute();
    expect(tasks.map((k) => Object.keys(k.source as object)).sort()).toEqual([['addressId'], ['contactPointId']]);
    for (const k of tasks) expect(k).toMatchObject({ status: 'open', team_id: k.assigned_team_id });
    expect((await as(t.app, agent)('GET', '/api/portal/v1/contact-details')).statusCode).toBe(401);
  });
});
