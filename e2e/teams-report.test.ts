import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('teams and agents', () => {
  it('a manager reads every team and agent, quality and satisfaction first, a figure drawn and tabled, by week or day', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'Équipes et agents' }).click();
      await page.waitForURL(`${base}/reports/teams`);
      await waitForPage(page);
      expect(await page.title()).toBe('Équipes et agents – Accord');

      // The teams' table: quality and satisfaction come before the work and the money.
      const teams = page.locator('table.teams-figures').first();
      const headers = await teams.locator('thead th').allTextContents();
      expect(headers.slice(0, 3)).toEqual(['Nom', 'Qualité (écoutes)', 'Satisfaction (réponses)']);
      expect(headers.indexOf('Encaissé')).toBeGreaterThan(headers.indexOf('Satisfaction (réponses)'));
      const rows = await teams.locator('tbody th[scope="row"]').allTextContents();
      expect(rows).toContain('Amiable Lyon');
      const agents = page.locator('table.teams-figures').nth(1);
      expect(await agents.locator('tbody th[scope="row"]').allTextContents()).toContain('Camille Martin');
      // The demo's calls are reviewed: a mean score with its count, in words.
      expect(await agents.textContent()).toMatch(/\d+(,\d{1,2})?\s%\s\(\d+ écoutes?/);
      // Some money was collected after the team's promises.
      expect(await teams.locator('tbody').textContent()).toMatch(/[1-9][\d\s]*,\d{2}\s€/);

      // A figure over time: drawn, and the table beside it, one column per team.
      await page.locator('.chart[role="img"] svg').waitFor();
      expect(await page.locator('.chart[role="img"]').getAttribute('aria-label')).toContain('Qualité moyenne');
      await expectNoAxeViolations(page, 'teams and agents');
      await page.setViewportSize({ width: 1366, height: 768 });
      // On a laptop both tables fit their width, "Collected" included: no sideways scroll.
      await expect
        .poll(() =>
          page
            .locator('table.teams-figures')
            .evaluateAll((tables) => tables.map((table) => table.scrollWidth <= table.parentElement!.clientWidth)),
        )
        .toEqual([true, true]);
      // By week, one tick per week named as the trade reads it.
      const ticks = await page.locator('.chart svg text').allTextContents();
      expect(ticks.filter((text) => /^S\d{1,2}$/.test(text)).length).toBeGreaterThanOrEqual(4);
      await screenshot(page, 'teams-report-1366x768', { fullPage: true });
      await page.getByLabel('Chiffre', { exact: true }).selectOption({ label: 'Encaissé (€)' });
      await expect
        .poll(() => page.locator('.chart[role="img"]').getAttribute('aria-label'))
        .toContain('Encaissé (€) par semaine');

      // By day: the period's days, the choice kept in the address.
      await page.getByLabel('Par', { exact: true }).selectOption('day');
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(/granularity=day/);
      await expect.poll(() => page.locator('table caption', { hasText: 'par jour et par équipe' }).count()).toBe(1);
      await expectNoAxeViolations(page, 'teams and agents, by day');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter les chiffres des équipes et agents en CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^agents-teams-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = (await readFile(await download.path())).toString('utf8');
      expect(text.slice(1).split('\r\n')[0]).toContain('Note qualité moyenne (%)');
    } finally {
      await context.close();
    }
  });

  it('a team leader reads her own team only, with no team to choose, on a phone too', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/reports/teams`);
      await waitForPage(page);
      expect(await page.getByLabel('Équipe', { exact: true }).count()).toBe(0);
      const teams = page.locator('table.teams-figures').first();
      expect(await teams.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Amiable Lyon']);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).not.toContain('Nadia Haddad');
      await page.locator('.chart[role="img"] svg').waitFor();
      await expectNoAxeViolations(page, 'teams and agents, team leader');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoAxeViolations(page, 'teams and agents, team leader, phone');
      await screenshot(page, 'teams-report-390x844', { fullPage: true });
    } finally {
      await context.close();
    }
  });
});
