import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { signInCaseReaders } from '../../test/support/need-to-know.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { documentsDir } from '../platform/config.js';
import { renderPdf } from '../platform/pdf.js';
import { deleteExpiredDocuments } from './erase-documents.js';

const START = new Date('2026-11-25T09:00:00Z');
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(120, 0)]);

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((entry) =>
    statSync(join(root, entry)).isFile(),
  );
}

describe.each(ENGINES)('documents on a case on %s', (engine) => {
  let t: TestApp;
  let readers: Awaited<ReturnType<typeof signInCaseReaders>>;
  let horizon: Session;
  let energie: Session;
  let heldCaseId: string;
  let horizonCaseId: string;
  let pdf: Buffer;

  const upload = (
    session: Session,
    caseId: string,
    query: Record<string, string>,
    body: Buffer,
    type = 'application/pdf',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents?${new URLSearchParams(query).toString()}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': type },
      payload: body,
    });
  const auditActions = async (targetId: string) =>
    (
      await t.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', targetId)
        .orderBy('seq')
        .execute()
    ).map((row) => row.action);

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: { DOCUMENT_LIMIT_BYTES: 64 * 1024 } });
    readers = await signInCaseReaders(t);
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const next = await as(t.app, readers.holder)('POST', '/api/v1/workspace/next-case');
    expect(next.statusCode, next.body).toBe(200);
    heldCaseId = next.json().entry.caseId;
    horizonCaseId = (
      await t.deps.db
        .selectFrom('cases')
        .select('id')
        .where('creditor_id', '=', horizon.creditorId!)
        .where('status', '=', 'open')
        .orderBy('reference')
        .executeTakeFirstOrThrow()
    ).id;
    pdf = await renderPdf({ title: 'Avis d’imposition', createdAt: START }, (doc) => doc.text('Revenus 2025'));
  });
  afterAll(() => t.close());

  it('stores an upload by its id with its SHA-256, lists it and gives back the same bytes, audited', async () => {
    const before = filesUnder(documentsDir(t.deps.config));
    const response = await upload(
      readers.holder,
      horizonCaseId,
      {
        type: 'creditor_evidence',
        source: 'agent',
        fileName: 'Contrat de prêt.pdf',
        sharedWithCreditor: 'true',
      },
      pdf,
    );
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({
      type: 'creditor_evidence',
      source: 'agent',
      fileName: 'Contrat de prêt.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      sharedWithCreditor: true,
      specialCategory: false,
      restricted: false,
      uploadedBy: { displayName: 'Camille Martin' },
      retention: { monthsAfterClosure: 60, basis: 'limitation', until: null },
    });
    expect(filesUnder(documentsDir(t.deps.config)).sort()).toEqual(
      [...before, join(document.id.slice(0, 2), document.id)].sort(),
    );

    const list = await as(t.app, readers.holder)('GET', `/api/v1/cases/${horizonCaseId}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(document.id);

    const file = await as(t.app, readers.holder)('GET', `/api/v1/documents/${document.id}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Contrat de pr_t.pdf"; filename*=UTF-8''Contrat%20de%20pr%C3%AAt.pdf`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(await auditActions(document.id)).toEqual(['document.uploaded', 'document.downloaded']);
  });

  it('refuses a program renamed .pdf, whatever the declared type, and keeps nothing of it', async () => {
    const before = filesUnder(documentsDir(t.deps.config));
    const response = await upload(
      readers.holder,
      horizonCaseId,
      { type: 'other', source: 'debtor', fileName: 'facture.pdf' },
      EXE,
    );
    expect(response.statusCode, response.body).toBe(415);
    expect(response.json().code).toBe('documents.type_not_allowed');
    expect(filesUnder(documentsDir(t.deps.config))).toEqual(before);
    const refused = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'document.refused')
      .execute();
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0]!.after)).not.toContain('facture');
  });

  it('keeps a path-like name as metadata only, and sends it back safely encoded', async () => {
    const before = filesUnder(documentsDir(t.deps.config));
    const response = await upload(
      readers.holder,
      horizonCaseId,
      { type: 'correspondence', source: 'debtor', fileName: '../../../etc/"pass"\r\nwd' },
      Buffer.from('Madame, je conteste le montant.\n'),
      'application/octet-stream',
    );
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({ fileName: '"pass"wd', mediaType: 'text/plain' });
    const added = filesUnder(documentsDir(t.deps.config)).filter((file) => !before.includes(file));
    expect(added).toEqual([join(document.id.slice(0, 2), document.id)]);
    const file = await as(t.app, readers.holder)('GET', `/api/v1/documents/${document.id}/file`);
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="_pass_wd.txt"; filename*=UTF-8''%22pass%22wd.txt`,
    );
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const before = filesUnder(documentsDir(t.deps.config));
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(70 * 1024, 0x20)]);
    const response = await upload(
      readers.holder,
      horizonCaseId,
      { type: 'other', source: 'agent', fileName: 'scan.pdf' },
      big,
    );
    expect(response.statusCode, response.body).toBe(413);
    expect(response.json().code).toBe('request.too_large');
    expect(filesUnder(documentsDir(t.deps.config))).toEqual(before);
  });

  it('lets a creditor read only the shared documents of its own cases; another creditor gets 404', async () => {
    const internal = await upload(
      readers.holder,
      horizonCaseId,
      { type: 'proof_of_income', source: 'debtor', fileName: 'bulletin.pdf' },
      pdf,
    );
    expect(internal.statusCode, internal.body).toBe(201);
    const list = await as(t.app, horizon)('GET', `/api/v1/cases/${horizonCaseId}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      id: string;
      sharedWithCreditor: boolean;
      uploadedBy: { displayName: string } | null;
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((d) => d.sharedWithCreditor)).toBe(true);
    // An agency user's name is never shown to the creditor; its own user's is (the demo's contract copy).
    expect(new Set(items.map((d) => d.uploadedBy?.displayName ?? null))).toEqual(
      new Set([null, 'Paul Durand (Banque Horizon)']),
    );
    expect(items.map((d) => d.id)).not.toContain(internal.json().id);
    expect((await as(t.app, horizon)('GET', `/api/v1/documents/${internal.json().id}/file`)).statusCode).toBe(404);
    const shared = items[0]!.id;
    expect((await as(t.app, horizon)('GET', `/api/v1/documents/${shared}/file`)).statusCode).toBe(200);

    expect((await as(t.app, energie)('GET', `/api/v1/cases/${horizonCaseId}/documents`)).statusCode).toBe(404);
    const other = await as(t.app, energie)('GET', `/api/v1/documents/${shared}/file`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    const foreign = await upload(
      energie,
      horizonCaseId,
      { type: 'creditor_evidence', source: 'creditor', fileName: 'x.pdf' },
      pdf,
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('records a creditor’s upload as its own evidence, shared with it', async () => {
    const agentSource = await upload(
      horizon,
      horizonCaseId,
      { type: 'creditor_evidence', source: 'agent', fileName: 'x.pdf' },
      pdf,
    );
    expect(agentSource.statusCode).toBe(422);
    expect(agentSource.json().code).toBe('documents.creditor_source_only');
    const own = await upload(
      horizon,
      horizonCaseId,
      { type: 'creditor_evidence', source: 'creditor', fileName: 'Relevé de compte.pdf' },
      pdf,
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({
      source: 'creditor',
      sharedWithCreditor: true,
      uploadedBy: { displayName: 'Paul Durand (Banque Horizon)' },
    });
  });

  it('names and opens a special-category document on need-to-know only, the ground kept with the read', async () => {
    const shared = await upload(
      readers.holder,
      heldCaseId,
      { type: 'medical_proof', source: 'debtor', fileName: 'certificat.pdf', sharedWithCreditor: 'true' },
      pdf,
    );
    expect(shared.statusCode).toBe(422);
    expect(shared.json().code).toBe('documents.special_category_not_shared');
    const medical = await upload(
      readers.holder,
      heldCaseId,
      { type: 'medical_proof', source: 'debtor', fileName: 'certificat-hopital.pdf' },
      pdf,
    );
    expect(medical.statusCode, medical.body).toBe(201);
    const id = medical.json().id as string;
    expect(medical.json()).toMatchObject({
      specialCategory: true,
      restricted: false,
      retention: { monthsAfterClosure: 12 },
    });

    const seen = await as(t.app, readers.otherAgent)('GET', `/api/v1/cases/${heldCaseId}/documents`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.body).not.toContain('certificat-hopital');
    expect(seen.json().items.find((d: { id: string }) => d.id === id)).toMatchObject({
      restricted: true,
      type: null,
      fileName: null,
    });
    const refused = await as(t.app, readers.otherAgent)('GET', `/api/v1/documents/${id}/file`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'documents.need_to_know', reasonAccepted: false });

    const leaderWithout = await as(t.app, readers.leader)('GET', `/api/v1/documents/${id}/file`);
    expect(leaderWithout.json()).toMatchObject({ code: 'documents.need_to_know', reasonAccepted: true });
    const reason = 'Réclamation du débiteur à instruire';
    const leader = await as(t.app, readers.leader)(
      'GET',
      `/api/v1/documents/${id}/file?reason=${encodeURIComponent(reason)}`,
    );
    expect(leader.statusCode, leader.body).toBe(200);
    expect((await as(t.app, readers.care)('GET', `/api/v1/documents/${id}/file`)).statusCode).toBe(200);
    const reads = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('target_id', '=', id)
      .where('action', '=', 'document.downloaded')
      .orderBy('seq')
      .execute();
    expect(reads.map((row) => row.after)).toEqual([
      expect.objectContaining({ basis: 'stated_reason', reason }),
      expect.objectContaining({ basis: 'care_team', reason: null }),
    ]);
    // The same reads as sensitive reads, kept with their ground and sealed into the chain in batches.
    const sensitive = await t.deps.db
      .selectFrom('sensitive_reads')
      .select(['subject', 'basis', 'reason', 'case_id'])
      .where('request_id', 'in', [String(leader.headers['x-request-id'])])
      .execute();
    expect(sensitive).toEqual([{ subject: 'document', basis: 'stated_reason', reason, case_id: heldCaseId }]);
  });

  it('erases a document on request with its reason, file and record gone, audited', async () => {
    const made = await upload(
      readers.holder,
      horizonCaseId,
      { type: 'identity_proof', source: 'debtor', fileName: 'cni.png' },
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      'image/png',
    );
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    expect(
      (await as(t.app, readers.holder)('POST', `/api/v1/documents/${id}/erasure`, { reason: 'Envoyée par erreur' }))
        .statusCode,
    ).toBe(403);
    const erased = await as(t.app, readers.manager)('POST', `/api/v1/documents/${id}/erasure`, {
      reason: 'Demande d’effacement du débiteur',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(filesUnder(documentsDir(t.deps.config)).some((file) => file.endsWith(id))).toBe(false);
    expect((await as(t.app, readers.holder)('GET', `/api/v1/documents/${id}/file`)).statusCode).toBe(404);
    expect(await auditActions(id)).toEqual(['document.uploaded', 'document.erased']);
  });

  it('deletes at night the documents past their retention after the case closed, and only those', async () => {
    const closedCase = await t.deps.db
      .selectFrom('cases')
      .select('id')
      .where('creditor_id', '=', horizon.creditorId!)
      .where('status', '=', 'open')
      .where('id', '!=', horizonCaseId)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const income = await upload(
      readers.holder,
      closedCase.id,
      { type: 'proof_of_income', source: 'debtor', fileName: 'avis.pdf' },
      pdf,
    );
    const judgment = await upload(
      readers.holder,
      closedCase.id,
      { type: 'court_decision', source: 'court', fileName: 'jugement.pdf' },
      pdf,
    );
    const open = await upload(
      readers.holder,
      horizonCaseId,
      { type: 'proof_of_income', source: 'debtor', fileName: 'avis.pdf' },
      pdf,
    );
    await t.deps.db
      .updateTable('cases')
      .set({ status: 'closed', stage: 'closed', close_reason: 'paid', closed_on: '2026-12-01' })
      .where('id', '=', closedCase.id)
      .execute();

    t.clock.now = new Date('2027-12-01T12:00:00Z');
    expect(await deleteExpiredDocuments(t.deps)).toEqual({ deleted: 0 });
    t.clock.now = new Date('2027-12-02T12:00:00Z');
    expect(await deleteExpiredDocuments(t.deps)).toEqual({ deleted: 1 });
    const left = await t.deps.db.selectFrom('case_documents').select('id').execute();
    expect(left.map((row) => row.id)).not.toContain(income.json().id);
    expect(left.map((row) => row.id)).toEqual(expect.arrayContaining([judgment.json().id, open.json().id]));
    expect(filesUnder(documentsDir(t.deps.config)).some((file) => file.endsWith(income.json().id))).toBe(false);
    expect(await auditActions(income.json().id)).toEqual(['document.uploaded', 'document.retention_deleted']);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
    t.clock.now = START;
  });
});
