import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appendAudit, SYSTEM_ACTOR } from '../src/audit/append.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { agencyToday } from '../src/platform/calendar/today.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();
const MANAGER = DEMO_USERS.find((user) => user.role === 'manager')!.displayName;
const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
  { name: '390', width: 390, height: 844 },
];

async function screenshots(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await screenshot(page, `${name}-${size.name}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const rows = (page: Page) => page.locator('table.audit-table tbody tr');

describe('the audit trail for compliance', () => {
  it('pages back through the whole trail and verifies the chain', async () => {
    const db = fixture.server.deps.db;
    await db.transaction().execute(async (trx) => {
      for (let run = 1; run <= 60; run++) {
        await appendAudit(trx, {
          actor: SYSTEM_ACTOR,
          action: 'job.run',
          targetType: 'job',
          targetId: 'nightly-refresh',
          after: { run },
          at: new Date(),
        });
      }
    });
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Journal d’audit' }).click();
      await page.waitForURL(`${base}/audit`);
      await waitForPage(page);
      const total = Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      await page.getByText('50 entrées affichées.').waitFor();
      await page.getByText('Accord (traitement automatique) a lancé un traitement planifié').first().waitFor();
      const more = page.getByRole('button', { name: 'Entrées plus anciennes' });
      while ((await more.count()) > 0) {
        const before = await rows(page).count();
        await more.click();
        await page.waitForFunction(
          (count) => document.querySelectorAll('table.audit-table tbody tr').length > count,
          before,
        );
      }
      await page.getByText('Début du journal atteint pour ces filtres.').waitFor();
      // Sign-ins after the count add entries at the top, never twice below: each entry once.
      expect(await rows(page).count()).toBeGreaterThanOrEqual(total);

      await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
      await page.getByRole('status').filter({ hasText: 'Chaîne intacte' }).waitFor();
      // The outcome is worded in the reader's language, never the server's English.
      const outcome = page.getByRole('status').filter({ hasText: 'Chaîne intacte' });
      expect(await outcome.textContent()).toMatch(/Lots de lectures de données sensibles scellés et intacts : \d+\./);
      expect(await outcome.textContent()).not.toContain('verifies');
    } finally {
      await context.close();
    }
  });

  it('filters by days, author and area, opens a debtor’s trail and follows a link to the case', async () => {
    const base = fixture.server.url;
    const today = agencyToday(new Date(), fixture.server.deps.config);
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/audit`);
      await waitForPage(page);
      await page.getByLabel('Du', { exact: true }).fill(today);
      await page.getByLabel('Au', { exact: true }).fill(today);
      await page.getByLabel('Auteur', { exact: true }).selectOption({ label: MANAGER });
      await page.getByLabel('Domaine', { exact: true }).selectOption({ label: 'Paiements' });
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await page.waitForURL(/family=payments/);
      await page.waitForFunction(() => {
        const cells = [...document.querySelectorAll('table.audit-table tbody tr td:first-of-type')];
        return cells.length > 0 && cells.every((cell) => cell.textContent?.includes('a enregistré un paiement de'));
      });
      const sentences = await rows(page).locator('td:first-of-type').allTextContents();
      expect(sentences.length).toBeGreaterThan(0);
      for (const sentence of sentences) {
        expect(sentence).toMatch(new RegExp(`^${MANAGER} a enregistré un paiement de [\\d\\s]+,\\d\\d\\s€`));
        expect(sentence).toMatch(/sur le dossier [A-Z]+-\d+/);
      }
      // The filters in words, as a person reads them, above the list.
      const day = new Intl.DateTimeFormat('fr-FR', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${today}T00:00:00Z`));
      expect(await page.locator('[data-applied-filters]').textContent()).toBe(
        `Filtres appliqués : Du ${day} au ${day} · Auteur : ${MANAGER} · Domaine : Paiements`,
      );
      await expectNoAxeViolations(page, '/audit (filtered)');
      await screenshots(page, 'audit-filtered');

      const first = rows(page).first();
      const caseLink = first.getByRole('link', { name: /^Dossier / });
      const caseName = (await caseLink.textContent())!;
      await first.getByRole('link', { name: /^Débiteur : / }).click();
      await page.waitForURL(/\/audit\/debtors\//);
      await page.getByRole('heading', { level: 1, name: /^Journal de / }).waitFor();
      await page.locator('table.audit-table tbody tr').first().waitFor();
      expect(await page.locator('table.audit-table').textContent()).toContain(`sur le dossier ${caseName.slice(8)}`);
      await expectNoAxeViolations(page, '/audit/debtors/:id');
      await screenshots(page, 'audit-debtor');

      // Reading the debtor's trail is itself a read of their data, shown in their trail.
      await page.reload();
      await page
        .getByText(/a consulté le journal du débiteur \(conformité\)/)
        .first()
        .waitFor();

      await page.getByRole('link', { name: caseName }).first().click();
      await page.waitForURL(/\/cases\/[0-9a-f-]+$/);
      await page.getByRole('heading', { level: 1, name: new RegExp(caseName.slice(8)) }).waitFor();
      await page.getByRole('link', { name: 'Journal du débiteur' }).waitFor();
      await expectNoAxeViolations(page, '/cases/:id');
    } finally {
      await context.close();
    }
  });
});
