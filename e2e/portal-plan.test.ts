import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMailSink, type DemoMailSink } from '../src/communications/email/demo-mail-sink.js';
import { closeTransports } from '../src/communications/configured-transports.js';
import { demoPortalAccess } from '../src/demo/portal.js';
import { lastMailedCode } from '../test/support/portal.js';
import { expectNoAxeViolations, fetchedFileHead, newPhoneContext, screenshot, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

let mailDir = '';
let sink: DemoMailSink | undefined;
// Started before the server, which sends its codes to it.
beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'accord-e2e-portal-plan-mail-'));
  sink = await startDemoMailSink({ dir: mailDir, port: 0 });
});
const fixture = useAccordAndBrowser({
  config: () => ({
    SMTP_URL: `smtp://127.0.0.1:${sink!.port}`,
    MAIL_FROM: 'Accord <contact@accord.example.fr>',
    PUBLIC_URL: 'https://accord.example.fr',
  }),
});
afterAll(async () => {
  await closeTransports(fixture.server.deps.config);
  await sink?.close();
  await rm(mailDir, { recursive: true, force: true });
});

describe('a budget and a plan on the debtor portal, on a phone', () => {
  it('a debtor gets in, fills their budget, signs a plan within it and downloads its schedule; axe on every page', async () => {
    const { deps, url: base } = fixture.server;
    // A person reached by e-mail with this one open case, no budget, no plan and no hold: the plan is theirs to choose.
    const free = await sql<{ case_id: string; balance_cents: string }>`
      select c.id as case_id, c.balance_cents from cases c
      where c.status = 'open' and c.stage = 'amicable' and c.balance_cents between 30000 and 800000
        and (select count(*) from cases o where o.debtor_id = c.debtor_id and o.status <> 'closed') = 1
        and not exists (select 1 from plans p where p.case_id = c.id)
        and not exists (select 1 from holds h where h.debtor_id = c.debtor_id)
        and not exists (select 1 from debtor_assessments a where a.debtor_id = c.debtor_id)`.execute(deps.db);
    const balances = new Map(free.rows.map((row) => [row.case_id, Number(row.balance_cents)]));
    const access = (await demoPortalAccess(deps, 40)).find((a) => a.channel === 'email' && balances.has(a.caseId));
    expect(access).toBeDefined();
    const caseId = access!.caseId;
    // A budget that leaves about a sixth of the balance a month: six or seven payments, within an adviser's authority.
    const capacityEuros = Math.ceil(balances.get(caseId)! / 6 / 100);

    const context = await newPhoneContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/portal`);
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal sign-in (phone)');
      await page.getByLabel('Code d’accès').fill(access!.accessCode);
      await page.getByLabel('Date de naissance').fill(access!.birthDate);
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('radio', { name: /^Par e-mail à / }).check();
      await expectNoAxeViolations(page, '/portal choose where the code goes (phone)');
      await page.getByRole('button', { name: 'Recevoir le code' }).click();
      await page.getByLabel('Code reçu (6 chiffres)').waitFor();
      await expectNoAxeViolations(page, '/portal one-time code (phone)');
      await page.getByLabel('Code reçu (6 chiffres)').fill(await lastMailedCode(mailDir));
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal home (phone)');

      await page.locator(`a[href="/portal/cases/${caseId}"]`).click();
      await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal/cases/:id (phone)');

      // No budget yet: the plan page says so and leads to the budget.
      await page.getByRole('link', { name: 'Mon budget et un plan de paiement' }).click();
      await page.getByTestId('portal-plan-refusal').waitFor();
      expect(await page.getByTestId('portal-plan-refusal').textContent()).toContain('Remplissez d’abord votre budget');
      await expectNoAxeViolations(page, '/portal/cases/:id/plan without a budget (phone)');
      await page.getByRole('link', { name: 'Mon budget et un plan de paiement' }).click();

      await page.getByRole('heading', { name: 'Votre budget du mois' }).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/budget (phone)');
      await page.getByLabel('Salaire', { exact: true }).fill('3000');
      await page.getByLabel('Nourriture et entretien', { exact: true }).fill('400');
      await page.getByLabel('Loyer ou crédit immobilier', { exact: true }).fill('abc');
      await page.getByRole('button', { name: 'Enregistrer mon budget' }).click();
      await expect.poll(() => page.getByText('Écrivez un montant en euros').count()).toBe(1);
      await expectNoAxeViolations(page, '/portal/cases/:id/budget with a mistake (phone)');
      await page.getByLabel('Loyer ou crédit immobilier', { exact: true }).fill(String(3000 - 400 - capacityEuros));
      await page.getByRole('button', { name: 'Enregistrer mon budget' }).click();
      await page.getByTestId('portal-capacity').waitFor();
      expect(await page.getByTestId('portal-capacity').textContent()).toMatch(/Vous pouvez payer environ .* par mois/);
      await page.getByText('Comment nous l’avons calculé').click();
      await expectNoAxeViolations(page, '/portal/cases/:id/budget computed (phone)');
      await screenshot(page, 'portal-budget-phone');

      await page.getByRole('link', { name: 'Voir les plans adaptés à mon budget' }).click();
      await page.getByRole('heading', { name: 'Choisissez un plan de paiement' }).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/plan proposals (phone)');
      await page.getByRole('radio', { name: /Payer en mensualités/ }).check();
      const sign = page.getByRole('button', { name: 'Signer ce plan' });
      expect(await sign.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: /J’accepte de payer/ }).check();
      await expectNoAxeViolations(page, '/portal/cases/:id/plan chosen (phone)');
      await screenshot(page, 'portal-plan-phone');
      await sign.click();
      await page.getByRole('heading', { name: 'Votre plan est accepté' }).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/plan signed (phone)');
      const noSideScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(noSideScroll).toBe(true);

      await page.getByRole('button', { name: 'Votre plan' }).click();
      await page.getByTestId('portal-plan-next').waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/plan current (phone)');
      const href = await page.getByRole('link', { name: 'Télécharger l’échéancier (PDF)' }).getAttribute('href');
      const pdf = await fetchedFileHead(page, href);
      expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

      // The case page shows the plan's next payment (where the file stands says it too).
      await page.getByRole('link', { name: '← Retour au dossier' }).click();
      await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
      await expect.poll(() => page.getByText(/^Prochaine échéance : .+ le .+\.$/).count()).toBeGreaterThanOrEqual(1);
      await expectNoAxeViolations(page, '/portal/cases/:id with a plan (phone)');

      const plan = await deps.db
        .selectFrom('plans')
        .select(['status', 'created_by'])
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(plan).toEqual({ status: 'agreed', created_by: null });
      const acts = await deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['portal.budget_declared', 'portal.plan_signed', 'portal.schedule_downloaded'])
        .execute();
      expect(acts.map((a) => a.action).sort()).toEqual([
        'portal.budget_declared',
        'portal.plan_signed',
        'portal.schedule_downloaded',
      ]);
    } finally {
      await context.close();
    }
  });
});
