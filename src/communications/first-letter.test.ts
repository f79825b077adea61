import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { pdfQrTexts, pdfTextsInBox, pdfText, squeezed } from '../../test/support/pdf-text.js';
import { WINDOW } from './first-letter-pdf.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { pdfMoney } from '../platform/pdf.js';

const START = new Date('2026-11-25T09:00:00Z');
const AGENCY = {
  AGENCY_NAME: 'Accord Services',
  AGENCY_ADDRESS: '12 rue de la Paix;75002 Paris',
  AGENCY_PHONE: '01 84 80 00 00',
  SEPA_CREDITOR_NAME: 'Accord Services SAS',
  SEPA_CREDITOR_IBAN: 'FR7630006000011234567890189',
  SEPA_CREDITOR_BIC: 'AGRIFRPP',
  PUBLIC_URL: 'https://accord.example.fr',
};

/** CPCE L111-8 paragraphs 2 and 3, as REGULATION.md §13 quotes them. */
const L111_8 = `« Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s'ils concernent
un acte dont l'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non
écrite, sauf disposition législative contraire.
Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut
demander au juge de l'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise
foi. »`;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(ENGINES)('the first letter (R124-4) on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  let compliance: Session;
  let horizon: Session;
  let energie: Session;
  let caseId: string;
  let otherCaseId: string;

  const clearFirstLetter = (id: string) =>
    t.deps.db
      .updateTable('cases')
      .set({ first_letter_sent_on: null, first_letter_reference: null })
      .where('id', '=', id)
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: AGENCY });
    agent = await signIn(t.app, demoEmail('agent'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const candidates = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('debtor_addresses as a', (join) => join.onRef('a.debtor_id', '=', 'c.debtor_id'))
      .select(['c.id', 'c.debtor_id', 'c.reference'])
      .distinct()
      .where('c.creditor_id', '=', horizon.creditorId!)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('c.balance_cents', '>', 0)
      .where('a.country', '=', 'FR')
      .orderBy('c.reference')
      .limit(30)
      .execute();
    // The first case whose debtor the policy lets the agency write to today (no hold, no objection to letters).
    const allowed: string[] = [];
    for (const candidate of candidates) {
      const decision = await as(t.app, agent)(
        'GET',
        `/api/v1/debtors/${candidate.debtor_id}/contact-permission?channel=letter&caseId=${candidate.id}`,
      );
      if (decision.statusCode === 200 && (decision.json() as { allowed: boolean }).allowed) allowed.push(candidate.id);
    }
    expect(allowed.length).toBeGreaterThanOrEqual(2);
    [caseId, otherCaseId] = allowed as [string, string];
    await clearFirstLetter(caseId);
    await clearFirstLetter(otherCaseId);
  });
  afterAll(() => t.close());

  it('previews the letter without recording anything', async () => {
    const preview = await as(t.app, compliance)('GET', `/api/v1/cases/${caseId}/first-letter/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers['content-type']).toContain('application/pdf');
    expect(preview.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const state = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/first-letter`);
    expect(state.json()).toEqual({ caseId, sentOn: null, reference: null, documentId: null });
  });

  it('issues the letter with its five mentions, records it on the case, keeps the PDF and audits the act', async () => {
    const issued = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/first-letter`);
    expect(issued.statusCode, issued.body).toBe(201);
    const body = issued.json() as { reference: string; sentOn: string; documentId: string; contactId: string };
    const kase = await t.deps.db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select([
        'cases.reference',
        'cases.first_letter_sent_on',
        'cases.first_letter_reference',
        'creditors.name',
        'creditors.legal_name',
        'creditors.address_line1',
        'creditors.postal_code',
        'creditors.city',
      ])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.first_letter_sent_on).toBe('2026-11-25');
    expect(kase.first_letter_reference).toBe(`LR-${kase.reference}`);
    expect(body).toMatchObject({ reference: kase.first_letter_reference, sentOn: '2026-11-25' });

    const file = await as(t.app, agent)('GET', `/api/v1/documents/${body.documentId}/file`);
    expect(file.statusCode, file.body).toBe(200);
    // Each page's number is written last on it: a paragraph running onto the next page has it in its middle.
    const footer = new RegExp(`${escaped(kase.first_letter_reference!)}\u00b7page(\\d+)/(\\d+)`, 'g');
    const raw = squeezed(pdfText(file.rawPayload));
    expect([...raw.matchAll(footer)].map((m) => m[1])).toContain('1');
    const text = raw.replace(footer, '');
    const has = (expected: string) => expect(text).toContain(squeezed(expected));
    // The reference, the date; the agency, collecting amicably (1°); the creditor (2°).
    has(`Notre référence : ${kase.first_letter_reference}`);
    has('Le 25 novembre 2026');
    has('Accord Services, agence de recouvrement amiable, 12 rue de la Paix, 75002 Paris');
    has(`${kase.legal_name}`);
    has(`${kase.address_line1}, ${kase.postal_code} ${kase.city.toUpperCase()}`);
    // 3° The basis and the amount, itemised, without a collection fee.
    const claims = await t.deps.db.selectFrom('claims').selectAll().where('case_id', '=', caseId).execute();
    let principal = 0;
    let interest = 0;
    let accessory = 0;
    for (const claim of claims) {
      principal += claim.principal_cents - claim.settled_principal_cents;
      interest += claim.interest_cents - claim.settled_interest_cents;
      accessory += claim.fees_cents - claim.settled_fees_cents;
      // A claim already paid in full is not asked for: the letter names the claims with something left.
      const left =
        claim.principal_cents +
        claim.interest_cents +
        claim.fees_cents -
        claim.settled_principal_cents -
        claim.settled_interest_cents -
        claim.settled_fees_cents;
      if (left > 0) has(`Créance ${claim.reference}`);
    }
    const total = principal + interest + accessory;
    has(`Total principal${pdfMoney('fr', principal)}`);
    has(`Total intérêts${pdfMoney('fr', interest)}`);
    has(`Total autres accessoires${pdfMoney('fr', accessory)}`);
    has(`Montant total demandé${pdfMoney('fr', total)}`);
    expect(text).not.toContain(squeezed('frais de recouvrement :'));
    // 4° The demand and the ways to pay, naming the case's reference.
    has(`Nous vous demandons de régler la somme de ${pdfMoney('fr', total)}`);
    has(
      `IBAN ${AGENCY.SEPA_CREDITOR_IBAN}, BIC ${AGENCY.SEPA_CREDITOR_BIC}, en indiquant la référence ${kase.reference}`,
    );
    has(`par chèque à l’ordre de Accord Services`);
    // The debtor portal, with the case's access code, which opens it with the birth date.
    const access = await t.deps.db
      .selectFrom('portal_access_codes')
      .select('code')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    has(
      `sur votre espace en ligne, https://accord.example.fr/portal, avec votre code d’accès ${access.code.slice(0, 5)}-${access.code.slice(5)}`,
    );
    // Its QR code, read as a phone would: the portal with the access code filled in (after `#`, never sent).
    expect(pdfQrTexts(file.rawPayload)).toEqual([`https://accord.example.fr/portal#code=${access.code}`]);
    has('Ou scannez ce code avec votre téléphone');
    // 5° L111-8, verbatim.
    has(L111_8);

    // The envelope's window shows the agency's neutral name and the debtor's address, nothing of the debt.
    const windowed = pdfTextsInBox(file.rawPayload, WINDOW);
    expect(windowed[0]).toBe(AGENCY.AGENCY_NAME);
    const debtor = await t.deps.db
      .selectFrom('cases')
      .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
      .select(['debtors.last_name', 'debtors.company_name'])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(windowed[1]!.toUpperCase()).toContain((debtor.last_name ?? debtor.company_name)!.toUpperCase());
    expect(windowed.length).toBeGreaterThanOrEqual(4);
    for (const shown of windowed) {
      for (const secret of [kase.name, kase.legal_name, kase.reference, 'recouvrement', 'créance', '\x80'])
        expect(shown.toLowerCase()).not.toContain(secret.toLowerCase());
    }

    const document = await t.deps.db
      .selectFrom('case_documents')
      .selectAll()
      .where('id', '=', body.documentId)
      .executeTakeFirstOrThrow();
    expect(document).toMatchObject({
      case_id: caseId,
      document_type: 'correspondence',
      media_type: 'application/pdf',
      shared_with_creditor: false,
    });
    const contact = await t.deps.db
      .selectFrom('contacts')
      .select(['channel', 'direction', 'outcome', 'first_letter'])
      .where('id', '=', body.contactId)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ channel: 'letter', direction: 'outbound', outcome: 'sent', first_letter: true });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('target_type', '=', 'case')
      .where('target_id', '=', caseId)
      .where('action', '=', 'first_letter.issued')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ reference: kase.first_letter_reference, documentId: body.documentId });
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);

    const state = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/first-letter`);
    expect(state.json()).toEqual({
      caseId,
      sentOn: '2026-11-25',
      reference: kase.first_letter_reference,
      documentId: body.documentId,
    });
  });

  it('refuses a second letter, and its preview, with the day and the reference', async () => {
    const again = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/first-letter`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'communications.first_letter_already_sent',
      sentOn: '2026-11-25',
      reference: expect.stringMatching(/^LR-/),
    });
    const preview = await as(t.app, agent)('GET', `/api/v1/cases/${caseId}/first-letter/preview`);
    expect(preview.json()).toMatchObject({ code: 'communications.first_letter_already_sent' });
  });

  it('turns creditor users away: 403 on their own case, the same on another creditor’s', async () => {
    for (const session of [horizon, energie]) {
      const issued = await as(t.app, session)('POST', `/api/v1/cases/${otherCaseId}/first-letter`);
      expect(issued.statusCode).toBe(403);
      const preview = await as(t.app, session)('GET', `/api/v1/cases/${otherCaseId}/first-letter/preview`);
      expect(preview.statusCode).toBe(403);
    }
    const unknown = await as(t.app, agent)('POST', `/api/v1/cases/00000000-0000-4000-8000-000000000000/first-letter`);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses to write a letter while the agency’s address is not configured', async () => {
    const configured = t.deps.config.AGENCY_ADDRESS;
    t.deps.config.AGENCY_ADDRESS = undefined;
    try {
      const preview = await as(t.app, agent)('GET', `/api/v1/cases/${otherCaseId}/first-letter/preview`);
      expect(preview.statusCode).toBe(409);
      expect(preview.json()).toMatchObject({ code: 'communications.agency_address_missing' });
    } finally {
      t.deps.config.AGENCY_ADDRESS = configured;
    }
  });
});
