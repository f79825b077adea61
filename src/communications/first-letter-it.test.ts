import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { pdfQrTexts, pdfTextsInBox, pdfText, squeezed as squeezedText } from '../../test/support/pdf-text.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { formatEuros } from '../platform/money.js';
import { JUDICIAL_WORDS, WINDOW_WORDS } from './core/first-letter-it-check.js';
import { WINDOW } from './first-letter-pdf.js';

const START = new Date('2026-11-25T09:00:00Z');
const AGENCY = {
  AGENCY_NAME: 'Accord Services',
  AGENCY_ADDRESS: '12 rue de la Paix;75002 Paris',
  AGENCY_PHONE: '+33 1 84 80 00 00',
  SEPA_CREDITOR_NAME: 'Accord Services SAS',
  SEPA_CREDITOR_IBAN: 'FR7630006000011234567890189',
  SEPA_CREDITOR_BIC: 'AGRIFRPP',
  PUBLIC_URL: 'https://accord.example.it',
};

/** The text as a PDF's standard fonts encode it, without white space, in lower case. */
const squeezed = (text: string) => squeezedText(text).toLowerCase();

describe.each(ENGINES)('the Italian first letter on %s', (engine) => {
  let t: TestApp;
  let agent: Session;
  /** A bank's case moved to Rome, one claim first lent by another bank: holder and servicer, Banca d'Italia, ABF. */
  let bankCaseId: string;
  /** A case of the portfolio the agency bought from Telco Alpi, its debtor in Italy: the agency holds and services. */
  let boughtCaseId: string;

  /** The first open amicable case of a creditor whose debtor the policy lets the agency write to today. */
  async function writableCase(creditorCode: string, country: string): Promise<string> {
    const candidates = await t.deps.db
      .selectFrom('cases as c')
      .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
      .innerJoin('debtor_addresses as a', (join) => join.onRef('a.debtor_id', '=', 'c.debtor_id'))
      .select(['c.id', 'c.debtor_id', 'c.reference'])
      .distinct()
      .where('cr.code', '=', creditorCode)
      .where('c.stage', '=', 'amicable')
      .where('c.status', '=', 'open')
      .where('c.balance_cents', '>', 0)
      .where('a.country', '=', country)
      // By reference: ids drawn in the same millisecond come in any order, and the pick must be the same every run.
      .orderBy('c.reference')
      .limit(30)
      .execute();
    for (const candidate of candidates) {
      const decision = await as(t.app, agent)(
        'GET',
        `/api/v1/debtors/${candidate.debtor_id}/contact-permission?channel=letter&caseId=${candidate.id}`,
      );
      if (decision.statusCode === 200 && (decision.json() as { allowed: boolean }).allowed) {
        await t.deps.db
          .updateTable('cases')
          .set({ first_letter_sent_on: null, first_letter_reference: null })
          .where('id', '=', candidate.id)
          .execute();
        return candidate.id;
      }
    }
    throw new Error(`no writable case of ${creditorCode}`);
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START, config: AGENCY });
    agent = await signIn(t.app, demoEmail('agent'));
    bankCaseId = await writableCase('BHORIZON', 'FR');
    boughtCaseId = await writableCase('TELCOALPI', 'IT');
    const bank = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', bankCaseId)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('debtor_addresses')
      .set({ country: 'IT', subdivision: 'RM', time_zone: 'Europe/Rome', city: 'Roma', postal_code: '00184' })
      .where('debtor_id', '=', bank.debtor_id)
      .execute();
    const claim = await t.deps.db
      .selectFrom('claims')
      .select('id')
      .where('case_id', '=', bankCaseId)
      .orderBy('default_on')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('claims')
      .set({ original_creditor: 'Banca Esempio S.p.A.' })
      .where('id', '=', claim.id)
      .execute();
  });
  afterAll(() => t.close());

  /** Issues the case's first letter and reads back its PDF: the text squeezed, and the first page's runs. */
  async function issue(caseId: string) {
    const issued = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/first-letter`);
    expect(issued.statusCode, issued.body).toBe(201);
    const body = issued.json() as { reference: string; sentOn: string; documentId: string; contactId: string };
    const file = await as(t.app, agent)('GET', `/api/v1/documents/${body.documentId}/file`);
    expect(file.statusCode).toBe(200);
    const footer = new RegExp(`${body.reference.toLowerCase()}\u00b7page(\\d+)/(\\d+)`, 'g');
    const text = squeezed(pdfText(file.rawPayload)).replace(footer, '');
    const facts = await t.deps.db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.reference', 'creditors.name', 'creditors.legal_name', 'creditors.address_line1'])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const claims = await t.deps.db.selectFrom('claims').selectAll().where('case_id', '=', caseId).execute();
    // The portal's QR code, read as a phone would: the portal with the case's access code filled in.
    const access = await t.deps.db
      .selectFrom('portal_access_codes')
      .select('code')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(pdfQrTexts(file.rawPayload)).toEqual([`https://accord.example.it/portal#code=${access.code}`]);
    const address = await t.deps.db
      .selectFrom('cases')
      .innerJoin('debtor_addresses', 'debtor_addresses.debtor_id', 'cases.debtor_id')
      .select(['debtor_addresses.postal_code', 'debtor_addresses.city'])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    return { body, pdf: file.rawPayload, text, facts, claims, address };
  }

  /** What every Italian letter says, whoever holds the claim, and none of what it must never say. */
  function expectItalianLetter(issued: Awaited<ReturnType<typeof issue>>) {
    const { body, text, facts, claims } = issued;
    const has = (expected: string) => expect(text).toContain(squeezed(expected));
    expect(body.sentOn).toBe('2026-11-25');
    has(`Nostro riferimento: ${body.reference}`);
    has('25 novembre 2026');
    has(`Le scrive Accord Services, 12 rue de la Paix, 75002 Paris, tel. ${AGENCY.AGENCY_PHONE}`);
    has(facts.legal_name);
    has(facts.address_line1);
    let principal = 0;
    let interest = 0;
    let charges = 0;
    for (const claim of claims) {
      const owed = [
        claim.principal_cents - claim.settled_principal_cents,
        claim.interest_cents - claim.settled_interest_cents,
        claim.fees_cents - claim.settled_fees_cents,
      ] as const;
      principal += owed[0];
      interest += owed[1];
      charges += owed[2];
      // A claim already paid in full is not asked for: the letter names the claims with something left.
      if (owed[0] + owed[1] + owed[2] > 0) has(`Credito ${claim.reference}`);
    }
    has(`Totale capitale${formatEuros('it', principal)}`);
    has(`Totale interessi${formatEuros('it', interest)}`);
    has(`Totale spese e oneri${formatEuros('it', charges)}`);
    has(`Importo totale richiesto${formatEuros('it', principal + interest + charges)}`);
    has('L’importo non comprende spese di recupero a Suo carico.');
    has(
      `IBAN ${AGENCY.SEPA_CREDITOR_IBAN}, BIC ${AGENCY.SEPA_CREDITOR_BIC}, indicando nella causale il riferimento ${facts.reference}`,
    );
    has(`Questa lettera ha il riferimento ${body.reference} ed è datata 25 novembre 2026`);
    has('Se contesta l’importo');
    has('Reclami');
    has('Le risponderemo entro 60 giorni dal ricevimento.');
    has('identità, codice fiscale, importo dovuto e recapiti telefonici');
    // Nothing imitating a judicial act, no French law's text, no collection fee.
    for (const word of JUDICIAL_WORDS) expect(text).not.toContain(squeezed(word));
    for (const french of ['Les frais de recouvrement', 'R124-4', 'L111-8', 'Madame, Monsieur'])
      expect(text).not.toContain(squeezed(french));
    // The window: the agency's neutral name, then the debtor's address; no word of debt, no creditor, no amount.
    const windowed = pdfTextsInBox(issued.pdf, WINDOW).map((text) => text.toLowerCase());
    expect(windowed[0]).toBe(AGENCY.AGENCY_NAME.toLowerCase());
    expect(windowed).toContain(`${issued.address.postal_code} ${issued.address.city}`.toLowerCase());
    for (const shown of windowed)
      for (const secret of [...WINDOW_WORDS, facts.name, facts.legal_name, facts.reference, '\x80'])
        expect(shown).not.toContain(secret.toLowerCase());
  }

  it('previews the Italian letter of a case in Italy, recording nothing', async () => {
    const preview = await as(t.app, agent)('GET', `/api/v1/cases/${boughtCaseId}/first-letter/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers['content-disposition']).toContain('prima-lettera-');
    expect(squeezed(pdfText(preview.rawPayload))).toContain(squeezed('Importo totale richiesto'));
    const state = await as(t.app, agent)('GET', `/api/v1/cases/${boughtCaseId}/first-letter`);
    expect(state.json()).toMatchObject({ sentOn: null, reference: null });
  });

  it('a bank claim lent by another: who holds and who services it, the Banca d’Italia and the ABF', async () => {
    const issued = await issue(bankCaseId);
    expectItalianLetter(issued);
    const has = (expected: string) => expect(issued.text).toContain(squeezed(expected));
    has('Creditore');
    has('Titolare e gestore del credito');
    has(`Il credito è stato ceduto da Banca Esempio S.p.A.: ne è ora titolare ${issued.facts.legal_name}.`);
    has('Ne cura la gestione, per conto del titolare, Accord Services.');
    has(`il punto di contatto è Accord Services, 12 rue de la Paix, 75002 Paris, tel. ${AGENCY.AGENCY_PHONE}`);
    has('può presentare un esposto alla Banca d’Italia');
    has('Via Nazionale 91, 00184 Roma, www.bancaditalia.it');
    has('Arbitro Bancario Finanziario (ABF), Via Nazionale 91, 00184 Roma, https://www.arbitrobancariofinanziario.it');

    // Recorded as the French letter is: the case's day and reference, kept, on the timeline, audited.
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['reference', 'first_letter_sent_on', 'first_letter_reference'])
      .where('id', '=', bankCaseId)
      .executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ first_letter_sent_on: '2026-11-25', first_letter_reference: `LR-${kase.reference}` });
    const document = await t.deps.db
      .selectFrom('case_documents')
      .select(['file_name', 'document_type', 'shared_with_creditor'])
      .where('id', '=', issued.body.documentId)
      .executeTakeFirstOrThrow();
    expect(document).toEqual({
      file_name: `prima-lettera-LR-${kase.reference}.pdf`,
      document_type: 'correspondence',
      shared_with_creditor: false,
    });
    const line = await t.deps.db
      .selectFrom('case_events')
      .select(['summary_key', 'summary_params'])
      .where('case_id', '=', bankCaseId)
      .where('summary_key', 'like', 'first_letter%')
      .where('occurred_at', '>=', START)
      .execute();
    expect(line).toEqual([{ summary_key: 'first_letter_it', summary_params: { reference: `LR-${kase.reference}` } }]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('target_id', '=', bankCaseId)
      .where('action', '=', 'first_letter.issued')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ law: 'IT', reference: `LR-${kase.reference}` });
    const state = await as(t.app, agent)('GET', `/api/v1/cases/${bankCaseId}/first-letter`);
    expect(state.json()).toMatchObject({ sentOn: '2026-11-25', documentId: issued.body.documentId });
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('a bought telecom claim: the agency holds and services it, no Banca d’Italia, no ABF; later messages cite it', async () => {
    const issued = await issue(boughtCaseId);
    expectItalianLetter(issued);
    const has = (expected: string) => expect(issued.text).toContain(squeezed(expected));
    has('Cedente del credito');
    has(`Il credito è stato ceduto da ${issued.facts.legal_name}`);
    has('ne è ora titolare Accord Services.');
    has('Ne cura la gestione lo stesso titolare, Accord Services.');
    expect(issued.text).not.toContain(squeezed('Banca d’Italia'));
    expect(issued.text).not.toContain(squeezed('Arbitro Bancario Finanziario'));

    const message = await as(t.app, agent)('POST', `/api/v1/cases/${boughtCaseId}/messages/preview`, {
      channel: 'email',
      template: 'reminder',
    });
    expect(message.statusCode, message.body).toBe(200);
    expect((message.json() as { body: string }).body).toContain(
      `Questo messaggio fa seguito alla nostra lettera del 25/11/2026 (riferimento ${issued.body.reference}).`,
    );
    const again = await as(t.app, agent)('POST', `/api/v1/cases/${boughtCaseId}/first-letter`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'communications.first_letter_already_sent' });
  });

  it('refuses an Italian letter the checker finds lacking: no complaint answer time in force', async () => {
    const caseId = await writableCase('TELCOALPI', 'IT');
    await t.deps.db.deleteFrom('complaint_deadline_rules').where('country', '=', 'IT').execute();
    const refused = await as(t.app, agent)('POST', `/api/v1/cases/${caseId}/first-letter`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'communications.first_letter_incomplete',
      findings: [{ code: 'mention_missing', mention: 'complaint' }],
    });
    const kase = await t.deps.db
      .selectFrom('cases')
      .select('first_letter_sent_on')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.first_letter_sent_on).toBeNull();
  });
});
