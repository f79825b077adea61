import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('a disputed claim, from the agent to the creditor and back', () => {
  it('an agent records a dispute; the creditor answers with a correction; the team leader decides; each page passes axe', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    // An amicable Banque Horizon case of one claim no other test takes (they take theirs from the start of the list).
    const target = await db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.id', 'cases.reference'])
      .where('creditors.code', '=', 'BHORIZON')
      .where('cases.status', '=', 'open')
      .where('cases.stage', '=', 'amicable')
      .where('cases.balance_cents', '>', 10_000)
      .where(({ exists, not, selectFrom }) =>
        not(exists(selectFrom('disputes').select('disputes.id').whereRef('disputes.case_id', '=', 'cases.id'))),
      )
      .orderBy('cases.reference')
      .offset(20)
      .executeTakeFirstOrThrow();

    const agentContext = await newContext(fixture.browser);
    try {
      const page = await agentContext.newPage();
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Contestations' });
      await expect.poll(() => section.getByText('Aucune contestation sur ce dossier.').count()).toBe(1);
      await section.getByLabel('Motif').selectOption('amount_wrong');
      await section
        .getByLabel('Ce que dit le débiteur')
        .fill('Les frais de relance figurent deux fois sur le décompte.');
      await section.getByRole('button', { name: 'Enregistrer la contestation' }).click();
      await expect
        .poll(() => section.getByText(/Contestation enregistrée : le recouvrement est suspendu/).count())
        .toBe(1);
      await expect.poll(() => section.getByText('Justificatifs demandés').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/cases/:id disputes (agent)');
    } finally {
      await agentContext.close();
    }

    const creditorContext = await newContext(fixture.browser);
    try {
      const page = await creditorContext.newPage();
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/disputes`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Demandes de justificatifs' }).count()).toBe(1);
      // The new request is listed among Banque Horizon's own.
      await expect.poll(() => page.getByRole('link', { name: target.reference }).count()).toBe(1);
      await expectNoAxeViolations(page, '/disputes (creditor)');
      await page.getByRole('link', { name: target.reference }).click();
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Contestations' });
      await section.getByLabel('Votre réponse').selectOption('adjusted');
      await section.getByLabel('Élément corrigé').selectOption('principal');
      await section.getByLabel('Correction en euros (négative pour réduire)').fill('-12,50');
      await section
        .getByLabel('Commentaire')
        .fill('Frais de relance comptés deux fois dans le principal : nous retirons le doublon.');
      await section.getByRole('button', { name: 'Envoyer la réponse' }).click();
      await expect.poll(() => section.getByText('Réponse envoyée : l’agence l’examine.').count()).toBe(1);
      await expect.poll(() => section.getByText('Réponse à examiner').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/cases/:id disputes (creditor)');
    } finally {
      await creditorContext.close();
    }

    const leaderContext = await newContext(fixture.browser);
    try {
      const page = await leaderContext.newPage();
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/disputes`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('link', { name: target.reference }).count()).toBe(1);
      // Only the overdue evidence requests: the answered one leaves the list.
      await page.getByLabel('Seulement les demandes en retard').check();
      await expect.poll(() => page.getByRole('link', { name: target.reference }).count()).toBe(0);
      await expectNoAxeViolations(page, '/disputes (team leader, overdue)');
      await screenshot(page, 'disputes-overdue-1366');

      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Contestations' });
      await section.getByLabel('Décision', { exact: true }).selectOption('adjust');
      await section.getByLabel('Motif de la décision').fill('Doublon de frais confirmé par le créancier.');
      await section.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await expect.poll(() => section.getByText('Décision enregistrée ; le débiteur en est informé.').count()).toBe(1);
      await expect.poll(() => section.getByText('Tranchée').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/cases/:id disputes (team leader)');
    } finally {
      await leaderContext.close();
    }

    const decided = await db
      .selectFrom('disputes')
      .select(['status', 'answer', 'decision'])
      .where('case_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(decided).toEqual({ status: 'decided', answer: 'adjusted', decision: 'adjust' });
    const kase = await db.selectFrom('cases').select('stage').where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(kase.stage).toBe('amicable');
  });
});
