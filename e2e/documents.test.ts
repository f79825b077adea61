import { readFile } from 'node:fs/promises';
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

  it('a team leader reads a protected document with a reason, then erases it with a reason after confirming', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const medical = await db
      .selectFrom('case_documents')
      .select(['id', 'case_id'])
      .where('special_category', '=', true)
      .where('file_name', '=', 'Certificat médical.pdf')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${medical.case_id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Documents' });
      const protectedRow = section.getByRole('row', { name: /Document protégé/ });
      await expect.poll(() => protectedRow.count()).toBe(1);
      // The name stays hidden; the team leader opens it by saying why, and the read is recorded with the reason.
      expect(await section.getByText('Certificat médical.pdf').count()).toBe(0);
      await protectedRow.getByRole('button', { name: 'Lire avec un motif' }).click();
      const readDialog = page.getByRole('dialog', { name: 'Lire un document protégé' });
      await expect.poll(() => readDialog.isVisible()).toBe(true);
      await expectNoAxeViolations(page, '/cases/:id documents (read with a reason)');
      const reason = 'Contestation du plan à instruire';
      await readDialog.getByLabel('Motif').fill(reason);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        readDialog.getByRole('button', { name: 'Ouvrir le document' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('Certificat médical.pdf');
      expect((await readFile(await download.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect.poll(() => readDialog.count()).toBe(0);
      const reads = await db
        .selectFrom('sensitive_reads')
        .select(['subject', 'basis', 'reason'])
        .where('case_id', '=', medical.case_id)
        .where('subject', '=', 'document')
        .execute();
      expect(reads).toEqual([{ subject: 'document', basis: 'stated_reason', reason }]);

      // Erasing asks for a reason in a confirmation dialog; a reason too short is refused before anything is sent.
      await protectedRow.getByRole('button', { name: /^Effacer/ }).click();
      const eraseDialog = page.getByRole('dialog', { name: /^Effacer/ });
      await expect.poll(() => eraseDialog.isVisible()).toBe(true);
      await eraseDialog.getByLabel('Motif').fill('erreur');
      await eraseDialog.getByRole('button', { name: 'Effacer le document' }).click();
      await expect.poll(() => eraseDialog.getByLabel('Motif').getAttribute('aria-invalid')).toBe('true');
      expect(await db.selectFrom('case_documents').select('id').where('id', '=', medical.id).execute()).toHaveLength(1);
      await expectNoAxeViolations(page, '/cases/:id documents (erase)');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'documents-erase-390', { fullPage: false });
      await page.setViewportSize({ width: 1366, height: 768 });
      const why = 'Demande d’effacement du débiteur (RGPD art. 17)';
      await eraseDialog.getByLabel('Motif').fill(why);
      await eraseDialog.getByRole('button', { name: 'Effacer le document' }).click();
      await expect.poll(() => section.getByText(/Document «\u00a0.*\u00a0» effacé\./).count()).toBe(1);
      await expect.poll(() => protectedRow.count()).toBe(0);
      expect(await db.selectFrom('case_documents').select('id').where('id', '=', medical.id).execute()).toEqual([]);
      const erased = await db
        .selectFrom('audit_log')
        .select('after')
        .where('target_id', '=', medical.id)
        .where('action', '=', 'document.erased')
        .executeTakeFirstOrThrow();
      expect(erased.after).toEqual({ reason: why });
      await expectNoAxeViolations(page, '/cases/:id documents (after erasure)');
    } finally {
      await context.close();
    }
  });
});
