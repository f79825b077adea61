import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** The common screens of the agency: two laptops, a desktop monitor, and a phone. */
const SCREENS = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

/** Whether the page scrolls sideways, and the tables whose last column lies beyond their card. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const clipped = [...document.querySelectorAll('.card table')]
      .filter((table) => {
        const card = table.closest('.card')!.getBoundingClientRect();
        const scroller = table.closest('.table-scroll');
        // A table in its own scrolling area may be wider than the card: that is what the area is for.
        if (scroller && scroller.scrollWidth > scroller.clientWidth) return false;
        return table.getBoundingClientRect().right > card.right + 0.5;
      })
      .map(
        (table) =>
          `${table.querySelector('caption')?.textContent ?? ''} (${Math.round(table.getBoundingClientRect().width)} in ${Math.round(table.closest('.card')!.clientWidth)})`,
      );
    return { sideways: root.scrollWidth > root.clientWidth, clipped };
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
        const found = await overflow(page);
        expect({ screen, ...found }).toEqual({ screen, sideways: false, clipped: [] });
        await screenshot(page, `dashboard-${screen.width}x${screen.height}`);
      }
      await expectNoAxeViolations(page, '/ (390 wide)');
    } finally {
      await context.close();
    }
  });
});
