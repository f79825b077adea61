import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { addDays, agencyToday } from '../src/platform/calendar/index.js';
import { renderPdf } from '../src/platform/pdf.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('a deceased debtor’s estate on the case page', () => {
  it('an agent reports a death; a team leader records the certificate, the notary and an heir’s option; the creditor sees the state', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const target = await db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.id', 'cases.reference'])
      .where('creditors.code', '=', 'BHORIZON')
      .where('cases.status', '=', 'open')
      .where('cases.stage', '=', 'amicable')
      .orderBy('cases.reference')
      .offset(3)
      .executeTakeFirstOrThrow();
    const today = agencyToday(fixture.server.deps.now(), fixture.server.deps.config);

    const agentContext = await newContext(fixture.browser);
    try {
      const page = await agentContext.newPage();
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const panel = page.getByRole('region', { name: 'Succession' });
      await expect.poll(() => panel.getByText('Aucun décès n’est signalé sur ce dossier.').count()).toBe(1);
      await panel.getByLabel('Comment le décès a été connu').fill('Sa fille a appelé pour signaler le décès.');
      await panel.getByRole('button', { name: 'Signaler le décès' }).click();
      await expect.poll(() => panel.getByText('Décès signalé (preuve attendue)').count()).toBe(1);
      await expect.poll(() => panel.getByText(/Obtenir l’acte de décès/).count()).toBe(1);
      await expectNoAxeViolations(page, '/cases/:id estate (agent)');
    } finally {
      await agentContext.close();
    }

    const leaderContext = await newContext(fixture.browser);
    try {
      const page = await leaderContext.newPage();
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const documents = page.getByRole('region', { name: 'Documents' });
      const pdf = await renderPdf({ title: 'Acte de décès', createdAt: new Date() }, (doc) => doc.text('Acte'));
      await documents
        .getByLabel('Fichier')
        .setInputFiles({ name: 'Acte de décès.pdf', mimeType: 'application/pdf', buffer: pdf });
      await documents.getByLabel('Type de document').selectOption('death_certificate');
      await documents.getByLabel('Provenance').selectOption('third_party');
      await documents.getByRole('button', { name: 'Ajouter le document' }).click();
      await expect.poll(() => documents.getByText('Document « Acte de décès.pdf » ajouté.').count()).toBe(1);

      // The certificate just added is offered at once, without reloading the page.
      const panel = page.getByRole('region', { name: 'Succession' });
      await expect
        .poll(() => panel.getByLabel('Acte de décès (document du dossier)').getByRole('option').allTextContents())
        .toContain('Acte de décès.pdf');
      await panel.getByLabel('Date du décès').fill(addDays(today, -10));
      await expect.poll(() => panel.getByLabel('Acte de décès (document du dossier)').inputValue()).not.toBe('');
      await panel.getByRole('button', { name: 'Enregistrer la preuve' }).click();
      await expect.poll(() => panel.getByText('Décès prouvé', { exact: true }).count()).toBe(1);

      await panel.getByLabel('Rôle').selectOption('notary');
      await panel.getByLabel('Nom').fill('Me Anne Lefèvre');
      await panel.getByLabel('Coordonnées').fill('Étude Lefèvre, Lyon');
      await panel.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await expect.poll(() => panel.getByText('Notaire identifié').count()).toBe(1);

      await panel.getByLabel('Rôle').selectOption('heir');
      await panel.getByLabel('Nom').fill('Julie Moreau');
      await panel.getByLabel('Coordonnées').fill('06 12 34 56 78');
      await panel.getByRole('button', { name: 'Ajouter', exact: true }).click();
      const option = panel.getByLabel('Changer l’option de Julie Moreau');
      await expect.poll(() => option.count()).toBe(1);
      await option.selectOption('renounce');
      await panel.getByRole('button', { name: 'Enregistrer l’option' }).click();
      await expect.poll(() => panel.getByText('Succession vacante (tous ont renoncé)').count()).toBe(1);
      await expect.poll(() => panel.getByText(/Clore le dossier : décédé sans succession/).count()).toBe(1);
      await expectNoAxeViolations(page, '/cases/:id estate (team leader)');
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'estate-case-1366');
    } finally {
      await leaderContext.close();
    }

    const creditorContext = await newContext(fixture.browser);
    try {
      const page = await creditorContext.newPage();
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const panel = page.getByRole('region', { name: 'Succession' });
      await expect.poll(() => panel.getByText('Succession vacante (tous ont renoncé)').count()).toBe(1);
      expect(await panel.getByText('Julie Moreau').count()).toBe(0);
      await expectNoAxeViolations(page, '/cases/:id estate (creditor)');
    } finally {
      await creditorContext.close();
    }
  });
});
