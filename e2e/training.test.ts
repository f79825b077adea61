import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { trainingModule } from '../src/training/module-library.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** How far the page scrolls sideways at phone width: none is allowed. */
async function sidewaysAt390(page: Page): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  return overflow;
}

describe('training (la Ruche)', () => {
  it('an agent opens training from the menu, passes a quiz and holds the certification; the team leader sees it', async () => {
    const base = fixture.server.url;
    // The right option of each question of the module, by the question's words (the page never has them).
    const bank = trainingModule('active-listening', 'fr').bank;
    const rightOf = new Map(bank.map((question) => [question.text, question.options[question.answer]!]));

    const agentContext = await newContext(fixture.browser);
    try {
      const page = await agentContext.newPage();
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Formation', exact: true }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Formation', level: 1 }).count()).toBe(1);
      // The demo's history: the contact policy passed, the care unit still to earn (active listening failed once).
      const certifications = page.getByRole('table', { name: 'Mes certifications' });
      await expect
        .poll(() => certifications.getByRole('row', { name: /Cellule d’accompagnement.*Pas encore obtenue/ }).count())
        .toBe(1);
      await expectNoAxeViolations(page, '/training');
      expect(await sidewaysAt390(page)).toBe(0);
      await screenshot(page, 'training-1366');

      // The path to the care unit names the module to pass; the module reads as text, then the quiz.
      await page.getByRole('link', { name: 'L’écoute active' }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'L’écoute active', level: 1 }).count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: 'L’ordre d’un bon appel' }).count()).toBe(1);
      await expectNoAxeViolations(page, '/training/modules/active-listening');
      await page.getByRole('button', { name: 'Passer le quiz' }).click();
      await waitForPage(page);
      await expect.poll(() => page.locator('fieldset.quiz-question').count()).toBe(5);
      await expectNoAxeViolations(page, '/training/attempts/:id');
      for (const group of await page.locator('fieldset.quiz-question').all()) {
        const legend = (await group.locator('legend').innerText()).replace(/^Question \d+ : /, '');
        await group.getByLabel(rightOf.get(legend)!, { exact: true }).check();
      }
      await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await expect.poll(() => page.getByText('Certification obtenue : Cellule d’accompagnement.').count()).toBe(1);
      await expect.poll(() => page.getByText(/^Réussi : 5 bonnes réponses sur 5/).count()).toBe(1);
      await expectNoAxeViolations(page, '/training/attempts/:id (answered)');
      expect(await sidewaysAt390(page)).toBe(0);

      await page.getByRole('link', { name: 'Retour à la formation' }).click();
      await waitForPage(page);
      await expect
        .poll(() =>
          page
            .getByRole('table', { name: 'Mes certifications' })
            .getByRole('row', { name: /Cellule d’accompagnement.*Valide/ })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.getByText('Vous pouvez prendre des dossiers de cette file.').count()).toBe(1);
    } finally {
      await agentContext.close();
    }

    const leaderContext = await newContext(fixture.browser);
    try {
      const page = await leaderContext.newPage();
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Formation de l’équipe' }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Formation de l’équipe', level: 1 }).count()).toBe(1);
      const camille = page.getByRole('row', { name: /Camille Martin/ });
      await expect.poll(() => camille.getByText(/Cellule d’accompagnement : Valide jusqu’au/).count()).toBe(1);
      // The leader's own contact-policy certification ends within the notice.
      const sophie = page.getByRole('row', { name: /Sophie Bernard/ });
      await expect.poll(() => sophie.getByText(/Politique de contact : Bientôt échue/).count()).toBe(1);
      await expectNoAxeViolations(page, '/training/team');
      expect(await sidewaysAt390(page)).toBe(0);
      await screenshot(page, 'training-team-1366');
    } finally {
      await leaderContext.close();
    }
  });
});
