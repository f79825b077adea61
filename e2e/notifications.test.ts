import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the notification bell', () => {
  it('shows a team leader what waits for them and leads to it', async () => {
    const db = fixture.server.deps.db;
    const leader = await db
      .selectFrom('users')
      .select(['id', 'team_id'])
      .where('email', '=', 'team.leader@demo.accord.test')
      .executeTakeFirstOrThrow();
    const target = await db
      .selectFrom('cases')
      .select(['id', 'debtor_id', 'reference'])
      .where('status', '=', 'open')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    // A dispute to answer, due since a day before anything else the demo holds: first in the list.
    await db
      .insertInto('case_tasks')
      .values({
        case_id: target.id,
        debtor_id: target.debtor_id,
        kind: 'dispute_review',
        due_at: new Date('2000-01-03T09:00:00Z'),
        created_at: new Date('2000-01-02T09:00:00Z'),
        team_id: leader.team_id,
      })
      .execute();

    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      const bell = page.getByRole('button', { name: /^Notifications : \d+ éléments? en attente$/ });
      await bell.waitFor();
      const label = (await bell.getAttribute('aria-label'))!;
      const total = Number(/(\d+)/.exec(label)![1]);
      expect(total).toBeGreaterThanOrEqual(1);
      expect(await bell.getAttribute('aria-expanded')).toBe('false');

      await bell.click();
      expect(await bell.getAttribute('aria-expanded')).toBe('true');
      const panel = page.locator('.bell-panel');
      await panel.getByRole('heading', { name: 'En attente de vous' }).waitFor();
      const first = panel.getByRole('link').first();
      expect(await first.textContent()).toBe(`Contestation à répondre, dossier ${target.reference}`);
      expect(await panel.locator('li').first().textContent()).toContain('échu le 03/01/2000');
      await expectNoAxeViolations(page, 'the notification list open');
      await page.setViewportSize({ width: 1366, height: 768 });
      await screenshot(page, 'notifications-1366');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'notifications-390');
      await page.setViewportSize({ width: 1366, height: 900 });

      // Escape closes the list and gives the focus back to the bell.
      await page.keyboard.press('Escape');
      expect(await bell.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('bell-button'))).toBe(true);

      await bell.click();
      await first.click();
      await page.waitForURL(`${base}/cases/${target.id}`);
      await waitForPage(page);
      expect(await bell.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await context.close();
    }
  });
});
