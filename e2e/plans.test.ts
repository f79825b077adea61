import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** The worked example of REGULATION.md with expenses of 2,000 €: a capacity of 200 € a month. */
async function fillBudget(page: Page, base: string, caseId: string) {
  await page.goto(`${base}/cases/${caseId}/budget`);
  await waitForPage(page);
  await page.getByLabel('Date de l’évaluation').fill('2026-05-01');
  await page.getByLabel('Adultes').fill('2');
  await page.getByLabel('Enfants').fill('2');
  await page.getByLabel('Personnes à charge').fill('3');
  await page.getByLabel('Type de la ressource 1').selectOption('salary');
  await page.getByLabel('Montant mensuel de la ressource 1, en euros').fill('2200');
  await page.getByLabel('Catégorie de la dépense 1').selectOption('housing');
  await page.getByLabel('Montant mensuel de la dépense 1, en euros').fill('2000');
  await page.getByRole('button', { name: 'Enregistrer comme nouvelle version' }).click();
  await page.getByText('Version 1 enregistrée.').waitFor();
  expect(plain(await page.getByTestId('capacity').textContent())).toBe('200,00 € par mois');
}

describe('payment plans', () => {
  it('an agent proposes a plan within the capacity; an over-authority plan goes to a team leader who approves it', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    // Two debtors with one open case each (so each case gets the whole capacity), with known balances and mandate.
    const [within, beyond] = await db
      .selectFrom('cases')
      .select(['id', 'reference', 'mandate_id'])
      .where('status', '=', 'open')
      .where((eb) => eb(eb.selectFrom('cases as other').select(sql<number>`count(*)`.as('n')).whereRef('other.debtor_id', '=', 'cases.debtor_id').where('other.status', '<>', 'closed'), '=', 1))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('debtor_assessments').select('id').whereRef('debtor_assessments.debtor_id', '=', 'cases.debtor_id'))))
      .orderBy('reference', 'desc')
      .limit(2)
      .execute();
    await db.updateTable('mandates').set({ max_plan_months: 24 }).where('id', 'in', [within!.mandate_id, beyond!.mandate_id]).execute();
    await db.updateTable('cases').set({ balance_cents: 100000 }).where('id', '=', within!.id).execute();
    await db.updateTable('cases').set({ balance_cents: 300000 }).where('id', '=', beyond!.id).execute();

    const agentContext = await newContext(fixture.browser);
    const page = await agentContext.newPage();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await fillBudget(page, base, within!.id);
      await page.goto(`${base}/cases/${within!.id}`);
      await waitForPage(page);
      await page.getByRole('link', { name: 'Proposer un plan de paiement' }).click();
      await page.waitForURL(`${base}/cases/${within!.id}/plans`);
      await waitForPage(page);
      expect(plain(await page.getByTestId('plan-capacity').textContent())).toContain('Capacité de remboursement pour ce dossier : 200,00 € par mois');
      const proposals = page.locator('section[aria-labelledby="proposals-heading"]');
      expect(plain(await proposals.textContent())).toMatch(/5 mensualités de 200,00 €, du .+ au .+ : 1 000,00 € au total\./);
      expect(plain(await proposals.textContent())).toContain('Dans la capacité et dans votre limite : accepté dès l’enregistrement.');
      await expectNoAxeViolations(page, '/cases/:id/plans proposals');
      await screenshot(page, 'plans-proposals');

      await page.getByRole('button', { name: 'Choisir : Échéancier mensuel' }).click();
      await page.getByLabel('Nombre de mensualités').focus();
      await page.keyboard.press('Enter');
      await page.getByText('Plan enregistré et accepté.').waitFor();
      await page.getByTestId('plan-status').waitFor();
      expect(await page.getByTestId('plan-status').textContent()).toBe('Accepté');
      const pdf = page.getByRole('link', { name: 'Échéancier en PDF (version 1)' });
      const response = await page.request.get(new URL((await pdf.getAttribute('href'))!, base).toString());
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await expectNoAxeViolations(page, '/cases/:id/plans agreed');
      await screenshot(page, 'plans-agreed');

      // 3,000 € at 200 € a month is 15 months: beyond the agent's 12, so a team leader approves it.
      await fillBudget(page, base, beyond!.id);
      await page.goto(`${base}/cases/${beyond!.id}/plans`);
      await waitForPage(page);
      expect(plain(await page.locator('section[aria-labelledby="proposals-heading"]').textContent())).toContain('Plus long que votre limite de 12 mois : un chef d’équipe doit valider.');
      await page.getByRole('button', { name: 'Choisir : Échéancier mensuel' }).click();
      await page.getByLabel('Note (facultative)').fill('Le débiteur préfère 15 mois');
      await page.getByRole('button', { name: 'Enregistrer le plan' }).click();
      await page.getByText('Plan enregistré : il attend la validation d’un chef d’équipe.').waitFor();
      expect(await page.getByTestId('plan-status').textContent()).toBe('En attente de validation');
      expect(await page.getByRole('link', { name: /Échéancier en PDF/ }).count()).toBe(0);
    } finally {
      await agentContext.close();
    }

    const leaderContext = await newContext(fixture.browser);
    const leader = await leaderContext.newPage();
    try {
      await signInWithKeyboard(leader, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await leader.getByRole('link', { name: 'Plans à valider' }).click();
      await leader.waitForURL(`${base}/plan-approvals`);
      await waitForPage(leader);
      const card = leader.locator('li.card', { hasText: beyond!.reference });
      expect(plain(await card.textContent())).toContain('Échéancier mensuel : 3 000,00 € en 15 échéance(s), la plus grande de 200,00 € ; capacité 200,00 € par mois.');
      expect(plain(await card.textContent())).toContain('Plus long que la limite du gestionnaire');
      await expectNoAxeViolations(leader, '/plan-approvals');
      await screenshot(leader, 'plan-approvals');
      await card.getByLabel('Raison de la décision').fill('Revenus stables, 15 mois raisonnables');
      await card.getByRole('button', { name: 'Accepter le plan' }).click();
      await leader.getByText(`Plan du dossier ${beyond!.reference} accepté.`).waitFor();
      await leader.goto(`${base}/cases/${beyond!.id}/plans`);
      await waitForPage(leader);
      await leader.getByTestId('plan-status').waitFor();
      expect(await leader.getByTestId('plan-status').textContent()).toBe('Accepté');
      expect(await leader.getByRole('link', { name: 'Échéancier en PDF (version 1)' }).count()).toBe(1);
      await expectNoAxeViolations(leader, '/cases/:id/plans approved');
      await screenshot(leader, 'plans-approved');
    } finally {
      await leaderContext.close();
    }
    const plans = await db.selectFrom('plans').select(['case_id', 'status']).where('case_id', 'in', [within!.id, beyond!.id]).execute();
    expect(Object.fromEntries(plans.map((p) => [p.case_id, p.status]))).toEqual({ [within!.id]: 'agreed', [beyond!.id]: 'agreed' });
  });
});
