/**
 * `npx tsx scripts/screenshot-sweep.ts [FOLDER] [--roles agent,judicial_specialist] [--full]`: a tool for people
 * reviewing the UI, not a test (too slow for `npm test`). It starts Accord with the demo as the browser tests do (an
 * in-memory database, 150 debtors, this checkout's web app built into a temporary folder), then, for each role (one
 * demo user a role, or the roles named), signs in and opens every page of its menu and the detail pages reachable
 * from them (the first link of each kind a page lists: a case, a creditor, a plan, a placement, a review…, and from
 * those one level further). Each page is photographed at 1366×768 and at 1920×1080, what shows without scrolling,
 * into FOLDER (default /tmp/accord-shots/) as `<role>-<page>-<width>.png` (with `--full`, the rest of the page too, a
 * screen at a time: `<…>-<width>-2.png`, `-3.png`…), and measured: a page that scrolls sideways, or a box whose
 * content sticks out of it though it is not meant to scroll, is reported at the end and in FOLDER/report.txt (each
 * finding once a page and width, with how many boxes).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { launchBrowser, newContext, signInWithKeyboard, waitForPage } from '../e2e/support/browser.js';
import { overflowingBoxes, widerThanWindow } from '../e2e/support/layout.js';
import { startAccord } from '../e2e/support/server.js';
import { buildWeb } from './build.js';

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

interface Arguments {
  folder: string;
  roles: string[] | null;
  full: boolean;
}

function readArguments(argv: string[]): Arguments {
  const rolesIndex = argv.indexOf('--roles');
  const roles = rolesIndex >= 0 ? (argv[rolesIndex + 1] ?? '').split(',').filter(Boolean) : null;
  const positional = argv.filter(
    (argument, index) => !argument.startsWith('--') && (rolesIndex < 0 || index !== rolesIndex + 1),
  );
  return { folder: resolve(positional[0] ?? '/tmp/accord-shots'), roles, full: argv.includes('--full') };
}

/** A link's path as a kind of page: ids (uuids, numbers, long codes) become `:id`, the query goes. */
export function pageKind(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[0-9a-f-]{16,}$/i.test(segment) || /\d/.test(segment) ? ':id' : segment))
    .join('/');
}

/** A page kind as a file name part: `/` is `home`, `/cases/:id/plans` is `cases-id-plans`. */
function slug(kind: string): string {
  return kind === '/' ? 'home' : kind.replace(/^\//, '').replace(/[/:]+/g, '-');
}

/**
 * The links of the page's main area to other pages of the app, as paths (with their query), in the page's order: not
 * the files the API serves (a PDF, a download), nor what opens in another tab.
 */
async function linksOfMain(page: Page): Promise<string[]> {
  return page.locator('main a[href]:not([download]):not([target="_blank"])').evaluateAll((links) =>
    links
      .map((link) => new URL((link as HTMLAnchorElement).href))
      .filter((url) => url.origin === window.location.origin && !url.pathname.startsWith('/api/'))
      .map((url) => url.pathname + url.search),
  );
}

/** The first link of each kind of page not yet seen (the menu's pages aside). */
function firstOfEachKind(links: string[], seen: Set<string>): { kind: string; path: string }[] {
  const found: { kind: string; path: string }[] = [];
  for (const path of links) {
    const pathname = path.split('?')[0]!;
    const kind = pageKind(pathname);
    if (seen.has(kind) || found.some((other) => other.kind === kind)) continue;
    if (['/login', '/password-forgotten'].includes(pathname)) continue;
    found.push({ kind, path });
  }
  return found;
}

/** Lets the layout settle after a resize (ResizeObserver callbacks, then a paint). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** Photographs the open page on each screen and returns what does not fit. */
async function shootAndMeasure(page: Page, shots: Shots, name: string): Promise<string[]> {
  const findings: string[] = [];
  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    await settle(page);
    await page.screenshot({ path: join(shots.folder, `${name}-${screen.width}.png`), fullPage: false });
    if (shots.full) await shootBelowTheFold(page, join(shots.folder, `${name}-${screen.width}`), screen);
    const wide = await widerThanWindow(page);
    if (wide.scrollWidth > wide.width) {
      findings.push(`${name} @${screen.width}: scrolls sideways (${wide.scrollWidth}px): ${wide.culprits.join('; ')}`);
    }
    const boxes = await overflowingBoxes(page);
    findings.push(...counted(boxes.clipped.map((box) => `${name} @${screen.width}: sticks out of ${box}`)));
    findings.push(...counted(boxes.scrolling.map((box) => `${name} @${screen.width}: (scroll box) ${box}`)));
  }
  return findings;
}

