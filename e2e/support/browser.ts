import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results');
/**
 * Whether the tests leave pictures of the pages in SCREENSHOT_DIR for a person to look at. CI, where nobody looks at
 * them, turns them off (`ACCORD_SCREENSHOTS=off` in .ci/run): they were a quarter of the browser tests' time there.
 */
export const TAKING_SCREENSHOTS = process.env.ACCORD_SCREENSHOTS !== 'off';
/**
 * How long a browser step may wait for what it expects (an element, a page, Chromium's start): a hang guard far above
 * a slow step on a busy machine, not a speed limit. The test files' own guard (vitest.e2e.config.ts) is above it.
 */
export const BROWSER_WAIT_MS = 180_000;
/**
 * How often a wait on the page (`waitForFunction`) looks again: on a timer, not on painted frames (on a loaded machine
 * headless Chromium has painted none for minutes). A look is a few DOM queries; looking every 200 ms instead made each
 * wait that was not over at its first look last up to 200 ms longer than the page took, on every page of every file.
 */
export const POLL_MS = 50;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium ` +
        '(do not run "npx playwright install").',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: BROWSER_WAIT_MS,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A laptop-sized window in a French browser, as most agency staff use. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  context.setDefaultNavigationTimeout(BROWSER_WAIT_MS);
  return context;
}

/** A small phone (360×740, touch) in a French browser: how most debtors open the portal. */
export async function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  context.setDefaultNavigationTimeout(BROWSER_WAIT_MS);
  return context;
}

/**
 * Presses Tab until the element matching `selector` has the focus: proves it is reachable by keyboard. After a
 * navigation the focus starts at the top, before the skip link, the header and the menu (up to 20 entries).
 */
export async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector);
    if (focused) return;
  }
  throw new Error(`${selector} was not reached within ${maxPresses} presses of Tab`);
}

/** Signs in through the login page with the keyboard only, and waits for the home page. */
export async function signInWithKeyboard(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('#login-email');
  await tabTo(page, '#login-email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl}/`);
  await waitForPage(page);
}

/**
 * A page is ready when the rendered page belongs to the address in the bar (navigations render in a React
 * transition, after the address changes), its heading is shown, and nothing is still loading.
 */
export async function waitForPage(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      const rendered = main?.getAttribute('data-location');
      const current = window.location.pathname + window.location.search;
      return (
        main !== null &&
        (rendered === null || rendered === undefined || rendered === current) &&
        main.querySelector('h1') !== null &&
        document.querySelector('.loading') === null
      );
    },
    undefined,
    { timeout: BROWSER_WAIT_MS, polling: POLL_MS },
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: string; html: string; summary: string | undefined }[];
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the current page. Every rule runs on every element as before; only
 * the violations are gathered whole (`resultTypes`): axe then skips the selectors and HTML of the passing and
 * inapplicable elements, which nobody reads here (about 14 % of its time on the manager’s pages, measured).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the debugging protocol, not as a <script> tag: the app's CSP forbids inline scripts.
  if (!loaded) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      resultTypes: ['violations'],
    });
    return results.violations.map((violation: Result) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        html: node.html,
        summary: node.failureSummary,
      })),
    }));
  });
  return violations;
}

export function describeViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violation`;
  const lines = violations.flatMap((violation) => [
    `${where}: [${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help}`,
    ...violation.nodes.map((node) => `    at ${node.target}: ${node.html}\n      ${node.summary ?? ''}`),
  ]);
  return lines.join('\n');
}

/** Fails the test with a readable report when axe-core finds a WCAG A/AA violation on the page. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await tableScrollsSettled(page);
  const violations = await axeViolations(page);
  const report = describeViolations(where, violations);
  if (violations.length > 0) console.log(report);
  expect(violations, report).toEqual([]);
}

/**
 * Waits (on a timer: a loaded headless Chromium may paint no frame for a while) until every wide table's box has
 * caught up with the window's size: a box wider than its table became a focusable region (ui/TableScroll.tsx), which
 * its ResizeObserver does on the next frame after a resize. Gives up after a minute and lets axe say what it sees.
 */
async function tableScrollsSettled(page: Page): Promise<void> {
  // Figures still loading (a section's own request after a filter changed) would replace their tables after the check.
  await page
    .waitForFunction(() => document.querySelector('p.loading[role="status"]') === null, undefined, {
      polling: POLL_MS,
      timeout: 30_000,
    })
    .catch(() => undefined);
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.table-scroll')].every(
          (box) =>
            (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 13) ===
            (box.getAttribute('tabindex') === '0'),
        ),
      undefined,
      { polling: POLL_MS, timeout: 60_000 },
    )
    .catch(() => undefined);
}

/** Texts of the main navigation's links, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const links = page.locator('nav[aria-label] a');
  return (await links.allTextContents()).map((text) => text.trim());
}

/**
 * Saves a picture of the page in test-results/<name>.png, to be looked at: the whole page by default, or only the
 * window (`fullPage: false`), which shows what a person sees without scrolling.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if (!TAKING_SCREENSHOTS) return `${path} (not taken: ACCORD_SCREENSHOTS=off)`;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/** A file fetched by the page (its session's cookie): the status, the content type and the first five bytes. */
export async function fetchedFileHead(
  page: Page,
  url: string | null,
): Promise<{ status: number; type: string | null; head: string }> {
  return page.evaluate(async (address) => {
    const response = await fetch(address!);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      head: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, url);
}
