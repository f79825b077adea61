import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the judicial partners and the handoff file', () => {
  it('a judicial specialist adds two partners and deactivates one, builds a new version of a judicial case’s file and records its sending; axe at 1366×768 and 390×844', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const target = await db
      .selectFrom('cases')
      .select(['id', 'reference'])
      .where('stage', '=', 'judicial')
      .where('status', '<>', 'closed')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'judicial@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: /^Partenaires judiciaires$/ }).click();
      await page.waitForURL(`${base}/judicial-partners`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Partenaires judiciaires', level: 1 }).count()).toBe(1);
      await expectNoAxeViolations(page, '/judicial-partners (judicial specialist)');

      for (const firm of ['Étude Presqu’île Exécution', 'Cabinet Fourvière Avocats']) {
        await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
        const form = page.getByRole('form', { name: 'Nouveau partenaire' });
        await form.getByLabel('Cabinet ou étude').fill(firm);
        await form.getByLabel('Canal de réception des dossiers').selectOption('post');
        await form.getByLabel('Adresse').fill('2 rue Mercière, 69002 Lyon');
        await form.getByLabel('Cour d’appel').fill('Cour d’appel de Lyon');
        if (firm.startsWith('Étude')) await expectNoAxeViolations(page, '/judicial-partners (form open)');
        await form.getByRole('button', { name: 'Enregistrer' }).click();
        await expect.poll(() => form.count()).toBe(0);
        await expect
          .poll(() =>
            page
              .getByRole('status')
              .filter({ hasText: `${firm} est enregistré.` })
              .count(),
          )
          .toBe(1);
      }
      await page.getByRole('button', { name: 'Désactiver Cabinet Fourvière Avocats' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Cabinet Fourvière Avocats est désactivé.' }).count())
        .toBe(1);
      const row = page.getByRole('row').filter({ hasText: 'Cabinet Fourvière Avocats' });
      await expect.poll(() => row.textContent()).toContain('Désactivé');
      await screenshot(page, 'judicial-partners-1366');

      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Dossier de transmission' });
      await expect.poll(() => section.getByRole('button', { name: 'Établir une nouvelle version' }).count()).toBe(1);
      const before = await db
        .selectFrom('judicial_handoffs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', target.id)
        .executeTakeFirstOrThrow();
      const version = Number(before.n) + 1;
      await section.getByRole('button', { name: 'Établir une nouvelle version' }).click();
      await expect
        .poll(() =>
          section
            .getByRole('status')
            .filter({ hasText: `Version ${version} établie.` })
            .count(),
        )
        .toBe(1);
      await expect
        .poll(() => section.getByRole('link', { name: `Télécharger le PDF de la version ${version}` }).count())
        .toBe(1);
      await expectNoAxeViolations(page, '/cases/:id handoff (built)');

      const send = section.getByRole('form', { name: `Enregistrer l’envoi de la version ${version}` });
      // Only active partners are offered.
      await expect
        .poll(() => send.getByLabel('Partenaire').locator('option').allTextContents())
        .toContain('Étude Presqu’île Exécution (Courrier)');
      expect(await send.getByLabel('Partenaire').locator('option').allTextContents()).not.toContain(
        'Cabinet Fourvière Avocats (Courrier)',
      );
      await send.getByLabel('Partenaire').selectOption({ label: 'Étude Presqu’île Exécution (Courrier)' });
      await send.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
      await expect
        .poll(() =>
          section
            .getByRole('status')
            .filter({ hasText: `Envoi de la version ${version} enregistré.` })
            .count(),
        )
        .toBe(1);
      const sentRow = section.getByRole('row').filter({ hasText: `v${version}` });
      await expect.poll(() => sentRow.textContent()).toContain('Étude Presqu’île Exécution');
      await expect
        .poll(() => section.getByRole('form', { name: `Accusé de réception de la version ${version}` }).count())
        .toBe(1);
      await screenshot(page, 'judicial-handoff-1366');

      await page.setViewportSize({ width: 390, height: 844 });
      await waitForPage(page);
      await expectNoAxeViolations(page, '/cases/:id handoff (390 wide)');
      await screenshot(page, 'judicial-handoff-390');
    } finally {
      await context.close();
    }
    const saved = await db
      .selectFrom('judicial_handoffs as h')
      .innerJoin('judicial_partners as p', 'p.id', 'h.partner_id')
      .select(['h.status', 'h.channel', 'p.firm_name'])
      .where('h.case_id', '=', target.id)
      .where('h.status', '=', 'sent')
      .orderBy('h.version', 'desc')
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ status: 'sent', channel: 'post', firm_name: 'Étude Presqu’île Exécution' });
  });

  it('a creditor user sees its own case’s files and downloads the PDF, and cannot build one', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const target = await db
      .selectFrom('judicial_handoffs as h')
      .innerJoin('creditors as c', 'c.id', 'h.creditor_id')
      .select(['h.case_id', 'h.id', 'h.version'])
      .where('c.code', '=', 'BHORIZON')
      .orderBy('h.version', 'desc')
      .executeTakeFirst();
    if (!target) return; // The demo put no Banque Horizon case at the judicial stage.
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.case_id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Dossier de transmission' });
      await expect.poll(() => section.getByRole('table').count()).toBe(1);
      expect(await section.getByRole('button', { name: 'Établir une nouvelle version' }).count()).toBe(0);
      const link = section.getByRole('link', { name: `Télécharger le PDF de la version ${target.version}` });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^transmission-.*\.pdf$/);
      await expectNoAxeViolations(page, '/cases/:id handoff (creditor user)');
    } finally {
      await context.close();
    }
  });
});
