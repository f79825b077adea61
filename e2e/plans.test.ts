import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * Sets a case's cached balance for the test (a known figure to read on the page) and puts the real one back when the
 * test ends, so that ledger:verify, run when the server stops, finds the cache in step with the claims again.
 */
async function setBalance(db: typeof fixture.server.deps.db, caseId: string, cents: number) {
  const { balance_cents } = await db
    .selectFrom('cases')
    .select('balance_cents')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  await db.updateTable('cases').set({ balance_cents: cents }).where('id', '=', caseId).execute();
  onTestFinished(async () => {
    await db.updateTable('cases').set({ balance_cents }).where('id', '=', caseId).execute();
  });
}

/**
 * Open amicable cases whose debtor has no other case and no budget yet (so each case gets the whole capacity), last
 * first. Amicable: the demo files some debtors with the over-indebtedness commission, where no plan may be agreed.
 */
function freshCases(db: typeof fixture.server.deps.db, n: number) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'mandate_id'])
    .where('status', '=', 'open')
    .where('stage', '=', 'amicable')
    .where((eb) =>
      eb(
        eb
          .selectFrom('cases as other')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('other.debtor_id', '=', 'cases.debtor_id')
          .where('other.status', '<>', 'closed'),
        '=',
        1,
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('debtor_assessments')
            .select('id')
            .whereRef('debtor_assessments.debtor_id', '=', 'cases.debtor_id'),
        ),
      ),
    )
    .orderBy('reference', 'desc')
    .limit(n)
    .execute();
}

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
    const [within, beyond] = await freshCases(db, 2);
    await db
      .updateTable('mandates')
      .set({ max_plan_months: 24 })
      .where('id', 'in', [within!.mandate_id, beyond!.mandate_id])
      .execute();
    await setBalance(db, within!.id, 100000);
    await setBalance(db, beyond!.id, 300000);

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
      expect(plain(await page.getByTestId('plan-capacity').textContent())).toContain(
        'Capacité de remboursement pour ce dossier : 200,00 € par mois',
      );
      const proposals = page.locator('section[aria-labelledby="proposals-heading"]');
      expect(plain(await proposals.textContent())).toMatch(
        /5 mensualités de 200,00 €, du .+ au .+ : 1 000,00 € au total\./,
      );
      expect(plain(await proposals.textContent())).toContain(
        'Dans la capacité et dans votre limite : accepté dès l’enregistrement.',
      );
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
      expect(plain(await page.locator('section[aria-labelledby="proposals-heading"]').textContent())).toContain(
        'Plus long que votre limite de 12 mois : un chef d’équipe doit valider.',
      );
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
      expect(plain(await card.textContent())).toContain(
        'Échéancier mensuel : 3 000,00 € en 15 échéance(s), la plus grande de 200,00 € ; capacité 200,00 € par mois.',
      );
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
    const plans = await db
      .selectFrom('plans')
      .select(['case_id', 'status'])
      .where('case_id', 'in', [within!.id, beyond!.id])
      .execute();
    expect(Object.fromEntries(plans.map((p) => [p.case_id, p.status]))).toEqual({
      [within!.id]: 'agreed',
      [beyond!.id]: 'agreed',
    });
  });

  it('an agent marks an instalment paid and renegotiates; the team leader cancels the plan with a reason and closes a review item with an outcome', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const [planned, oriented] = await freshCases(db, 2);
    await db.updateTable('cases').set({ stage: 'amicable' }).where('id', '=', planned!.id).execute();
    await setBalance(db, planned!.id, 100000);
    // An orientation item waiting for a person, as an agent's flag at capacity zero leaves it.
    const debtor = await db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', oriented!.id)
      .executeTakeFirstOrThrow();
    const review = await db
      .insertInto('case_reviews')
      .values({
        case_id: oriented!.id,
        debtor_id: debtor.debtor_id,
        kind: 'orientation',
        reasons: JSON.stringify(['capacity_zero']),
        opened_by: null,
        opened_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const agentContext = await newContext(fixture.browser);
    const page = await agentContext.newPage();
    const history = () => page.locator('ol.plan-history').first();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await fillBudget(page, base, planned!.id);
      await page.goto(`${base}/cases/${planned!.id}/plans`);
      await waitForPage(page);
      await page.getByRole('button', { name: 'Choisir : Échéancier mensuel' }).click();
      await page.getByRole('button', { name: 'Enregistrer le plan' }).click();
      await page.getByText('Plan enregistré et accepté.').waitFor();
      expect(plain(await history().textContent())).toContain(
        'dans la capacité et dans la limite de la personne qui l’a enregistré',
      );
      expect(await history().textContent()).not.toContain('within authority');

      await page.getByRole('button', { name: 'Marquer une échéance payée' }).click();
      expect(plain(await page.locator('.plan-action-panel').textContent())).toContain(
        'Un paiement enregistré sur le dossier marque lui-même les échéances qu’il couvre',
      );
      await page.getByLabel('Référence du paiement').fill('VIR-2026-0042');
      await expectNoAxeViolations(page, '/cases/:id/plans mark paid');
      await page.getByRole('button', { name: 'Marquer payée' }).click();
      await page.getByText('Échéance 1 marquée payée.').waitFor();
      expect(await page.getByTestId('plan-status').textContent()).toBe('En cours');
      expect(plain(await history().textContent())).toContain('échéance 1 payée (référence VIR-2026-0042)');

      await page.getByRole('button', { name: 'Renégocier (nouvelle version)' }).click();
      expect(plain(await page.locator('.plan-action-panel').textContent())).toContain(
        'ce qui reste à payer (800,00 €)',
      );
      await page.getByLabel('Nombre de mensualités').fill('4');
      await page.getByLabel('Raison de la renégociation').fill('Le débiteur préfère finir en quatre mois');
      await expectNoAxeViolations(page, '/cases/:id/plans renegotiate');
      await screenshot(page, 'plans-renegotiate');
      await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
      await page.getByText('Version 2 enregistrée et acceptée.').waitFor();
      expect(plain(await page.locator('article.plan').first().textContent())).toContain('4 mensualités de 200,00 €');
      expect(plain(await history().textContent())).toContain('Le débiteur préfère finir en quatre mois');

      // The system's reasons follow the reader's language; a person's stays as written.
      await page.getByRole('button', { name: 'Italiano' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'it');
      const italian = plain(await history().textContent());
      expect(italian).toContain('entro la capacità e il limite di chi l’ha registrato');
      expect(italian).toContain('rata 1 pagata (riferimento VIR-2026-0042)');
      expect(italian).toContain('Le débiteur préfère finir en quatre mois');
      expect(italian).not.toMatch(/dans la capacité|échéance 1 payée|plan choisi/);
      await expectNoAxeViolations(page, '/cases/:id/plans in Italian');
      await page.setViewportSize({ width: 1366, height: 768 });
      await screenshot(page, 'plans-history-it');
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(plain(await history().textContent())).toContain('instalment 1 paid (reference VIR-2026-0042)');
      await page.getByRole('button', { name: 'Français' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
    } finally {
      await agentContext.close();
    }
    expect(
      (await db.selectFrom('cases').select('stage').where('id', '=', planned!.id).executeTakeFirstOrThrow()).stage,
    ).toBe('plan');

    const leaderContext = await newContext(fixture.browser);
    const leader = await leaderContext.newPage();
    try {
      await signInWithKeyboard(leader, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await leader.goto(`${base}/cases/${planned!.id}/plans`);
      await waitForPage(leader);
      await leader.getByRole('button', { name: 'Annuler le plan', exact: true }).click();
      await leader
        .getByLabel('Raison de l’annulation')
        .fill('Le débiteur a obtenu un prêt familial et paiera en une fois');
      await leader.getByRole('button', { name: 'Annuler le plan…' }).click();
      const confirm = leader.getByRole('group', { name: /Annuler ce plan \?/ });
      await confirm.waitFor();
      expect(
        await leader
          .getByRole('button', { name: 'Confirmer l’annulation' })
          .evaluate((b) => b === document.activeElement),
      ).toBe(true);
      await expectNoAxeViolations(leader, '/cases/:id/plans cancel confirmation');
      await screenshot(leader, 'plans-cancel-confirm');
      await leader.getByRole('button', { name: 'Confirmer l’annulation' }).click();
      await leader.getByText('Plan annulé.').waitFor();
      await leader.getByTestId('plan-status').waitFor();
      expect(await leader.getByTestId('plan-status').textContent()).toBe('Annulé');
      expect(plain(await leader.locator('ol.plan-history').first().textContent())).toContain(
        'Annulé (v2) : Le débiteur a obtenu un prêt familial et paiera en une fois — ',
      );
      expect(await leader.getByRole('button', { name: 'Annuler le plan', exact: true }).count()).toBe(0);
      await expectNoAxeViolations(leader, '/cases/:id/plans cancelled');
      await screenshot(leader, 'plans-cancelled');

      await leader.getByRole('link', { name: 'Dossiers à revoir' }).click();
      await leader.waitForURL(`${base}/case-reviews`);
      await waitForPage(leader);
      const card = leader.locator('li.card', { hasText: oriented!.reference });
      const text = plain(await card.textContent());
      expect(text).toContain('Orientation vers la Banque de France et un conseil budgétaire');
      expect(text).toContain('Pourquoi : la capacité de remboursement est nulle');
      expect(text).toContain('signalé par le suivi automatique des plans');
      expect(
        await card.getByRole('link', { name: new RegExp(`Dossier ${oriented!.reference}`) }).getAttribute('href'),
      ).toBe(`/cases/${oriented!.id}`);
      await expectNoAxeViolations(leader, '/case-reviews');
      await screenshot(leader, 'case-reviews');
      await card
        .getByLabel('Ce qui a été décidé')
        .fill(
          'Appel du 12 : le foyer accepte un rendez-vous au Point conseil budget et déposera un dossier à la Banque de France',
        );
      await card.getByRole('button', { name: 'Clore avec cette décision' }).click();
      await leader.getByText(`Dossier ${oriented!.reference} : examen clos.`).waitFor();
      expect(await leader.locator('li.card', { hasText: oriented!.reference }).count()).toBe(0);
      await expectNoAxeViolations(leader, '/case-reviews closed');
      await screenshot(leader, 'case-reviews-closed');
    } finally {
      await leaderContext.close();
    }
    const plan = await db
      .selectFrom('plans')
      .select(['status', 'current_version'])
      .where('case_id', '=', planned!.id)
      .executeTakeFirstOrThrow();
    expect(plan).toEqual({ status: 'cancelled', current_version: 2 });
    expect(
      (await db.selectFrom('cases').select('stage').where('id', '=', planned!.id).executeTakeFirstOrThrow()).stage,
    ).toBe('amicable');
    const closed = await db
      .selectFrom('case_reviews')
      .innerJoin('users', 'users.id', 'case_reviews.closed_by')
      .select(['status', 'outcome', 'users.email'])
      .where('case_reviews.id', '=', review.id)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({
      status: 'closed',
      email: 'team.leader@demo.accord.test',
      outcome: expect.stringContaining('Point conseil budget'),
    });
  });
});
