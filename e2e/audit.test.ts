import { describe, expect, it } from 'vitest';
import { appendAudit, SYSTEM_ACTOR } from '../src/audit/append.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { axeViolations, describeViolations, newContext, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the audit trail page', () => {
  it('pages back with "load older", filters by action, and verifies the chain', async () => {
    // Enough entries for three pages of 50, written through the real chain.
    const db = fixture.server.deps.db;
    await db.transaction().execute(async (trx) => {
      for (let run = 1; run <= 120; run++) {
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

    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
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
      expect(total).toBeGreaterThan(100);

      const rows = page.locator('table.audit-table tbody tr');
      expect(await rows.count()).toBe(50);
      const newest = Number(await rows.first().locator('th').textContent());
      expect(newest).toBe(total);

      const loadOlder = page.getByRole('button', { name: 'Charger les entrées plus anciennes' });
      await loadOlder.click();
      await page.waitForFunction(() => document.querySelectorAll('table.audit-table tbody tr').length === 100);
      while ((await loadOlder.count()) > 0) {
        const before = await rows.count();
        await loadOlder.click();
        await page.waitForFunction(
          (count) => document.querySelectorAll('table.audit-table tbody tr').length > count,
          before,
        );
      }
      expect(await rows.count()).toBe(total);
      await page.getByText('Début du journal atteint.').waitFor();
      // Newest first, each entry once: the sequence numbers run down to 1.
      const seqs = (await rows.locator('th').allTextContents()).map(Number);
      expect(seqs).toEqual(Array.from({ length: total }, (_, i) => total - i));

      await page.getByLabel('Action').fill('user.created');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL(`${base}/audit?action=user.created`);
      await waitForPage(page);
      // Wait for the filtered entries themselves: under load the page may settle before they replace the others.
      await page.waitForFunction(() => {
        const cells = [...document.querySelectorAll('table.audit-table tbody tr td:nth-child(4)')];
        return cells.length > 0 && cells.every((cell) => cell.textContent === 'user.created');
      });
      const actions = await rows.locator('td:nth-child(4)').allTextContents();
      expect(actions.length).toBe(10); // the ten demo users
      expect(new Set(actions)).toEqual(new Set(['user.created']));

      await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
      const verified = page.getByRole('status').filter({ hasText: 'Chaîne intacte' });
      await verified.waitFor();
      expect(await verified.textContent()).toContain(`${total} entrées vérifiées`);

      await page.locator('details summary').first().click();
      const violations = await axeViolations(page);
      const report = describeViolations('/audit', violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
