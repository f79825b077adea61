import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { agencyToday } from '../src/platform/calendar/index.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the over-indebtedness team', () => {
  it('finds its queue by deadline, opens a filed procedure from it and records the admissibility', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const today = agencyToday(fixture.server.deps.now(), fixture.server.deps.config);
    const filed = await db
      .selectFrom('overindebtedness_procedures as p')
      .innerJoin('overindebtedness_cases as oc', 'oc.procedure_id', 'p.id')
      .select(['p.id', 'oc.case_id'])
      .where('p.state', '=', 'filed')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();

    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'overindebtedness@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('navigation').getByRole('link', { name: 'Surendettement', exact: true }).click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'File du surendettement' }).count()).toBe(1);
      const table = page.getByRole('table', { name: 'File du surendettement' });
      await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(2);
      for (const [width, height] of [
        [1366, 768],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expectNoAxeViolations(page, `/overindebtedness ${width}`);
        await screenshot(page, `overindebtedness-queue-${width}`);
      }
      await page.setViewportSize({ width: 1366, height: 768 });

      await page.goto(`${base}/cases/${filed.case_id}`);
      await waitForPage(page);
      const panel = page.getByRole('region', { name: 'Surendettement' });
      await expect.poll(() => panel.getByText(/Enregistrer la décision de recevabilité/).count()).toBeGreaterThan(0);
      await panel.getByLabel('Étape', { exact: true }).selectOption('admissible');
      await panel.getByLabel('Date du courrier ou de la décision').fill(today);
      await panel.getByLabel('Référence du courrier').last().fill('Notification de recevabilité');
      await panel.getByRole('button', { name: 'Enregistrer l’étape' }).click();
      await expect.poll(() => panel.getByText('Étape enregistrée.').count()).toBe(1);
      await expect.poll(() => panel.getByText(/Recours contre la recevabilité/).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/cases/:id over-indebtedness (specialist)');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoAxeViolations(page, '/cases/:id over-indebtedness (specialist, 390)');
      await screenshot(page, 'overindebtedness-case-390');
    } finally {
      await context.close();
    }
    const after = await db
      .selectFrom('overindebtedness_procedures')
      .select('state')
      .where('id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe('admissible');
  });
});
