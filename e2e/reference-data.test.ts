import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { addDays } from '../src/platform/calendar/dates.js';
import { agencyToday } from '../src/platform/calendar/today.js';
import {
  expectNoAxeViolations,
  navigationLabels,
  newContext,
  screenshot,
  SCREENSHOT_DIR,
  signInWithKeyboard,
  tabTo,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** Spaces of every kind as plain spaces, so amounts formatted by Intl compare as typed. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('reference data', () => {
  it('an administrator reads the 2026 scale and the RSA, corrects an allowance, adds a 2027 RSA row and a 2027 floor, and sees the server refuse a bad scale', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'admin@demo.accord.test', DEMO_PASSWORD);
      expect(await navigationLabels(page)).toContain('Données de référence');
      await page.locator('nav[aria-label] a', { hasText: 'Données de référence' }).click();
      await page.waitForURL(`${base}/reference-data`);
      await waitForPage(page);
      expect(await page.title()).toBe('Données de référence – Accord');

      // The statuses are explained once; the 2026 scale is to be confirmed, with its brackets and uplift. No tag of
      // REGULATION.md reaches the page, and the notes of the sources are in French, the citations as written.
      expect(plain(await page.locator('section[aria-labelledby="statuses-heading"]').textContent())).toContain(
        'Chiffre tiré de sources secondaires, à confirmer sur le texte officiel.',
      );
      expect(await page.locator('main').textContent()).not.toContain('[CHECK]');
      const scale2026 = page.locator('section[aria-labelledby="scale-year-2026-heading"]');
      expect(plain(await scale2026.locator('h3').textContent())).toBe('Barème 2026 Statut du chiffre : À confirmer');
      await scale2026.getByRole('heading', { name: 'Barème 2026 Statut du chiffre : À confirmer' }).waitFor();
      const brackets = (await scale2026.locator('tbody tr').allTextContents()).map(plain);
      expect(brackets).toHaveLength(7);
      expect(brackets[0]).toBe('10,00 €4 480,00 €1/20');
      expect(brackets[6]).toBe('725 810,00 €Au-delà1/1');
      expect(plain(await scale2026.textContent())).toContain(
        'Majoration des seuils par personne à charge : 1 740,00 € par an.',
      );
      expect(plain(await scale2026.textContent())).toContain(
        'Source : Code du travail R3252-2, R3252-3 (barème 2026 ; sources secondaires, à confirmer)',
      );

      // The RSA from 1 April 2026, newest first.
      const rsa = page.locator('section[aria-labelledby="rsa-heading"]');
      const firstRsa = plain(await rsa.locator('tbody tr').first().textContent());
      expect(firstRsa).toContain(
        '01/04/2026652,33 €978,50 €1 174,19 €1 369,90 €260,93 €À confirmer' +
          'CASF L262-2 (à partir du 01/04/2026 ; sources secondaires, à confirmer)',
      );
      expect(
        plain(await page.locator('section[aria-labelledby="allowances-heading"] tbody tr').first().textContent()),
      ).toContain('Valeur provisoire, à remplacer par le chiffre de l’agence');
      await expectNoAxeViolations(page, '/reference-data administrator');
      await screenshot(page, 'reference-data-admin');

      // Correct the energy allowance, by keyboard: the form opens with the current figures, typed in euros.
      await tabTo(page, '#allowance-energy-2024-01-01-open', 200);
      await page.keyboard.press('Enter');
      const form = page.locator('form[aria-labelledby="allowance-energy-2024-01-01-heading"]');
      await form.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('allowance-energy-2024-01-01-baseCents');
      expect(await form.getByLabel('Base (une personne)').inputValue()).toBe('90');
      await form.getByLabel('Base (une personne)').fill('douze');
      await form.getByLabel('Source', { exact: true }).fill('');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await form.getByText('Base (une personne) : saisissez un montant en euros, par exemple 1250,50.').waitFor();
      await form.getByText('Indiquez la source du chiffre.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('allowance-energy-2024-01-01-baseCents');
      await expectNoAxeViolations(page, '/reference-data allowance form invalid');
      await form.getByLabel('Base (une personne)').fill('95,50');
      await form.getByLabel('Statut').selectOption({ label: 'Loi' });
      await form.getByLabel('Source', { exact: true }).fill('Barème de l’agence, 2026');
      await form.getByLabel('Source', { exact: true }).press('Enter');
      await page.getByText('Forfait Énergie au 01/01/2024 enregistré.').waitFor();
      expect(await form.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('allowance-energy-2024-01-01-open');
      const energyRow = page.locator('section[aria-labelledby="allowances-heading"] tbody tr', { hasText: 'Énergie' });
      expect(plain(await energyRow.textContent())).toContain(
        'Énergie01/01/202495,50 €30,00 €LoiBarème de l’agence, 2026',
      );
      const energy = await db
        .selectFrom('affordability_standard_allowances')
        .selectAll()
        .where('category', '=', 'energy')
        .executeTakeFirstOrThrow();
      expect([energy.base_cents, energy.per_extra_person_cents, energy.status, energy.source]).toEqual([
        9550,
        3000,
        'law',
        'Barème de l’agence, 2026',
      ]);

      // A 2027 RSA row, prefilled from the latest one and dated the next 1 April.
      await page.getByRole('button', { name: 'Ajouter une date d’entrée en vigueur' }).click();
      const add = page.locator('form[aria-labelledby="rsa-new-heading"]');
      await add.waitFor();
      expect(await add.getByLabel('En vigueur à partir du').inputValue()).toBe('2027-04-01');
      expect(await add.getByLabel('Personne seule', { exact: true }).inputValue()).toBe('652,33');
      await add.getByLabel('Personne seule', { exact: true }).fill('660');
      await add.getByLabel('Source', { exact: true }).fill('CASF L262-2 (1er avril 2027)');
      await add.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Montants du RSA au 01/04/2027 enregistrés.').waitFor();
      expect(plain(await rsa.locator('tbody tr').first().textContent())).toContain('01/04/2027660,00 €978,50 €');
      const added = await db
        .selectFrom('affordability_rsa_amounts')
        .selectAll()
        .where('effective_from', '=', '2027-04-01')
        .executeTakeFirstOrThrow();
      expect([added.single_cents, added.couple_cents, added.status]).toEqual([66000, 97850, 'check']);
      const audits = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'reference_data.%')
        .execute();
      expect(audits.map((a) => a.action).sort()).toEqual([
        'reference_data.rsa_amounts.added',
        'reference_data.standard_allowance.corrected',
      ]);
      await screenshot(page, 'reference-data-saved');

      // The floor left to the household: its history by effective date, the row in force marked; a new date added.
      const floors = page.locator('section[aria-labelledby="floors-heading"]');
      expect(plain(await floors.locator('tbody tr').first().textContent())).toContain(
        '01/01/2025 en vigueur100,00 €50,00 €Provisoire',
      );
      await floors.getByRole('button', { name: 'Ajouter un minimum à une date' }).click();
      const addFloor = page.locator('form[aria-labelledby="floor-new-heading"]');
      await addFloor.waitFor();
      expect(await addFloor.getByLabel('Base (une personne)').inputValue()).toBe('100');
      await addFloor.getByLabel('En vigueur à partir du').fill('2027-01-01');
      await addFloor.getByLabel('Base (une personne)').fill('150');
      await addFloor.getByLabel('Par autre personne').fill('60');
      await addFloor.getByLabel('Statut').selectOption({ label: 'Loi' });
      await addFloor.getByLabel('Source', { exact: true }).fill('Décision de l’agence du 1er décembre 2026');
      await expectNoAxeViolations(page, '/reference-data floor form');
      await addFloor.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Minimum laissé au foyer au 01/01/2027 enregistré.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('floor-2027-01-01-open');
      const floorRows = (await floors.locator('tbody tr').allTextContents()).map(plain);
      expect(floorRows).toHaveLength(2);
      expect(floorRows[0]).toContain('01/01/2027150,00 €60,00 €LoiDécision de l’agence du 1er décembre 2026');
      expect(floorRows[1]).toContain('01/01/2025 en vigueur100,00 €');
      const floor = await db
        .selectFrom('affordability_living_floors')
        .selectAll()
        .where('effective_from', '=', '2027-01-01')
        .executeTakeFirstOrThrow();
      expect([floor.base_cents, floor.per_extra_person_cents, floor.status]).toEqual([15000, 6000, 'law']);
      const floorAudit = await db
        .selectFrom('audit_log')
        .select(['action', 'target_id'])
        .where('action', 'like', 'reference_data.living_floor.%')
        .execute();
      expect(floorAudit).toEqual([{ action: 'reference_data.living_floor.added', target_id: '2027-01-01' }]);
      await screenshot(page, 'reference-data-floor-added');

      // A scale whose thresholds do not rise: the server refuses it and lists why.
      await page.getByRole('button', { name: 'Corriger le barème 2026' }).click();
      const scaleForm = page.locator('form[aria-labelledby="scale-2026-heading"]');
      await scaleForm.waitFor();
      await scaleForm.getByLabel('Tranche 2 : seuil annuel en euros').fill('100');
      await scaleForm.getByRole('button', { name: 'Enregistrer' }).click();
      await scaleForm.getByRole('alert').waitFor();
      expect(plain(await scaleForm.textContent())).toContain('bracket 2: thresholds must rise');
      await expectNoAxeViolations(page, '/reference-data scale refused');
      await screenshot(page, 'reference-data-scale-refused');
      await scaleForm.getByRole('button', { name: 'Annuler' }).click();
      expect(await scaleForm.count()).toBe(0);
      const scale = await db
        .selectFrom('affordability_seizure_scales')
        .select('brackets')
        .where('year', '=', 2026)
        .executeTakeFirstOrThrow();
      expect(scale.brackets[1]?.upToCents).toBe(873000);
    } finally {
      await context.close();
    }
  });

  it('an agent reaches the figures from the budget page and has no edit controls', async () => {
    const base = fixture.server.url;
    const aCase = await fixture.server.deps.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'open')
      .where('stage', '=', 'amicable')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      expect(await navigationLabels(page)).not.toContain('Données de référence');
      await page.goto(`${base}/cases/${aCase.id}/budget`);
      await waitForPage(page);
      await page
        .getByRole('link', { name: 'Consulter les données de référence (barème de saisie, RSA, forfaits)' })
        .click();
      await page.waitForURL(`${base}/reference-data`);
      await waitForPage(page);
      await page.getByText('Seul un administrateur peut corriger ces chiffres.').waitFor();
      expect(
        plain(await page.locator('section[aria-labelledby="scale-year-2026-heading"] tbody tr').first().textContent()),
      ).toBe('10,00 €4 480,00 €1/20');
      expect(
        plain(
          await page
            .locator('section[aria-labelledby="rsa-heading"] tbody tr', { hasText: '01/04/2026' })
            .textContent(),
        ),
      ).toContain('652,33 €');
      expect(await page.locator('main button').count()).toBe(0);
      expect(await page.locator('main form').count()).toBe(0);
      await expectNoAxeViolations(page, '/reference-data agent');
      await page.setViewportSize({ width: 1366, height: 768 });
      await screenshot(page, 'reference-data-agent');

      // In Italian and in English, the status and the notes of the sources follow the reader; the citations stay.
      const scale2026 = page.locator('section[aria-labelledby="scale-year-2026-heading"]');
      const rsa2026 = page.locator('section[aria-labelledby="rsa-heading"] tbody tr', { hasText: '01/04/2026' });
      await page.getByRole('button', { name: 'Italiano' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'it');
      await scale2026.getByRole('heading', { name: 'Tabella 2026 Stato della cifra: Da confermare' }).waitFor();
      expect(plain(await scale2026.textContent())).toContain(
        'Fonte: Code du travail R3252-2, R3252-3 (tabella 2026; fonti secondarie, da confermare)',
      );
      expect(plain(await rsa2026.textContent())).toContain(
        'Da confermareCASF L262-2 (dal 01/04/2026; fonti secondarie, da confermare)',
      );
      expect(await page.locator('main').textContent()).not.toMatch(/\[CHECK\]|secondary sources|to check/);
      await expectNoAxeViolations(page, '/reference-data agent in Italian');
      await screenshot(page, 'reference-data-agent-it');
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(plain(await scale2026.textContent())).toContain(
        'Source: Code du travail R3252-2, R3252-3 (2026 scale; secondary sources, to be confirmed)',
      );
      expect(plain(await rsa2026.textContent())).toContain('To be confirmedCASF L262-2 (from 01/04/2026;');
    } finally {
      await context.close();
    }
  });
  it('a compliance officer reads the procedures’ deadlines and the A444-32 fee, and adds a figure from today', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: 'Données de référence' }).click();
      await page.waitForURL(`${base}/reference-data`);
      await waitForPage(page);
      const section = page.locator('section[aria-labelledby="legal-figures-heading"]');
      const service = section.getByRole('row', { name: /^Signification \(CPC 1411\)/ });
      await service.waitFor();
      expect(plain(await service.textContent())).toBe(
        'Signification (CPC 1411)6 moisReporté au jour ouvré suivant01/01/2020LoiCPC 1411',
      );
      expect(plain(await section.textContent())).toContain('Au-delà de 52 400,00 €');
      expect(await page.locator('main').textContent()).not.toContain('[CHECK');
      await expectNoAxeViolations(page, '/reference-data legal figures');

      await section.getByRole('button', { name: 'Ajouter un chiffre daté' }).click();
      const form = section.locator('form[aria-labelledby="legal-figure-form-heading"]');
      await form.getByLabel('Délai', { exact: true }).selectOption({ label: 'Procès-verbal de saisie' });
      // The form starts from the figure in force, to be confirmed.
      expect(await form.getByLabel('Durée').inputValue()).toBe('3');
      expect(await form.getByLabel('Statut du chiffre').inputValue()).toBe('check');
      await form.getByLabel('Durée').fill('2');
      await form.getByLabel('Statut du chiffre').selectOption('law');
      await form.getByLabel('Source (texte, article)').fill('CPCE R3252-13 (confirmé)');
      await form.getByRole('button', { name: 'Ajouter le chiffre' }).click();
      await form.getByText(/^Chiffre ajouté : Procès-verbal de saisie, à partir du \d{2}\/\d{2}\/\d{4}\.$/).waitFor();
      const rows = section.getByRole('row', { name: /^Procès-verbal de saisie/ });
      await rows.nth(1).waitFor();
      expect((await rows.allTextContents()).map(plain)).toEqual([
        expect.stringMatching(/^Procès-verbal de saisie3 mois.*01\/01\/2020Remplacé/),
        expect.stringMatching(/^Procès-verbal de saisie2 mois.*LoiCPCE R3252-13 \(confirmé\)$/),
      ]);
      // The same day again is refused by the server, said in French.
      await form.getByRole('button', { name: 'Ajouter le chiffre' }).click();
      await form.getByText('Ce chiffre a déjà une ligne à cette date : choisissez un autre jour.').waitFor();
      await expectNoAxeViolations(page, '/reference-data legal figure added');
      await screenshot(page, 'reference-data-legal-figures');
      const audit = await db
        .selectFrom('audit_log')
        .select('target_id')
        .where('action', '=', 'reference_data.procedure_deadline.added')
        .execute();
      expect(audit.map((row) => row.target_id)).toEqual([
        expect.stringMatching(/^judicial:wage_pv:\d{4}-\d{2}-\d{2}$/),
      ]);
    } finally {
      await context.close();
    }
  });

  it('a compliance officer adds an A444-32 fee table from a future day, corrected where typed wrong or refused, and sees it listed; the form fits a phone', async () => {
    const base = fixture.server.url;
    const deps = fixture.server.deps;
    const from = addDays(agencyToday(deps.now(), deps.config), 40);
    const shown = `${from.slice(8, 10)}/${from.slice(5, 7)}/${from.slice(0, 4)}`;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/reference-data`);
      await waitForPage(page);
      const section = page.locator('section[aria-labelledby="legal-figures-heading"]');
      await section.getByRole('button', { name: 'Ajouter un barème daté' }).click();
      const form = section.locator('form[aria-labelledby="fee-table-form-heading"]');
      await form.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('fee-table-valid-from');
      // The form starts from the table in force, in euros and percent as a person types them.
      expect(await form.getByLabel('Minimum (€)').inputValue()).toBe('21,28');
      expect(await form.getByLabel('Plafond (€)').inputValue()).toBe('5540');
      expect(await form.getByLabel('Tranche 4 : jusqu’à (€)').inputValue()).toBe('52400');
      expect(await form.getByLabel('Tranche 5, au-delà : taux (%)').inputValue()).toBe('2,98');
      await form.getByLabel('À partir du').fill(from);
      await form.getByLabel('Statut du chiffre').selectOption('law');

      // A rate that is not one is said next to its field before anything is sent.
      await form.getByLabel('Tranche 2 : taux (%)').fill('dix');
      await form.getByRole('button', { name: 'Ajouter le barème' }).click();
      await form
        .getByText('Tranche 2 : taux (%) : saisissez un taux en pour cent, deux décimales au plus, par exemple 4,50.')
        .waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^fee-table-band-\d+-rate$/);

      // Bands that do not rise: the server refuses, and says so under the bands.
      await form.getByLabel('Tranche 2 : taux (%)').fill('10,5');
      await form.getByLabel('Tranche 3 : jusqu’à (€)').fill('500');
      await form.getByRole('button', { name: 'Ajouter le barème' }).click();
      await form.getByText('Les tranches doivent monter : chaque borne au-dessus de la précédente.').waitFor();
      await form.getByRole('alert').getByText('Le serveur a refusé le barème : voyez le champ « Tranches ».').waitFor();
      await expectNoAxeViolations(page, '/reference-data fee table refused');

      // One band fewer, one more before the open one, and the table is added.
      await form.getByRole('button', { name: 'Retirer la tranche 3' }).click();
      await form.getByRole('button', { name: 'Ajouter une tranche' }).click();
      const added = form.getByLabel('Tranche 4 : jusqu’à (€)');
      await expect.poll(() => added.evaluate((input) => input === document.activeElement)).toBe(true);
      await added.fill('100 000');
      await form.getByLabel('Tranche 4 : taux (%)').fill('1,5');
      await form.getByLabel('Tranche 5, au-delà : taux (%)').fill('0,75');
      await form.getByLabel('Source (texte, article)').fill('C. com. A444-32, arrêté à venir (essai)');
      await form.getByRole('button', { name: 'Ajouter le barème' }).click();
      await form.getByText(`Barème ajouté, à partir du ${shown}.`).waitFor();
      const listed = section.getByRole('table', {
        name: `Droit proportionnel du commissaire de justice (A444-32) — ${shown}`,
      });
      await listed.waitFor();
      expect((await listed.locator('tbody tr').allTextContents()).map(plain)).toEqual([
        'De 0,00 € à 125,00 €11,61 %',
        'De 125,00 € à 610,00 €10,5 %',
        'De 610,00 € à 52 400,00 €3,87 %',
        'De 52 400,00 € à 100 000,00 €1,5 %',
        'Au-delà de 100 000,00 €0,75 %',
      ]);
      const row = await deps.db
        .selectFrom('judicial_fee_tables')
        .selectAll()
        .where('valid_from', '=', from)
        .executeTakeFirstOrThrow();
      expect([row.floor_cents, Number(row.floor_upto_cents), Number(row.cap_cents), row.tag]).toEqual([
        2128,
        18800,
        554000,
        'law',
      ]);
      expect(row.bands).toEqual([
        { uptoCents: 12500, rateBp: 1161 },
        { uptoCents: 61000, rateBp: 1050 },
        { uptoCents: 5240000, rateBp: 387 },
        { uptoCents: 10000000, rateBp: 150 },
        { uptoCents: null, rateBp: 75 },
      ]);
      const audit = await deps.db
        .selectFrom('audit_log')
        .select('target_id')
        .where('action', '=', 'reference_data.fee_table.added')
        .execute();
      expect(audit.map((a) => a.target_id)).toEqual([`a444_32:${from}`]);
      await expectNoAxeViolations(page, '/reference-data fee table added');
      await screenshot(page, 'reference-data-fee-table-1366x768');
      await form.screenshot({ path: join(SCREENSHOT_DIR, 'reference-data-fee-form-1366x768.png') });
      // On a phone the form and the tables fit the width: nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'reference-data-fee-table-390x844');
      await form.screenshot({ path: join(SCREENSHOT_DIR, 'reference-data-fee-form-390x844.png') });
      await listed.screenshot({ path: join(SCREENSHOT_DIR, 'reference-data-fee-table-listed-390x844.png') });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, '/reference-data fee table at 390×844');
    } finally {
      await context.close();
    }
  });
});
