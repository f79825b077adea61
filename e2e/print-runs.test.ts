import { describe, expect, it } from 'vitest';
import { contactPermission } from '../src/contact-policy/contact-permission.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import type { Actor } from '../src/identity/actor.js';
import { agencyToday } from '../src/platform/calendar/index.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** Two open cases the policy lets the agency write to, their first letters made not sent yet. */
async function casesToPrint(): Promise<string[]> {
  const { deps } = fixture.server;
  const manager = await deps.db
    .selectFrom('users')
    .select(['id', 'role', 'display_name', 'email', 'locale'])
    .where('email', '=', 'manager@demo.accord.test')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: manager.id,
    role: manager.role,
    creditorId: null,
    displayName: manager.display_name,
    email: manager.email,
    locale: manager.locale,
  };
  const candidates = await deps.db
    .selectFrom('cases as c')
    .innerJoin('debtor_addresses as a', (join) => join.onRef('a.debtor_id', '=', 'c.debtor_id'))
    .select(['c.id', 'c.debtor_id', 'c.reference'])
    .distinct()
    .where('c.stage', '=', 'amicable')
    .where('c.status', '=', 'open')
    .where('c.balance_cents', '>', 0)
    .where('a.country', '=', 'FR')
    .where('a.undeliverable_at', 'is', null)
    .orderBy('c.reference')
    .limit(40)
    .execute();
  const chosen: string[] = [];
  const debtors = new Set<string>();
  for (const candidate of candidates) {
    if (chosen.length === 2 || debtors.has(candidate.debtor_id)) continue;
    const decision = await contactPermission(deps, actor, {
      debtorId: candidate.debtor_id,
      channel: 'letter',
      caseId: candidate.id,
    });
    if (!decision.allowed) continue;
    chosen.push(candidate.id);
    debtors.add(candidate.debtor_id);
  }
  expect(chosen).toHaveLength(2);
  await deps.db
    .updateTable('cases')
    .set({ first_letter_sent_on: null, first_letter_reference: null })
    .where('id', 'in', chosen)
    .execute();
  return chosen;
}

describe('print runs for the mail house', () => {
  it('a manager prepares today’s run, downloads its manifest, confirms the posting, abandons a stuck run and marks a returned envelope found by reference; axe on the page', async () => {
    const base = fixture.server.url;
    const today = agencyToday(fixture.server.deps.now(), fixture.server.deps.config);
    const chosen = await casesToPrint();
    // A run a crashed process left preparing an hour ago, with no letter yet: stuck, for a manager to abandon.
    const manager = await fixture.server.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'manager@demo.accord.test')
      .executeTakeFirstOrThrow();
    const hourAgo = new Date(fixture.server.deps.now().getTime() - 3_600_000);
    const stuck = await fixture.server.deps.db
      .insertInto('print_runs')
      .values({ run_date: today, prepared_by: manager.id, prepared_at: hourAgo, active_at: hourAgo })
      .returning('id')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: /^Envois postaux$/ }).click();
      await page.waitForURL(`${base}/print-runs`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Envois postaux', level: 1 }).count()).toBe(1);
      await expectNoAxeViolations(page, '/print-runs (manager)');

      await page.getByRole('button', { name: 'Préparer l’envoi du jour' }).click();
      const status = page.getByRole('status').filter({ hasText: /Envoi préparé : \d+ lettre\(s\)/ });
      await expect.poll(() => status.count()).toBe(1);
      const run = await fixture.server.deps.db
        .selectFrom('print_runs')
        .selectAll()
        .orderBy('prepared_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(run.letter_count).toBeGreaterThanOrEqual(2);
      const row = page.getByRole('row').filter({ hasText: 'Prêt' });
      await expect.poll(() => row.count()).toBe(1);
      await expectNoAxeViolations(page, '/print-runs (prepared)');

      // The manifest: a line per letter and the total of the PDF's pages.
      const link = row.getByRole('link', { name: /^Manifeste CSV du / });
      const manifest = await page.request.get(new URL((await link.getAttribute('href'))!, base).toString());
      expect(manifest.status()).toBe(200);
      const lines = (await manifest.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'sequence;letter_reference;case_reference;addressee_name;postal_code;city;country;first_page;pages;sheets',
      );
      expect(lines).toHaveLength(run.letter_count + 2);
      expect(lines.at(-1)!.split(';')[8]).toBe(String(run.page_count));
      const letters = await fixture.server.deps.db
        .selectFrom('print_run_letters')
        .select('case_id')
        .where('print_run_id', '=', run.id)
        .execute();
      expect(letters.map((l) => l.case_id)).toEqual(expect.arrayContaining(chosen));
      const pdf = row.getByRole('link', { name: /^PDF des lettres du / });
      const file = await page.request.get(new URL((await pdf.getAttribute('href'))!, base).toString());
      expect(file.headers()['content-type']).toContain('application/pdf');

      await row.getByLabel(/^Jour du dépôt de l’envoi du /).fill(today);
      await row.getByRole('button', { name: 'Confirmer le dépôt' }).click();
      const posted = page.getByRole('row').filter({ hasText: 'Déposé le' });
      await expect.poll(() => posted.count()).toBe(1);
      await expectNoAxeViolations(page, '/print-runs (posted)');
      await screenshot(page, 'print-runs-1366');

      // The stuck run: abandoned by the manager (its letters, none here, would go with the next run).
      await page.getByRole('button', { name: 'Abandonner (ses lettres partent avec le prochain envoi)' }).click();
      const abandoned = page.getByRole('row').filter({ hasText: 'Abandonné le' });
      await expect.poll(() => abandoned.count()).toBe(1);

      // A returned envelope, found by its letter's reference and marked returned.
      const [first] = await fixture.server.deps.db
        .selectFrom('print_run_letters')
        .select(['letter_reference', 'case_id'])
        .where('print_run_id', '=', run.id)
        .orderBy('sequence')
        .execute();
      await page.getByLabel('Référence, nom, rue, code postal ou ville').fill(first!.letter_reference.toLowerCase());
      await page.getByRole('button', { name: 'Chercher' }).click();
      const pick = page.getByRole('checkbox', { name: `Revenue : ${first!.letter_reference}` });
      await expect.poll(() => pick.count()).toBe(1);
      await pick.check();
      await expectNoAxeViolations(page, '/print-runs (returned letters found)');
      await page.getByRole('button', { name: 'Marquer revenues (1)' }).click();
      const marked = page.getByRole('status').filter({ hasText: '1 lettre(s) marquée(s) revenue(s)' });
      await expect.poll(() => marked.count()).toBe(1);
      const task = await fixture.server.deps.db
        .selectFrom('case_tasks')
        .select('kind')
        .where('case_id', '=', first!.case_id)
        .where('kind', '=', 'trace_contact')
        .execute();
      expect(task).toHaveLength(1);
    } finally {
      await context.close();
    }
    const saved = await fixture.server.deps.db
      .selectFrom('print_runs')
      .select(['status', 'posted_on'])
      .orderBy('prepared_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ status: 'posted', posted_on: today });
    const gone = await fixture.server.deps.db
      .selectFrom('print_runs')
      .select('status')
      .where('id', '=', stuck.id)
      .executeTakeFirstOrThrow();
    expect(gone.status).toBe('abandoned');
  });
});