/** The rest of the page, a screen at a time: `<name>-<width>-2.png`, `-3.png`… (at most 12 screens in all). */
async function shootBelowTheFold(page: Page, path: string, screen: { width: number; height: number }): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let index = 1; index < 12 && index * screen.height < height; index++) {
    const y = index * screen.height;
    const clip = { x: 0, y, width: screen.width, height: Math.min(screen.height, height - y) };
    await page.screenshot({ path: `${path}-${index + 1}.png`, fullPage: true, clip });
  }
}

/** Each line once, with how many times it came (a column of alike cells is one finding). */
function counted(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line));
}

/** Opens a page of the app and waits for it; false (and a finding) when it never shows its heading. */
async function open(page: Page, base: string, path: string, findings: string[]): Promise<boolean> {
  try {
    await page.goto(`${base}${path}`);
    await waitForPage(page);
    return true;
  } catch (error) {
    findings.push(`${path}: did not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return false;
  }
}

/** Where the pictures go, and whether the whole page is photographed too. */
interface Shots {
  folder: string;
  full: boolean;
}

/** Every page of one role's menu, and from each the first link of each kind, two levels deep. */
async function sweepRole(page: Page, base: string, role: string, shots: Shots): Promise<string[]> {
  const menu = await page
    .locator('nav.side-nav a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const findings: string[] = [];
  // Detail pages are followed from each menu page (a dispute's case is not the cases list's first case); the pages
  // found from those are photographed once a role.
  const seenDeeper = new Set<string>(menu);
  for (const menuPath of menu) {
    const menuName = `${role}-${slug(menuPath)}`;
    if (!(await open(page, base, menuPath, findings))) continue;
    findings.push(...(await shootAndMeasure(page, shots, menuName)));
    for (const detail of firstOfEachKind(await linksOfMain(page), new Set(menu))) {
      if (!(await open(page, base, detail.path, findings))) continue;
      findings.push(...(await shootAndMeasure(page, shots, `${menuName}--${slug(detail.kind)}`)));
      for (const deeper of firstOfEachKind(await linksOfMain(page), new Set([...seenDeeper, detail.kind]))) {
        seenDeeper.add(deeper.kind);
        if (!(await open(page, base, deeper.path, findings))) continue;
        findings.push(...(await shootAndMeasure(page, shots, `${role}-${slug(deeper.kind)}`)));
      }
    }
  }
  return findings;
}

async function main(): Promise<void> {
  const { folder, roles, full } = readArguments(process.argv.slice(2));
  await mkdir(folder, { recursive: true });
  const buildRoot = await mkdtemp(join(tmpdir(), 'accord-sweep-web-'));
  const webDist = join(buildRoot, 'dist');
  process.stdout.write('Building the web app…\n');
  await buildWeb(webDist);
  process.stdout.write('Starting Accord with the demo…\n');
  const server = await startAccord({ webDist });
  const browser = await launchBrowser();
  const findings: string[] = [];
  try {
    const users = DEMO_USERS.filter(
      (user, index) =>
        DEMO_USERS.findIndex((other) => other.role === user.role) === index && (!roles || roles.includes(user.role)),
    );
    for (const user of users) {
      process.stdout.write(`${user.role} (${user.email})…\n`);
      const context = await newContext(browser);
      // tsx keeps functions' names with a helper, __name, that the functions evaluated in the page call too.
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const page = await context.newPage();
      try {
        await signInWithKeyboard(page, server.url, user.email, DEMO_PASSWORD);
        findings.push(...(await sweepRole(page, server.url, user.role, { folder, full })));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(buildRoot, { recursive: true, force: true });
  }
  const report = findings.length === 0 ? 'Nothing sticks out.\n' : `${findings.join('\n')}\n`;
  await writeFile(join(folder, 'report.txt'), report);
  process.stdout.write(`\n${report}\nScreenshots and report.txt in ${folder}\n`);
}

await main();
