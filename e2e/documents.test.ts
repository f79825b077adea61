import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { renderPdf } from '../src/platform/pdf.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('documents on a case', () => {
  it('an agent uploads and downloads a document; the creditor reads the one shared with it', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const target = await db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.id', 'cases.reference'])
      .where('creditors.code', '=', 'BHORIZON')
      .where('cases.status', '=', 'open')
      .orderBy('cases.reference')
      .executeTakeFirstOrThrow();
    const pdf = await renderPdf({ title: 'Contrat', createdAt: new Date() }, (doc) => doc.text('Contrat de prêt'));

    const agentContext = await newContext(fixture.browser);
    try {
      const page = await agentContext.newPage();
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Documents' });
      await section
        .getByLabel('Fichier')
        .setInputFiles({ name: 'Contrat de prêt.pdf', mimeType: 'application/pdf', buffer: pdf });
      await section.getByLabel('Type de document').selectOption('creditor_evidence');
      await section.getByLabel('Provenance').selectOption('creditor');
      await section.getByLabel('Partager avec le créancier').check();
      await section.getByRole('button', { name: 'Ajouter le document' }).click();
      await expect.poll(() => section.getByText('Document « Contrat de prêt.pdf » ajouté.').count()).toBe(1);
      const link = section.getByRole('link', { name: 'Télécharger Contrat de prêt.pdf' });
      await expect.poll(() => link.count()).toBe(1);

      // A program renamed .pdf is refused with what to do.
      await section.getByLabel('Fichier').setInputFiles({
        name: 'facture.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
      });
      await section.getByLabel('Partager avec le créancier').uncheck();
      await section.getByRole('button', { name: 'Ajouter le document' }).click();
      await expect.poll(() => section.getByText(/n’est pas d’un type admis/).count()).toBe(1);

      const download = await page.request.get(new URL((await link.getAttribute('href'))!, base).toString());
      expect(download.status()).toBe(200);
      expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
      await expectNoAxeViolations(page, '/cases/:id documents');
      await section.scrollIntoViewIfNeeded();
      await page.setViewportSize({ width: 1366, height: 768 });
      await screenshot(page, 'documents-case-1366');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'documents-case-390');
    } finally {
      await agentContext.close();
    }

    const creditorContext = await newContext(fixture.browser);
    try {
      const page = await creditorContext.newPage();
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Documents' });
      const link = section.getByRole('link', { name: 'Télécharger Contrat de prêt.pdf' });
      await expect.poll(() => link.count()).toBe(1);
      const download = await page.request.get(new URL((await link.getAttribute('href'))!, base).toString());
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toContain("filename*=UTF-8''Contrat%20de%20pr%C3%AAt.pdf");
      await expectNoAxeViolations(page, '/cases/:id documents (creditor)');
      await screenshot(page, 'documents-creditor-1366');
    } finally {
      await creditorContext.close();
    }
  });
});
