import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { readSheet } from '../test/support/xlsx.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** Clicks an export button and reads the file the browser saved. */
async function downloadFrom(page: Page, buttonName: string): Promise<{ name: string; content: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), content: await readFile(path) };
}

function csvRows(content: Buffer): string[][] {
  const text = content.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
}

describe('exporting the case list', () => {
  it('downloads the filtered list as CSV and XLSX, headed in French', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases?stage=amicable`);
      await waitForPage(page);
      const firstReference = (await page.locator('tbody tr th').first().textContent())!.trim();

      const csv = await downloadFrom(page, 'Exporter la liste des dossiers en CSV');
      expect(csv.name).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
      const [header, ...rows] = csvRows(csv.content);
      expect(header).toEqual([
        'Référence',
        'Débiteur',
        'Créancier',
        'Étape',
        'Statut',
        'Encours',
        'Devise',
        'Ouvert le',
      ]);
      expect(rows.map((row) => row[0])).toContain(firstReference);
      expect(new Set(rows.map((row) => row[3]))).toEqual(new Set(['Amiable']));

      const xlsx = await downloadFrom(page, 'Exporter la liste des dossiers en XLSX');
      expect(xlsx.name).toMatch(/\.xlsx$/);
      const sheet = readSheet(xlsx.content);
      expect(sheet[0]!.map((cell) => cell.value)).toEqual(header);
      expect(sheet).toHaveLength(rows.length + 1);
      expect(typeof sheet[1]![5]!.value).toBe('number');

      await expectNoAxeViolations(page, 'the case list with its export buttons');
      await page.setViewportSize({ width: 1366, height: 768 });
      await screenshot(page, 'exports-cases-1366');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'exports-cases-390');
    } finally {
      await context.close();
    }
  });

  it('gives a creditor user a file of its own cases only', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, fixture.server.url, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${fixture.server.url}/cases`);
      await waitForPage(page);
      const rows = csvRows((await downloadFrom(page, 'Exporter la liste des dossiers en CSV')).content).slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['Banque Horizon']));
    } finally {
      await context.close();
    }
  });
});
