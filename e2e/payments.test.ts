import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { addDays, localDateOf } from '../src/platform/calendar/index.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** The first bytes of what a link of the page answers (with the page's session cookie). */
async function fetchStart(page: Page, linkName: string, bytes = 5): Promise<{ type: string; start: string }> {
  const href = await page.getByRole('link', { name: linkName }).first().getAttribute('href');
  const response = await page.request.get(new URL(href!, fixture.server.url).toString());
  expect(response.status()).toBe(200);
  return {
    type: response.headers()['content-type'] ?? '',
    start: (await response.body()).subarray(0, bytes).toString(),
  };
}

/** Cases ACC-2026-900001…900007 of the example bank files, each with one open claim of 1,000.00. */
async function seedBankCases() {
  const db = fixture.server.deps.db;
  const creditor = await db
    .selectFrom('creditors')
    .select('id')
    .where('code', '=', 'BHORIZON')
    .executeTakeFirstOrThrow();
  const mandate = await db
    .selectFrom('mandates')
    .select('id')
    .where('creditor_id', '=', creditor.id)
    .executeTakeFirstOrThrow();
  for (let n = 1; n <= 7; n++) {
    const debtor = await db
      .insertInto('debtors')
      .values({ kind: 'person', first_name: 'Test', last_name: `Banque-${n}`, language: 'fr' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await db
      .insertInto('cases')
      .values({
        reference: `ACC-2026-90000${n}`,
        creditor_id: creditor.id,
        mandate_id: mandate.id,
        debtor_id: debtor.id,
        stage: 'amicable',
        opened_on: '2026-01-05',
        balance_cents: 100000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('claims')
      .values({
        case_id: created.id,
        creditor_id: creditor.id,
        reference: `BANK-${n}`,
        contract_type: 'consumer_credit',
        principal_cents: 100000,
        default_on: '2025-06-01',
      })
      .execute();
  }
}

describe('payments, bank statements and remittances', () => {
  it('an agent records a payment and sees its allocation and receipt; a manager imports a statement, assigns a queued line and prepares the remittance', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const target = await db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.id', 'cases.reference', 'creditors.name as creditor_name', 'creditors.code as creditor_code'])
      .where('cases.status', '=', 'open')
      .where('creditors.code', '=', 'BHORIZON')
      .where((eb) =>
        eb(
          eb
            .selectFrom('claims')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('claims.case_id', '=', 'cases.id')
            .where('claims.status', '=', 'open'),
          '>',
          0,
        ),
      )
      .orderBy('cases.reference')
      .executeTakeFirstOrThrow();
    // A few days ago, but within this month: the payments page opens on the current month, whatever today is.
    const today = localDateOf(new Date(), 'Europe/Paris');
    const threeDaysAgo = addDays(today, -3);
    const receivedOn = threeDaysAgo.slice(0, 7) === today.slice(0, 7) ? threeDaysAgo : `${today.slice(0, 8)}01`;

    const agentContext = await newContext(fixture.browser);
    const page = await agentContext.newPage();
    let receipt: string;
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      await page.getByRole('heading', { name: 'Enregistrer un paiement' }).waitFor();
      await page.getByLabel('Montant reçu, en euros').fill('abc');
      await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
      await page.getByText('Indiquez un montant positif en euros').waitFor();
      await page.getByLabel('Montant reçu, en euros').fill('150,50');
      await page.getByLabel('Moyen de paiement').selectOption('cheque');
      await page.getByLabel('Date de réception').fill(receivedOn);
      await page.getByLabel('Référence (facultatif)').fill('CHQ 0042');
      await page.getByLabel('Référence (facultatif)').press('Enter');
      const done = page.locator('.success', { hasText: 'Paiement de 150,50 € enregistré' });
      await done.waitFor();
      receipt = /quittance (Q-\d{4}-\d{7})/.exec(plain(await done.textContent()))![1]!;
      const allocation = plain(await page.getByTestId('payment-allocation').textContent());
      expect(allocation).toContain('L’argent a été affecté ainsi :');
      expect(allocation).toMatch(/150,50 €|sur (principal|intérêts|frais) de la créance/);
      // The case's list shows the payment with its allocation and its receipt, whose PDF opens.
      const row = page.getByTestId(`payment-${receipt}`);
      await row.waitFor();
      expect(plain(await row.textContent())).toMatch(
        /150,50 €.*Chèque \(CHQ 0042\).*sur (principal|intérêts|frais) de la créance/,
      );
      const pdf = await fetchStart(page, `Quittance ${receipt} (PDF)`);
      expect(pdf).toEqual({ type: 'application/pdf', start: '%PDF-' });
      expect(await db.selectFrom('payments').select('id').where('case_id', '=', target.id).execute()).toHaveLength(1);
      await expectNoAxeViolations(page, '/cases/:id payments');
      await screenshot(page, 'payments-case');
      await page
        .locator('section[aria-labelledby="payments-heading"]')
        .screenshot({ path: 'test-results/payments-case-section.png' });
      await page
        .locator('section[aria-labelledby="record-payment-heading"]')
        .screenshot({ path: 'test-results/payments-record-form.png' });
    } finally {
      await agentContext.close();
    }

    await seedBankCases();
    const managerContext = await newContext(fixture.browser);
    const manager = await managerContext.newPage();
    try {
      await signInWithKeyboard(manager, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await manager.locator('nav[aria-label] a', { hasText: 'Relevés bancaires' }).click();
      await manager.waitForURL(`${base}/bank-statements`);
      await waitForPage(manager);
      await expectNoAxeViolations(manager, '/bank-statements');
      await manager.getByLabel('Fichier du relevé (XML camt.053 ou camt.054)').setInputFiles({
        name: 'camt053-statement.xml',
        mimeType: 'application/xml',
        buffer: readFileSync(join(process.cwd(), 'examples/bank/camt053-statement.xml')),
      });
      await manager.getByRole('button', { name: 'Importer', exact: true }).click();
      await manager.waitForURL(/\/bank-statements\/[0-9a-f-]{36}$/);
      await waitForPage(manager);
      const summary = plain(await manager.getByTestId('bank-report-summary').textContent());
      expect(summary).toMatch(/\d+ lignes? enregistrées? comme paiements?/);
      expect(summary).toMatch(/\d+ lignes? en attente de rapprochement/);
      expect(summary).toMatch(/ignorées?/);
      await expectNoAxeViolations(manager, '/bank-statements/:id');
      await screenshot(manager, 'payments-bank-report');

      await manager.getByRole('link', { name: 'File de rapprochement' }).click();
      await manager.waitForURL(`${base}/bank-match-queue`);
      await waitForPage(manager);
      const items = manager.getByTestId('queue-item');
      const before = await items.count();
      expect(before).toBeGreaterThan(0);
      await expectNoAxeViolations(manager, '/bank-match-queue');
      await screenshot(manager, 'payments-match-queue');
      const first = items.first();
      await first.getByLabel('Référence du dossier').fill('ACC-2026-900005');
      await first.getByRole('button', { name: 'Affecter au dossier' }).click();
      await manager
        .locator('.success', { hasText: 'affectés au dossier ACC-2026-900005 : paiement enregistré' })
        .waitFor();
      await manager.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="queue-item"]').length === n - 1,
        before,
      );
      const assigned = await db
        .selectFrom('payments')
        .innerJoin('cases', 'cases.id', 'payments.case_id')
        .select('payments.source')
        .where('cases.reference', '=', 'ACC-2026-900005')
        .execute();
      expect(assigned.map((p) => p.source)).toEqual(['bank_statement']);

      // The remittance of the creditor, up to today: the agent's payment is on it, the totals add up.
      await manager.locator('nav[aria-label] a', { hasText: 'Paiements et reversements' }).click();
      await manager.waitForURL(`${base}/payments`);
      await waitForPage(manager);
      await manager
        .getByRole('cell', { name: receipt })
        .or(manager.getByRole('link', { name: `Quittance ${receipt} (PDF)` }))
        .first()
        .waitFor();
      await expectNoAxeViolations(manager, '/payments');
      await manager
        .getByLabel('Créancier', { exact: true })
        .last()
        .selectOption({ label: `${target.creditor_name} (${target.creditor_code})` });
      await manager.getByRole('button', { name: 'Préparer le relevé' }).click();
      await manager.waitForURL(/\/remittances\/[0-9a-f-]{36}$/);
      await waitForPage(manager);
      const remittance = await db
        .selectFrom('remittances')
        .selectAll()
        .orderBy('prepared_at', 'desc')
        .executeTakeFirstOrThrow();
      const money = (cents: number) =>
        new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
      expect(Number(remittance.collected_cents)).toBeGreaterThanOrEqual(15050);
      expect(Number(remittance.net_cents)).toBe(
        Number(remittance.collected_cents) - Number(remittance.commission_cents),
      );
      expect(plain(await manager.getByTestId('remittance-collected').textContent())).toBe(
        plain(money(Number(remittance.collected_cents))),
      );
      expect(plain(await manager.getByTestId('remittance-commission').textContent())).toBe(
        plain(money(Number(remittance.commission_cents))),
      );
      expect(plain(await manager.getByTestId('remittance-net').textContent())).toBe(
        plain(money(Number(remittance.net_cents))),
      );
      await manager.getByRole('rowheader').first().waitFor();
      expect(plain(await manager.locator('table').textContent())).toContain(receipt);
      expect(await fetchStart(manager, 'Relevé en PDF')).toEqual({ type: 'application/pdf', start: '%PDF-' });
      expect((await fetchStart(manager, 'Relevé en CSV', 0)).type).toContain('text/csv');
      await expectNoAxeViolations(manager, '/remittances/:id');
      await screenshot(manager, 'payments-remittance');
    } finally {
      await managerContext.close();
    }
  });
});
