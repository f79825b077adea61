import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/append.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import type { RowResult } from '../src/intake/core/types.js';
import { createPlacement, runPlacement } from '../src/intake/import-placement.js';
import {
  expectNoAxeViolations,
  newContext,
  screenshot,
  signInWithKeyboard,
  tabTo,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

/** A valid intake row; the possible matches come from the real intake, as in production. */
function row(
  line: number,
  first: string,
  last: string,
  ref: string,
  claim: string,
  birth: string | null,
  principalCents: number,
): RowResult {
  const nameKey = `${last}|${first}`.toLowerCase();
  return {
    ok: true,
    row: {
      line,
      operation: 'place',
      debtorReference: ref,
      debtor: {
        kind: 'person',
        title: null,
        firstName: first,
        lastName: last,
        birthName: null,
        birthDate: birth,
        birthPlace: null,
        companyName: null,
        registrationNumber: null,
        language: 'fr',
        matchKey: birth ? `${nameKey}|${birth}` : null,
        nameKey,
      },
      address: {
        line1: `${line} avenue Foch`,
        line2: null,
        postalCode: '69006',
        city: 'Lyon',
        country: 'FR',
        subdivision: '69',
        timeZone: 'Europe/Paris',
      },
      phones: [],
      email: null,
      claim: {
        reference: claim,
        contractType: 'consumer_credit',
        originalCreditor: null,
        currency: 'EUR',
        principalCents,
        interestCents: 0,
        feesCents: 0,
        defaultOn: '2026-02-01',
        lastPaymentOn: null,
      },
    },
  };
}

async function importRows(creditorCode: string, mandateCode: string, rows: RowResult[]) {
  const deps = fixture.server.deps;
  const creditor = await deps.db
    .selectFrom('creditors')
    .select('id')
    .where('code', '=', creditorCode)
    .executeTakeFirstOrThrow();
  const { placementId } = await createPlacement(deps, {
    creditorId: creditor.id,
    mandateCode,
    source: { fileName: 'e2e.csv', sha256: null, format: 'csv' },
    actor: SYSTEM_ACTOR,
  });
  async function* from() {
    yield* rows;
  }
  const report = await runPlacement(deps, placementId, from(), { actor: SYSTEM_ACTOR });
  expect(report.status).toBe('completed');
}

const debtorOf = async (claimReference: string) =>
  fixture.server.deps.db
    .selectFrom('claims')
    .innerJoin('cases', 'cases.id', 'claims.case_id')
    .select(['cases.id as caseId', 'cases.debtor_id as debtorId', 'cases.reference'])
    .where('claims.reference', '=', claimReference)
    .executeTakeFirstOrThrow();

describe('possible duplicate debtors', () => {
  beforeAll(async () => {
    // Hortense Valadier: an older record without a birth date at Banque Horizon, a newer one with it, which Telco
    // Alpi's file then finds by identity. Gaston Lemoine: same name, two people.
    await importRows('BHORIZON', 'BH-2026', [row(1, 'Hortense', 'Valadier', 'E2E-H1', 'E2E-C1', null, 120_000)]);
    await importRows('BHORIZON', 'BH-2026', [row(2, 'Hortense', 'Valadier', 'E2E-H2', 'E2E-C2', '1965-05-05', 30_000)]);
    await importRows('TELCOALPI', 'TA-2026', [row(3, 'Hortense', 'Valadier', 'E2E-T1', 'E2E-T1', '1965-05-05', 8_000)]);
    await importRows('BHORIZON', 'BH-2026', [row(4, 'Gaston', 'Lemoine', 'E2E-G1', 'E2E-G1', null, 50_000)]);
    await importRows('BHORIZON', 'BH-2026', [row(5, 'Gaston', 'Lemoine', 'E2E-G2', 'E2E-G2', '1990-09-09', 60_000)]);
  });

  it('a team leader tells two people apart, merges one person’s two records, and finds the cases on the survivor', async () => {
    const base = fixture.server.url;
    const older = await debtorOf('E2E-C1');
    const newer = await debtorOf('E2E-C2');
    const telco = await debtorOf('E2E-T1');
    expect(telco.debtorId).toBe(newer.debtorId);
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Rapprochements à vérifier' }).click();
      await page.waitForURL(`${base}/debtor-matches`);
      await waitForPage(page);
      expect(await page.title()).toBe('Rapprochements à vérifier – Accord');
      const cards = page.locator('article.match-card');
      expect(await cards.count()).toBe(2);
      const hortense = page.getByRole('article', { name: 'Hortense VALADIER et Hortense VALADIER' });
      const gaston = page.getByRole('article', { name: 'Gaston LEMOINE et Gaston LEMOINE' });
      // Side by side: each record with its birth date, address, references and cases.
      const newerRecord = hortense.getByRole('region', { name: 'Fiche la plus récente : Hortense VALADIER' });
      expect(await newerRecord.textContent()).toContain('05/05/1965');
      expect(await newerRecord.textContent()).toContain('Telco Alpi : E2E-T1');
      expect(await newerRecord.getByRole('link').allTextContents()).toEqual(
        expect.arrayContaining([newer.reference, telco.reference]),
      );
      const olderRecord = hortense.getByRole('region', {
        name: 'Fiche la plus ancienne (gardée en cas de fusion) : Hortense VALADIER',
      });
      expect(await olderRecord.textContent()).toContain('Inconnue');
      expect(await olderRecord.textContent()).toContain('1 avenue Foch, 69006 Lyon, FR');
      expect(await hortense.textContent()).toContain('Motif : Même nom ; l’autre fiche n’a pas de date de naissance');
      await expectNoAxeViolations(page, '/debtor-matches');
      await screenshot(page, 'debtor-matches-open');

      // Different people, with a note, by keyboard.
      await gaston.getByLabel('Note (facultative)').fill('Né en 1990 : le fils, pas le père.');
      await gaston.getByRole('button', { name: 'Personnes différentes' }).focus();
      await page.keyboard.press('Enter');
      const status = page.locator('#debtor-matches-status');
      await status.filter({ hasText: 'Décision enregistrée' }).waitFor();
      expect(await status.textContent()).toBe(
        'Décision enregistrée : Gaston LEMOINE et Gaston LEMOINE sont deux personnes différentes.',
      );
      await page.waitForFunction(() => document.querySelectorAll('article.match-card').length === 1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('debtor-matches-list-heading');

      // Same person: asks first, the focus on the confirmation; cancelling changes nothing.
      await hortense.getByRole('button', { name: 'Même personne' }).click();
      const confirm = hortense.getByRole('button', { name: 'Oui, fusionner les fiches' });
      await confirm.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Oui, fusionner les fiches');
      expect(await hortense.getByRole('group').textContent()).toContain('Cette décision ne peut pas être annulée.');
      await expectNoAxeViolations(page, '/debtor-matches confirming');
      await screenshot(page, 'debtor-matches-confirm');
      await hortense.getByRole('button', { name: 'Annuler' }).click();
      await hortense.getByRole('button', { name: 'Même personne' }).waitFor();
      await hortense.getByRole('button', { name: 'Même personne' }).click();
      await page.keyboard.press('Enter');
      await status.filter({ hasText: 'Fiches fusionnées' }).waitFor();
      expect(await status.textContent()).toBe(
        'Fiches fusionnées : Hortense VALADIER n’a plus qu’une fiche, qui porte ses dossiers.',
      );
      await page.getByText('Aucun rapprochement dans cette liste.').waitFor();

      // The decided ones stay visible through the filter.
      await tabTo(page, '#debtor-matches-status-filter');
      await page.getByLabel('Rapprochements', { exact: true }).selectOption({ label: 'Même personne (fusionnés)' });
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(`${base}/debtor-matches?status=same_person`);
      await waitForPage(page);
      const merged = page.getByRole('article', { name: 'Hortense VALADIER et Hortense VALADIER' });
      expect(await merged.textContent()).toMatch(/Même personne \(fusionnés\) Décidé le .+ par Sophie Bernard\./);
      expect(await merged.textContent()).toContain('Fusionnée dans l’autre fiche.');
      await expectNoAxeViolations(page, '/debtor-matches?status=same_person');
      await screenshot(page, 'debtor-matches-merged');

      // The merged record's cases are now the survivor's: Telco Alpi's moved whole, Banque Horizon's claim
      // joined the older record's case, and the emptied case is closed as merged.
      expect((await debtorOf('E2E-T1')).debtorId).toBe(older.debtorId);
      expect((await debtorOf('E2E-C2')).caseId).toBe(older.caseId);
      await page.goto(`${base}/cases/${older.caseId}`);
      await waitForPage(page);
      const claims = page.locator('section[aria-labelledby="claims-heading"]');
      expect(await claims.textContent()).toContain('E2E-C1');
      expect(await claims.textContent()).toContain('E2E-C2');
      expect(await page.locator('main').textContent()).toContain('05/05/1965');
      await page.goto(`${base}/cases/${newer.caseId}`);
      await waitForPage(page);
      expect(await page.locator('main').textContent()).toContain('Fiches débiteur fusionnées');
      await expectNoAxeViolations(page, '/cases/:id merged');
    } finally {
      await context.close();
    }
  });
});
