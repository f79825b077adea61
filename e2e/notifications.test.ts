import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the notification bell', () => {
  it('the demo leaves the team leader a plan to approve, a broken promise and a missed callback, and the bell leads to them', async () => {
    const db = fixture.server.deps.db;
    const referenceOf = async (caseId: string) =>
      (await db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference;
    const approval = await db
      .selectFrom('plan_approvals as a')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .select('p.case_id')
      .where('a.status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const broken = await db
      .selectFrom('case_tasks')
      .select('case_id')
      .where('kind', '=', 'promise_broken')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const missed = await db
      .selectFrom('case_tasks')
      .select('case_id')
      .where('kind', '=', 'callback_missed')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();

    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      const bell = page.getByRole('button', { name: /^Notifications : \d+ éléments en attente$/ });
      await bell.waitFor();
      const total = Number(/(\d+)/.exec((await bell.getAttribute('aria-label'))!)![1]);
      expect(total).toBeGreaterThanOrEqual(4);
      await bell.click();
      const panel = page.locator('.bell-panel');
      await panel.getByRole('heading', { name: 'En attente de vous' }).waitFor();
      const links = await panel.getByRole('link').allTextContents();
      expect(links).toEqual(
        expect.arrayContaining([
          `Plan à valider, dossier ${await referenceOf(approval.case_id)}`,
          `Promesse non tenue, dossier ${await referenceOf(broken.case_id)}`,
          `Rappel manqué à rattraper, dossier ${await referenceOf(missed.case_id)}`,
          `Rappel à passer, dossier ${await referenceOf(missed.case_id)}`,
        ]),
      );
      await expectNoAxeViolations(page, 'the demo notifications open');
      await screenshot(page, 'notifications-demo');

      // The plan waits on the approvals page, where the team leader decides it.
      const planRef = await referenceOf(approval.case_id);
      await panel
        .getByRole('link')
        .filter({ hasText: `Plan à valider, dossier ${planRef}` })
        .click();
      await page.waitForURL(`${base}/plan-approvals`);
      await waitForPage(page);
      await page.locator('li.card', { hasText: planRef }).waitFor();
      await expectNoAxeViolations(page, '/plan-approvals from the bell');
    } finally {
      await context.close();
    }
  });

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
      .where('stage', '=', 'amicable')
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
