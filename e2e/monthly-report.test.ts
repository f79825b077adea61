import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransports, configuredTransports } from '../src/communications/configured-transports.js';
import { startDemoMailSink, type DemoMailSink } from '../src/communications/email/demo-mail-sink.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { lastMonth, sendMonthlyReports } from '../src/reporting/monthly-report-job.js';
import { pdfText } from '../test/support/pdf-text.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

let mailDir = '';
let sink: DemoMailSink | undefined;
// Started before the server, which sends the creditors' reports to it.
beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'accord-e2e-monthly-report-mail-'));
  sink = await startDemoMailSink({ dir: mailDir, port: 0 });
});
const fixture = useAccordAndBrowser({
  config: () => ({
    SMTP_URL: `smtp://127.0.0.1:${sink!.port}`,
    MAIL_FROM: 'Accord <contact@accord.example.fr>',
    PUBLIC_URL: 'https://accord.example.fr',
  }),
});
afterAll(async () => {
  await closeTransports(fixture.server.deps.config);
  await sink?.close();
  await rm(mailDir, { recursive: true, force: true });
});

/** Clicks a download button and reads the file the browser saved: its name, first bytes and content. */
async function downloadFrom(page: Page, buttonName: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const content = await readFile(await download.path());
  return { name: download.suggestedFilename(), head: content.subarray(0, 5).toString('latin1'), content };
}

const sendingRows = (page: Page) => page.locator('section[aria-labelledby="monthly-history"] tbody tr');

describe('the creditors’ monthly reports', () => {
  // Last month's reports, sent as the job sends them on the 1st: the history has something to show.
  beforeAll(async () => {
    const run = await sendMonthlyReports(fixture.server.deps, configuredTransports(fixture.server.deps).email);
    expect(run.sent, JSON.stringify(run)).toBeGreaterThan(1);
  });

  it('a manager reads what was sent, chooses a creditor and downloads last month as PDF and XLSX', async () => {
    const base = fixture.server.url;
    const month = lastMonth(fixture.server.deps);
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'Rapports mensuels' }).click();
      await page.waitForURL(`${base}/reports/monthly`);
      await waitForPage(page);
      expect(await page.title()).toBe('Rapports mensuels – Accord');
      // Every creditor's sending, each with its recipient and the relay's Message-ID; the last complete month chosen.
      await expect.poll(() => sendingRows(page).count()).toBeGreaterThan(1);
      const all = await sendingRows(page).count();
      const horizon = sendingRows(page).filter({ hasText: 'Banque Horizon' });
      expect(await horizon.count()).toBe(1);
      expect(await horizon.locator('td').nth(1).textContent()).toContain('@');
      expect(await horizon.locator('code.message-id').textContent()).toMatch(/\S+@\S+/);
      expect(await page.getByLabel('Mois', { exact: true }).inputValue()).toBe(month);
      await expectNoAxeViolations(page, 'the monthly reports, every creditor');
      await screenshot(page, 'monthly-report-manager-1366x768', { fullPage: false });

      // No creditor chosen: nothing to download yet, and the page says why.
      expect(await page.getByRole('button', { name: 'Télécharger le PDF' }).isDisabled()).toBe(true);
      await expect.poll(() => page.locator('main').textContent()).toContain('Choisissez d’abord un créancier');

      await page.getByLabel('Créancier').selectOption({ label: 'Banque Horizon' });
      await expect.poll(() => sendingRows(page).count()).toBe(1);
      expect(all).toBeGreaterThan(1);
      const pdf = await downloadFrom(page, 'Télécharger le PDF');
      expect(pdf.head).toBe('%PDF-');
      expect(pdf.name).toMatch(new RegExp(`${month}.*\\.pdf$`));
      expect(pdfText(pdf.content)).toContain('Banque Horizon');
      const xlsx = await downloadFrom(page, 'Télécharger le XLSX');
      expect(xlsx.head.slice(0, 2)).toBe('PK');
      expect(xlsx.name).toMatch(/\.xlsx$/);
      await expectNoAxeViolations(page, 'the monthly reports, one creditor');
      await screenshot(page, 'monthly-report-manager-1366x768-full');

      await page.setViewportSize({ width: 390, height: 844 });
      await waitForPage(page);
      await expectNoAxeViolations(page, 'the monthly reports, phone');
      await screenshot(page, 'monthly-report-manager-390x844');
    } finally {
      await context.close();
    }
  });

  it('a creditor user reads its own sendings only and downloads its own report', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'Rapports mensuels' }).click();
      await page.waitForURL(`${base}/reports/monthly`);
      await waitForPage(page);
      expect(await page.getByLabel('Créancier').count()).toBe(0);
      await expect.poll(() => sendingRows(page).count()).toBe(1);
      expect(await page.locator('main').textContent()).not.toContain('Énergie Rhône');
      const pdf = await downloadFrom(page, 'Télécharger le PDF');
      expect(pdf.head).toBe('%PDF-');
      const text = pdfText(pdf.content);
      expect(text).toContain('Banque Horizon');
      expect(text).not.toContain('Énergie Rhône');
      const xlsx = await downloadFrom(page, 'Télécharger le XLSX');
      expect(xlsx.head.slice(0, 2)).toBe('PK');
      await expectNoAxeViolations(page, 'the monthly reports, creditor');
      await screenshot(page, 'monthly-report-creditor-1366x768');
      await page.setViewportSize({ width: 390, height: 844 });
      await waitForPage(page);
      await expectNoAxeViolations(page, 'the monthly reports, creditor, phone');
      await screenshot(page, 'monthly-report-creditor-390x844');
    } finally {
      await context.close();
    }
  });
});
