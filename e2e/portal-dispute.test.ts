import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMailSink, type DemoMailSink } from '../src/communications/email/demo-mail-sink.js';
import { closeTransports } from '../src/communications/configured-transports.js';
import { demoPortalAccess } from '../src/demo/portal.js';
import { lastMailedCode } from '../test/support/portal.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  expectNoAxeViolations,
  newContext,
  newPhoneContext,
  screenshot,
  signInWithKeyboard,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

let mailDir = '';
let sink: DemoMailSink | undefined;
// Started before the server, which sends its codes to it.
beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'accord-e2e-portal-dispute-mail-'));
  sink = await startDemoMailSink({ dir: mailDir, port: 0 });
});
const fixture = useAccordAndBrowser({
  config: () => ({
    SMTP_URL: `smtp://127.0.0.1:${sink!.port}`,
    MAIL_FROM: 'Accord <contact@accord.example.fr>',
    PUBLIC_URL: 'https://accord.example.fr',
  }),
});
afterAll(async () => {
  await closeTransports(fixture.server.deps.config);
  await sink?.close();
  await rm(mailDir, { recursive: true, force: true });
});

async function onePagePdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

describe('contesting a debt on the debtor portal, on a phone', () => {
  it('a debtor gets in with the letter’s code and contests a debt with a document; axe on every page', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const candidates = (await demoPortalAccess(fixture.server.deps, 20)).filter((c) => c.channel === 'email');
    // A file whose debt is not yet contested, so that the dispute stops collection (rather than joining another).
    const contested = await db.selectFrom('disputes').select('case_id').execute();
    const access = candidates.find((c) => !contested.some((d) => d.case_id === c.caseId));
    expect(access).toBeDefined();

    const context = await newPhoneContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/portal`);
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal sign-in (phone)');
      await page.getByLabel('Code d’accès').fill(access!.accessCode);
      await page.getByLabel('Date de naissance').fill(access!.birthDate);
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('radio', { name: /^Par e-mail à / }).check();
      await expectNoAxeViolations(page, '/portal choose where the code goes (phone)');
      await page.getByRole('button', { name: 'Recevoir le code' }).click();
      await page.getByLabel('Code reçu (6 chiffres)').waitFor();
      await expectNoAxeViolations(page, '/portal one-time code (phone)');
      await page.getByLabel('Code reçu (6 chiffres)').fill(await lastMailedCode(mailDir));
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal home (phone)');

      await page.locator(`a[href="/portal/cases/${access!.caseId}"]`).click();
      await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal/cases/:id (phone)');

      await page.getByRole('link', { name: 'Contester cette dette' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contester cette dette' }).waitFor();
      await waitForPage(page);
      const claim = page.getByLabel('Quel contrat ?');
      const firstContract = await claim.locator('option').nth(1).getAttribute('value');
      await claim.selectOption(firstContract!);
      await page.getByRole('radio', { name: 'J’ai déjà payé' }).check();
      await page.getByLabel('Expliquez avec vos mots').fill('J’ai payé cette facture le 3 mars, voici mon relevé.');
      await page.getByLabel('Documents qui le montrent (facultatif)').setInputFiles({
        name: 'releve-mars.pdf',
        mimeType: 'application/pdf',
        buffer: await onePagePdf('Relevé bancaire : virement du 3 mars.'),
      });
      await expectNoAxeViolations(page, '/portal/cases/:id/dispute (phone)');
      await screenshot(page, 'portal-dispute-phone');
      const noSideScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(noSideScroll).toBe(true);
      await page.getByRole('button', { name: 'Envoyer ma contestation' }).click();
      await page.getByRole('heading', { name: 'Votre contestation est enregistrée' }).waitFor();
      await expect.poll(() => page.getByText('Nous avons reçu votre document.', { exact: false }).count()).toBe(1);
      await expectNoAxeViolations(page, '/portal/cases/:id/dispute recorded (phone)');

      // The dispute waits in the agency's queue, with its hold and the debtor's document.
      const dispute = await db
        .selectFrom('disputes')
        .select(['id', 'opened_via', 'grounds', 'hold_id'])
        .where('case_id', '=', access!.caseId)
        .executeTakeFirstOrThrow();
      expect(dispute).toMatchObject({ opened_via: 'portal', grounds: 'already_paid' });
      expect(dispute.hold_id).not.toBeNull();
      const attached = await db
        .selectFrom('dispute_documents as x')
        .innerJoin('case_documents as d', 'd.id', 'x.document_id')
        .select(['d.file_name', 'd.source', 'd.uploaded_via'])
        .where('x.dispute_id', '=', dispute.id)
        .execute();
      expect(attached).toEqual([{ file_name: 'releve-mars.pdf', source: 'debtor', uploaded_via: 'portal' }]);

      await page.getByRole('link', { name: '← Retour au dossier' }).click();
      const disputes = page.locator('section[aria-labelledby="portal-disputes"]');
      await disputes.getByText('En cours de vérification', { exact: false }).waitFor();
      expect(await disputes.textContent()).toContain('J’ai déjà payé : contrat');
      await disputes.scrollIntoViewIfNeeded();
      await screenshot(page, 'portal-case-disputes-phone', { fullPage: false });
      await page.getByRole('link', { name: 'Mon adresse et mon téléphone' }).click();
      await page.getByRole('heading', { level: 1, name: 'Votre adresse et votre téléphone' }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal/details (phone)');
      await page.getByLabel('Numéro de téléphone').fill('06 98 76 54 31');
      await page.getByRole('button', { name: 'Enregistrer le numéro' }).click();
      await expect.poll(() => page.getByText('Merci. Nous vérifierons ce numéro avant de l’utiliser.').count()).toBe(1);
      await expectNoAxeViolations(page, '/portal/details phone saved (phone)');
    } finally {
      await context.close();
    }

    // On the staff side, the agent reads who sent the document, and has the new number to verify as a task.
    const checkOn = await db
      .selectFrom('case_tasks')
      .select('case_id')
      .where('kind', '=', 'contact_check')
      .where(
        'debtor_id',
        '=',
        (await db.selectFrom('cases').select('debtor_id').where('id', '=', access!.caseId).executeTakeFirstOrThrow())
          .debtor_id,
      )
      .executeTakeFirstOrThrow();
    const staff = await newContext(fixture.browser);
    const desk = await staff.newPage();
    try {
      await signInWithKeyboard(desk, fixture.server.url, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await desk.goto(`${fixture.server.url}/cases/${access!.caseId}`);
      await waitForPage(desk);
      await desk.getByText('par le débiteur, sur son espace', { exact: false }).first().waitFor();
      await desk.goto(`${fixture.server.url}/cases/${checkOn.case_id}`);
      await waitForPage(desk);
      await desk
        .getByText('Le débiteur a donné une nouvelle coordonnée sur son espace : la vérifier')
        .first()
        .waitFor();
      await expectNoAxeViolations(desk, '/cases/:id with a portal document and a contact check');
    } finally {
      await staff.close();
    }
  });
});
