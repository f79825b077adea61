import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { addDays, localDateOf } from '../src/platform/calendar/index.js';
import {
  axeViolations,
  describeViolations,
  newContext,
  screenshot,
  signInWithKeyboard,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';
import { CASE_EVENT_KINDS } from '../src/cases/contract.js';

const fixture = useAccordAndBrowser();

/** An open case with two claims, so the claims table shows its total row. */
async function pickCase() {
  const row = await fixture.server.deps.db
    .selectFrom('cases')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .innerJoin('claims', 'claims.case_id', 'cases.id')
    .select(['cases.id', 'cases.reference', 'debtors.first_name', 'debtors.last_name'])
    .select((eb) => eb.fn.countAll<number>().as('claims'))
    .where('cases.status', '=', 'open')
    .groupBy(['cases.id', 'cases.reference', 'debtors.first_name', 'debtors.last_name'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .orderBy('cases.reference')
    .executeTakeFirstOrThrow();
  const claims = await fixture.server.deps.db
    .selectFrom('claims')
    .select('reference')
    .where('case_id', '=', row.id)
    .execute();
  return { ...row, lastName: row.last_name!, claimReferences: claims.map((claim) => claim.reference) };
}

describe('an agent working cases', () => {
  it('searches by name, opens a case, and sees the debtor and the claims', async () => {
    const target = await pickCase();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await screenshot(page, 'home');
      expect(await page.locator('.figure').first().textContent()).toMatch(/Dossiers ouverts\d/);
      expect(await page.locator('.figures').textContent()).toMatch(/€/);

      await page.getByRole('link', { name: 'Dossiers' }).click();
      await page.waitForURL(`${base}/cases`);
      await waitForPage(page);
      await page.getByLabel('Nom, référence dossier ou créance').fill(target.lastName);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === target.lastName);
      await waitForPage(page);
      // Searching keeps the keyboard where it was, ready to refine the search.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('case-q');

      // Every result's debtor has that surname; the search stays in the address for a reload.
      const debtors = await page.locator('tbody tr td:nth-child(2)').allTextContents();
      expect(debtors.length).toBeGreaterThan(0);
      for (const name of debtors) expect(name.toUpperCase()).toContain(target.lastName.toUpperCase());
      await page.reload();
      await waitForPage(page);
      expect(await page.inputValue('#case-q')).toBe(target.lastName);

      await page.getByRole('link', { name: target.reference }).click();
      await page.waitForURL(`${base}/cases/${target.id}`);
      await waitForPage(page);
      expect(await page.locator('h1').textContent()).toContain(target.reference);
      expect(await page.title()).toBe(`Dossier ${target.reference} – Accord`);

      const debtorSection = page.locator('section', {
        has: page.getByRole('heading', { name: 'Débiteur', exact: true }),
      });
      expect(await debtorSection.textContent()).toContain(target.lastName.toUpperCase());
      expect(await debtorSection.textContent()).toMatch(/Heure locale actuelle/);

      const claimsSection = page.locator('section', {
        has: page.getByRole('heading', { name: 'Créances', exact: true }),
      });
      const claimRows = await claimsSection.locator('tbody th').allTextContents();
      expect(claimRows.sort()).toEqual([...target.claimReferences].sort());
      expect(await claimsSection.locator('tfoot').textContent()).toContain('Total des créances');
      expect(await page.getByRole('heading', { name: 'Chronologie' }).count()).toBe(1);

      const violations = await axeViolations(page);
      const report = describeViolations(`/cases/${target.id}`, violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
      await screenshot(page, 'case');

      // From the case to its creditor's page, which also passes axe.
      await page
        .locator('section', { has: page.getByRole('heading', { name: 'Synthèse' }) })
        .getByRole('link')
        .first()
        .click();
      await page.waitForURL(/\/creditors\/[0-9a-f-]{36}$/);
      await waitForPage(page);
      expect(await page.locator('table').textContent()).toMatch(/\d+\s%/);
      const creditorViolations = await axeViolations(page);
      const creditorReport = describeViolations('creditor page', creditorViolations);
      if (creditorViolations.length > 0) console.log(creditorReport);
      expect(creditorViolations, creditorReport).toEqual([]);

      await page.getByRole('link', { name: 'Retour aux créanciers' }).click();
      await page.waitForURL(`${base}/creditors`);
    } finally {
      await context.close();
    }
  });

  it('filters by balance in euros and pages through the results', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases`);
      await waitForPage(page);
      await page.getByLabel('Encours minimum (€)').fill('1 000,50');
      await page.getByLabel('Trier par').selectOption('balance_asc');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForURL((url) => url.searchParams.get('minBalanceCents') === '100050');
      await waitForPage(page);
      expect(await page.inputValue('#case-min')).toBe('1000,50');

      await page.getByLabel('Encours minimum (€)').fill('douze');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      expect(await page.locator('#case-min-error').textContent()).toContain('douze');

      // The age of a case: only cases opened on or after a date, shown in the "opened on" column.
      await page.goto(`${base}/cases`);
      await waitForPage(page);
      const since = addDays(localDateOf(new Date(), 'Europe/Paris'), -60);
      await page.getByLabel('Ouvert depuis le').fill(since);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForURL((url) => url.searchParams.get('openedAfter') === since);
      await waitForPage(page);
      const headers = await page.locator('thead th').allTextContents();
      const openedColumn = headers.indexOf('Ouvert le');
      expect(openedColumn).toBeGreaterThan(0);
      const openedDates = await page.locator(`tbody tr > :nth-child(${openedColumn + 1})`).allTextContents();
      expect(openedDates.length).toBeGreaterThan(0);
      for (const text of openedDates) {
        const [day, month, year] = text.trim().split('/');
        expect(`${year}-${month}-${day}` >= since, text).toBe(true);
      }

      await page.goto(`${base}/cases`);
      await waitForPage(page);
      const firstPage = await page.locator('tbody th a').allTextContents();
      expect(firstPage).toHaveLength(25);
      await page
        .getByRole('navigation', { name: 'Pages de résultats' })
        .getByRole('button', { name: 'Suivant' })
        .click();
      await page.waitForURL((url) => url.searchParams.get('offset') === '25');
      await waitForPage(page);
      // The pager was replaced by the new page: the focus moved to the results' heading, not lost.
      await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
      const secondPage = await page.locator('tbody th a').allTextContents();
      expect(secondPage.length).toBeGreaterThan(0);
      expect(secondPage.some((reference) => firstPage.includes(reference))).toBe(false);
      expect(await page.getByRole('main').getByRole('status').first().textContent()).toContain('Dossiers 26 à');
    } finally {
      await context.close();
    }
  });
});

describe('a case file read in English and Italian', () => {
  /** French the system wrote on demo case files before its texts had keys (and would write again if one leaked). */
  const FRENCH =
    /Créances|Dossier|Identité confirmée|Pas de réponse|Courrier|Plan de paiement|Remise|Contact enregistré/;

  it('says every timeline line and stage reason in the reader’s language, and names every kind in words', async () => {
    const target = await fixture.server.deps.db
      .selectFrom('cases')
      .select('id')
      .where('stage', '=', 'plan')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const base = fixture.server.url;
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      for (const [button, lang] of [
        ['English', 'en'],
        ['Italiano', 'it'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
        await page.goto(`${base}/cases/${target.id}`);
        await waitForPage(page);
        const timeline = page.locator('ol.timeline');
        await timeline.waitFor();
        const kinds = await timeline.locator('.timeline-kind').allTextContents();
        expect(kinds.length).toBeGreaterThan(2);
        for (const kind of kinds) expect(CASE_EVENT_KINDS as readonly string[], lang).not.toContain(kind);
        const stages = page.locator('section', { has: page.locator('#stages-heading') });
        for (const text of [await timeline.textContent(), await stages.locator('tbody').textContent()]) {
          expect(text, lang).not.toMatch(FRENCH);
        }
        expect(await timeline.locator('[lang="fr"]').count(), lang).toBe(0);
        expect(await stages.locator('[lang="fr"]').count(), lang).toBe(0);
        const violations = await axeViolations(page);
        expect(violations, describeViolations(`/cases/${target.id} (${lang})`, violations)).toEqual([]);
        await screenshot(page, `case-${lang}`);
      }
    } finally {
      await context.close();
    }
  });
});
