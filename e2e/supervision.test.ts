import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

const SHOTS = '/tmp/shots';

/** A full-page screenshot in test-results/ (as the other browser tests) and in /tmp/shots/ to look at. */
async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Text with every kind of space made plain ("3 000,00 €" is written with narrow no-break spaces). */
const plain = (text: string | null) =>
  (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

async function openFromMenu(page: Page, email: string, label: string, path: string) {
  const base = fixture.server.url;
  await signInWithKeyboard(page, base, email, DEMO_PASSWORD);
  await page.locator('nav[aria-label] a', { hasText: label }).click();
  await page.waitForURL(`${base}${path}`);
  await waitForPage(page);
}

describe('the team leader’s and the manager’s pages', () => {
  it('the team leader sees the team queue, pauses a segment with a reason, and reassigns a case', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await openFromMenu(page, 'team.leader@demo.accord.test', 'Files de l’équipe', '/team-queues');
      expect(await page.title()).toBe('Files de l’équipe – Accord');
      const team = page.locator('section[data-team="Amiable Lyon"]');
      await team.waitFor();
      // The team's segments with their figures, and the agents' activity today.
      const rows = team.locator('table.segments-table tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await team.locator('table.agents-table').textContent()).toContain('Camille Martin');
      expect(await team.locator('.team-tasks').textContent()).toMatch(
        /^(Aucune tâche de suivi ouverte|1 tâche de suivi ouverte|\d+ tâches de suivi ouvertes)$/,
      );
      await expectNoAxeViolations(page, '/team-queues');

      // The first segment of the team's queue that is not paused.
      const row = team.locator('table.segments-table tbody tr:not(.row-muted)').first();
      const segmentId = (await row.getAttribute('data-segment'))!;
      const segmentName = plain(await row.locator('th').textContent());
      expect(await row.locator('td').nth(4).textContent()).toContain('Non');

      await team.getByRole('button', { name: `Régler le segment ${segmentName} (Amiable Lyon)` }).click();
      const form = page.getByRole('form', { name: `Régler le segment « ${segmentName} »` });
      await form.waitFor();
      // The checkbox has the focus: the form is reachable by keyboard at once.
      expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-paused$/);
      await page.keyboard.press('Space');
      // The reason is required.
      await form.getByRole('button', { name: 'Enregistrer le réglage' }).click();
      await form.getByText('Écrivez la raison (au moins 3 caractères).').waitFor();
      await form
        .getByLabel('Raison du changement')
        .fill('Campagne courrier en cours : on suspend les appels cette semaine.');
      await form.getByLabel('Priorité ajoutée (de −500 à +500)').fill('50');
      await form.getByRole('button', { name: 'Enregistrer le réglage' }).click();
      await page
        .locator('#team-queues-status')
        .getByText(`Segment « ${segmentName} » en pause, priorité ajoutée +50.`)
        .waitFor();
      const paused = team.locator(`tr[data-segment="${segmentId}"]`).first();
      await expect(paused.locator('td').nth(4).textContent()).resolves.toContain('Oui');
      await expect(paused.locator('td').nth(5).textContent()).resolves.toBe('+50');
      // The form closed and the focus went back to the row's button.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Régler');

      // Kept on the server, with the reason.
      const control = await fixture.server.deps.db
        .selectFrom('segment_controls')
        .selectAll()
        .where('segment_id', '=', segmentId)
        .executeTakeFirstOrThrow();
      expect(control.paused).toBe(true);
      expect(control.priority_boost).toBe(50);

      // After a reload the page still shows it paused.
      await page.reload();
      await waitForPage(page);
      await expect(
        page
          .locator(`section[data-team="Amiable Lyon"] tr[data-segment="${segmentId}"]`)
          .first()
          .locator('td')
          .nth(4)
          .textContent(),
      ).resolves.toContain('Oui');
      await expectNoAxeViolations(page, '/team-queues after pausing');
      await shoot(page, 'team-queues');

      // Reassign an open amicable case to Camille Martin.
      const chosen = await fixture.server.deps.db
        .selectFrom('cases')
        .select(['id', 'reference'])
        .where('status', '=', 'open')
        .where('stage', '=', 'amicable')
        .orderBy('reference')
        .limit(1)
        .executeTakeFirstOrThrow();
      await page.goto(`${base}/cases/${chosen.id}`);
      await waitForPage(page);
      const assignment = page.locator('section.assignment');
      await assignment.getByRole('button', { name: 'Réaffecter ce dossier…' }).click();
      await assignment.getByLabel('Équipe', { exact: true }).selectOption({ label: 'Amiable Lyon' });
      await assignment.getByLabel('Agent (facultatif)').selectOption({ label: 'Camille Martin' });
      await assignment.getByLabel('Raison de la réaffectation').fill('Camille connaît déjà ce débiteur.');
      await assignment.getByRole('button', { name: 'Réaffecter', exact: true }).click();
      await assignment.getByText('Dossier réaffecté.').waitFor();
      const result = plain(await assignment.locator('.assignment-result').textContent());
      expect(result).toContain('Amiable Lyon');
      expect(result).toContain('Camille Martin');
      await expectNoAxeViolations(page, `/cases/${chosen.reference} after reassigning`);
      mkdirSync(SHOTS, { recursive: true });
      await assignment.screenshot({ path: `${SHOTS}/case-reassigned.png` });
    } finally {
      await context.close();
    }
  });

  it('the manager reads the strategy as rules, publishes version 2 with a changed priority, and sees an invalid document refused by path', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await openFromMenu(page, 'manager@demo.accord.test', 'Stratégies', '/strategies');
      expect(await page.title()).toBe('Stratégies – Accord');

      // Readable rules, in words.
      const large = plain(await page.locator('li[data-segment="new-large"]').textContent());
      expect(large).toContain('8. Nouveaux dossiers, montants élevés');
      expect(large).toContain('Étape du dossier : Amiable');
      expect(large).toContain('Solde restant dû d’au moins 3 000,00 €');
      expect(large).toContain('Dossier ouvert depuis au plus 90 jours');
      expect(large).toContain('Équipe amiable ; canaux : Téléphone, puis Courrier ; priorité 700 sur 1000.');
      expect(large).toContain('Challenger : 20 % des dossiers du segment');
      expect(plain(await page.locator('li[data-segment="fragile"]').textContent())).toContain(
        'Fragilité en cours sur le débiteur ou le dossier',
      );
      expect(plain(await page.locator('li[data-segment="no-contact-yet"]').textContent())).toContain(
        'Dernier contact : jamais contacté ou pas de réponse ou occupé ou messagerie',
      );
      const standard = page.locator('li[data-segment="standard"]');
      expect(plain(await standard.textContent())).toContain('Tous les autres dossiers ouverts (aucune condition).');
      expect(plain(await standard.textContent())).toContain('priorité 400 sur 1000');
      await expectNoAxeViolations(page, '/strategies');

      // Publish version 2: the last segment's priority from 400 to 420.
      const editor = page.getByLabel('Document de la stratégie (JSON)');
      const strategy = JSON.parse(await editor.inputValue()) as {
        segments: { id: string; treatment: { priority: number } }[];
      };
      const last = strategy.segments.find((segment) => segment.id === 'standard')!;
      expect(last.treatment.priority).toBe(400);
      last.treatment.priority = 420;
      await editor.fill(JSON.stringify(strategy, null, 2));
      await page.getByRole('button', { name: 'Publier', exact: true }).click();
      await page.getByText('Écrivez la note de version (au moins 3 caractères).').waitFor();
      await page.getByLabel('Note de version').fill('Les autres dossiers amiables un peu plus tôt.');
      await page.getByRole('button', { name: 'Publier', exact: true }).click();
      const confirm = page.getByRole('button', { name: 'Oui, publier la version 2' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Oui, publier la version 2');
      await confirm.click();
      await page.locator('#strategies-status').getByText('Version 2 publiée : elle est en vigueur.').waitFor();
      await waitForPage(page);
      const versions = page.locator('table.strategy-versions tbody tr');
      expect(await versions.count()).toBe(2);
      const second = plain(await page.locator('table.strategy-versions tr[data-version="2"]').textContent());
      expect(second).toContain('En vigueur');
      expect(second).toContain('Isabelle Moreau');
      expect(second).toContain('Les autres dossiers amiables un peu plus tôt.');
      expect(plain(await page.locator('li[data-segment="standard"]').textContent())).toContain('priorité 420 sur 1000');
      const stored = await fixture.server.deps.db
        .selectFrom('strategy_versions')
        .select(['version', 'note'])
        .orderBy('version', 'desc')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ version: 2, note: 'Les autres dossiers amiables un peu plus tôt.' });

      // An invalid document: refused by the server, each issue shown by its path; nothing is published.
      const broken = JSON.parse(await editor.inputValue()) as { segments: { treatment: { priority: number } }[] };
      expect(broken.segments[0]!.treatment.priority).toBe(600);
      broken.segments[0]!.treatment.priority = 5000;
      await editor.fill(JSON.stringify(broken, null, 2));
      await page.getByLabel('Note de version').fill('Priorité hors bornes.');
      await page.getByRole('button', { name: 'Publier', exact: true }).click();
      await page.getByRole('button', { name: 'Oui, publier la version 3' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'La version n’a pas été publiée' });
      await alert.waitFor();
      expect(plain(await alert.textContent())).toContain('Le document de la stratégie n’est pas valable');
      expect(plain(await alert.locator('.problem-details').textContent())).toContain('segments.0.treatment.priority');
      expect(await editor.getAttribute('aria-invalid')).toBe('true');
      expect(await versions.count()).toBe(2);
      await expectNoAxeViolations(page, '/strategies with a refused document');
      await shoot(page, 'strategies');

      // Version 1 stays readable, with its own priority.
      await page.getByRole('link', { name: 'Voir la version 1' }).click();
      await page.waitForURL(`${base}/strategies?version=1`);
      await waitForPage(page);
      await page.getByText('Cette version n’est plus en vigueur (la version 2 l’est).').waitFor();
      expect(plain(await page.locator('li[data-segment="standard"]').textContent())).toContain('priorité 400 sur 1000');
      await expectNoAxeViolations(page, '/strategies?version=1');
    } finally {
      await context.close();
    }
  });

  it('the manager edits a segment in the form, sees how many cases each segment would take change, and publishes it', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await openFromMenu(page, 'manager@demo.accord.test', 'Stratégies', '/strategies');
      await page.getByRole('button', { name: 'Formulaire', exact: true }).click();
      const status = page.locator('.strategy-preview-status[data-preview-status="ready"]');
      await status.waitFor();
      const taken = async (segmentId: string) => {
        const text = plain(await page.locator(`[data-segment-preview="${segmentId}"]`).textContent());
        return Number(/^Prendrait ([\d ]+) dossiers?\./.exec(text)![1]!.replace(/ /g, ''));
      };
      const total = Number(
        /sur ([\d ]+) dossiers? ouverts?/.exec(plain(await status.textContent()))![1]!.replace(/ /g, ''),
      );
      const large = await taken('new-large');
      const fresh = await taken('new');
      expect(fresh, 'the demo has new amicable cases under 3,000 €').toBeGreaterThan(0);
      const segments = await page.locator('[data-segment-preview]').count();
      let sum = 0;
      for (let index = 0; index < segments; index += 1)
        sum += Number(
          /([\d ]+) dossiers?/
            .exec(plain(await page.locator('[data-segment-preview]').nth(index).textContent()))![1]!
            .replace(/ /g, ''),
        );
      expect(sum).toBe(total);
      await expectNoAxeViolations(page, '/strategies, the form with its preview');

      // Without a minimum balance, the large new cases' segment takes every new amicable case.
      const minimum = page.locator('#segment-7-min-balance');
      expect(await minimum.inputValue()).toBe('3000');
      await minimum.fill('');
      await page.locator('[data-segment-preview="new"]', { hasText: 'Prendrait 0 dossier.' }).waitFor();
      await page.locator('.strategy-preview-status[data-preview-status="ready"]').waitFor();
      expect(await taken('new-large')).toBe(large + fresh);
      await expectNoAxeViolations(page, '/strategies, the preview after an edit');
      await shoot(page, 'strategies-form-preview');

      const next =
        (
          await fixture.server.deps.db
            .selectFrom('strategy_versions')
            .select('version')
            .orderBy('version', 'desc')
            .executeTakeFirstOrThrow()
        ).version + 1;
      await page
        .getByLabel('Note de version')
        .fill('Tous les nouveaux dossiers amiables d’abord, quel que soit le solde.');
      await page.getByRole('button', { name: 'Publier', exact: true }).click();
      await page.getByRole('button', { name: `Oui, publier la version ${next}` }).click();
      await page.locator('#strategies-status').getByText(`Version ${next} publiée : elle est en vigueur.`).waitFor();
      const stored = await fixture.server.deps.db
        .selectFrom('strategy_versions')
        .select('document')
        .where('version', '=', next)
        .executeTakeFirstOrThrow();
      const published = stored.document as { segments: { id: string; when: Record<string, unknown> }[] };
      expect(published.segments.find((segment) => segment.id === 'new-large')!.when).toEqual({
        stages: ['amicable'],
        maxAgeDays: 90,
      });
      await expectNoAxeViolations(page, '/strategies after publishing from the form');
    } finally {
      await context.close();
    }
  });

  it('the compliance officer reads the strategy but has no editor', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await openFromMenu(page, 'compliance@demo.accord.test', 'Stratégies', '/strategies');
      await page.locator('li[data-segment="standard"]').waitFor();
      expect(await page.getByLabel('Document de la stratégie (JSON)').count()).toBe(0);
      await page.getByText('Seule la direction publie une nouvelle version de la stratégie.').waitFor();
    } finally {
      await context.close();
    }
  });
});
