import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import {
  expectNoAxeViolations,
  newContext,
  POLL_MS,
  screenshot,
  signInWithKeyboard,
  TAKING_SCREENSHOTS,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';
import { clippedTables, widerThanWindow } from './support/layout.js';

const fixture = useAccordAndBrowser();

/** The common screens of the agency: two laptops, a desktop monitor, and a phone. */
const SCREENS = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

/** One demo user of each role, as they sign in. */
const ONE_USER_A_ROLE = DEMO_USERS.filter(
  (user, index) => DEMO_USERS.findIndex((other) => other.role === user.role) === index,
);

/** Whether the menu's current entry lies inside its row's visible box (with its text, for the failure message). */
async function currentEntryInView(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector('nav.side-nav ul')!;
    const current = list.querySelector('a[aria-current="page"]');
    if (!current) return { entry: null, inView: true };
    const box = list.getBoundingClientRect();
    const entry = current.getBoundingClientRect();
    return {
      entry: current.textContent,
      inView: entry.left >= box.left - 0.5 && entry.right <= box.right + 0.5,
    };
  });
}

describe('layout on the common screens', () => {
  it('the dashboard never scrolls sideways and no card clips its last column', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      for (const screen of SCREENS) {
        await page.setViewportSize(screen);
        await page.goto(`${base}/`);
        await waitForPage(page);
        await page.locator('.creditor-cards table').first().waitFor();
        const found = await clippedTables(page);
        expect({ screen, ...found }).toEqual({ screen, sideways: false, clipped: [] });
        await screenshot(page, `dashboard-${screen.width}x${screen.height}`);
      }
      await expectNoAxeViolations(page, '/ (390 wide)');
    } finally {
      await context.close();
    }
  });

  it('the case page dials by tel: links, the skip link reaches the page, the focus shows on the dark header; looked at on every screen', async () => {
    const base = fixture.server.url;
    const aCase = await fixture.server.deps.db
      .selectFrom('cases')
      .innerJoin('debtor_contact_points as p', 'p.debtor_id', 'cases.debtor_id')
      .select(['cases.id', 'p.value'])
      .where('cases.status', '=', 'open')
      .where('p.channel', '=', 'phone')
      .orderBy('cases.reference')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${base}/cases/${aCase.id}`);
      await waitForPage(page);
      const dial = page.locator(`a[href="tel:${aCase.value.replace(/[^+\d]/g, '')}"]`).first();
      expect(await dial.textContent()).toBe(aCase.value);

      // After a navigation in the app, the focus is back at the top of the document on a line naming the new page:
      // the first Tab reaches the skip link, which shows, and Enter puts the focus on the page's content.
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Mon poste' })
        .click();
      await page.waitForURL(`${base}/workspace`);
      await waitForPage(page);
      await page.waitForFunction(() => document.activeElement?.classList.contains('route-announcer') ?? false);
      expect(await page.locator('.route-announcer').textContent()).toBe(await page.title());
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      expect(await page.locator('.skip-link').evaluate((link) => link.getBoundingClientRect().top >= 0)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // From there, Tab goes on into the page, not back through the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
      await page.goto(`${base}/cases/${aCase.id}`);
      await waitForPage(page);
      // At 1366x768 the header is one row, and the case's essentials are on screen without scrolling.
      const top = await page.evaluate(() => {
        const essentials = document.querySelector('.key-facts')!;
        return {
          headerHeight: Math.round(document.querySelector('.app-header')!.getBoundingClientRect().height),
          essentialsOnScreen: essentials.getBoundingClientRect().bottom <= window.innerHeight,
          essentials: [...essentials.querySelectorAll('dt')].map((term) => term.textContent),
        };
      });
      expect(top.headerHeight).toBeLessThan(80);
      expect(top.essentialsOnScreen).toBe(true);
      expect(top.essentials).toEqual(['Reste dû', 'Étape et statut', 'Prochaine action', 'Joindre', 'Suspensions']);
      // On the dark header, the focus ring turns yellow.
      await page.getByRole('button', { name: 'Se déconnecter' }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { width: style.outlineWidth, color: style.outlineColor };
      });
      expect(ring).toEqual({ width: '3px', color: 'rgb(255, 212, 92)' });

      for (const screen of SCREENS) {
        await page.setViewportSize(screen);
        for (const [name, path] of [
          ['case', `/cases/${aCase.id}`],
          ['workspace', '/workspace'],
        ] as const) {
          await page.goto(`${base}${path}`);
          await waitForPage(page);
          expect({ name, screen, sideways: (await clippedTables(page)).sideways }).toEqual({
            name,
            screen,
            sideways: false,
          });
          // What shows without scrolling, and the whole page.
          await screenshot(page, `${name}-${screen.width}x${screen.height}`, { fullPage: false });
          await screenshot(page, `${name}-${screen.width}x${screen.height}-full`);
        }
      }
      // On a phone the search box is folded into a button of the header, which unfolds it with the focus in it.
      expect(await page.getByRole('combobox', { name: 'Rechercher un dossier' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
      await expectNoAxeViolations(page, '/workspace (390 wide)');
    } finally {
      await context.close();
    }
  });

  it.each(ONE_USER_A_ROLE)(
    'the menu of $role: every page fits a phone without scrolling sideways and passes axe there, the last one opened by its address has its menu entry in view; each is looked at on a laptop and a desktop',
    async (user) => {
      const base = fixture.server.url;
      const context = await newContext(fixture.browser);
      const page = await context.newPage();
      try {
        await signInWithKeyboard(page, base, user.email, DEMO_PASSWORD);
        const paths = await page
          .locator('nav.side-nav a')
          .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
        expect(paths.length).toBeGreaterThan(0);
        const wide: { path: string; width: number; scrollWidth: number; culprits: string[] }[] = [];
        // On the phone, each page opened from the menu as a person does (in the app, not a reload: a reload costs the
        // bundle's parse and axe's again, minutes over every role's pages): checked there, then looked at as the
        // window widens (a laptop, a desktop).
        await page.setViewportSize({ width: 390, height: 844 });
        for (const path of paths) {
          const name = `${user.role}${path === '/' ? '-home' : path.replaceAll('/', '-')}`;
          if (page.url() !== `${base}${path}`) {
            await page.locator(`nav.side-nav a[href="${path}"]`).press('Enter');
            await page.waitForURL(`${base}${path}`);
          }
          await page.waitForFunction(
            (href) => document.querySelector(`nav.side-nav a[href="${href}"]`)?.getAttribute('aria-current') === 'page',
            path,
            { polling: POLL_MS },
          );
          await waitForPage(page);
          await screenshot(page, `${name}-390x844`);
          // Every page at phone size is checked by axe too (the audit trail stacks its entries: still a table).
          await expectNoAxeViolations(page, `${path} (390 wide, ${user.role})`);
          const measured = await widerThanWindow(page);
          if (measured.scrollWidth > measured.width) wide.push({ path, ...measured });
          if (TAKING_SCREENSHOTS) {
            await page.setViewportSize({ width: 1366, height: 768 });
            await screenshot(page, `${name}-1366x768`);
            // The desktop as it opens, without scrolling (the laptop's picture has the whole page).
            await page.setViewportSize({ width: 1920, height: 1080 });
            await screenshot(page, `${name}-1920x1080`, { fullPage: false });
            await page.setViewportSize({ width: 390, height: 844 });
          }
        }
        // The menu's row scrolls sideways on a phone: its last page, opened by its address (a bookmark, a link in a
        // notification), has its entry in view, the farthest one from where the row starts.
        const last = paths[paths.length - 1]!;
        await page.goto(`${base}${last}`);
        await waitForPage(page);
        const menu = await currentEntryInView(page);
        expect(menu, `the current menu entry of ${last} (${user.role})`).toEqual({ ...menu, inView: true });
        expect(wide).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
