import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTransports } from '../src/communications/configured-transports.js';
import { startDemoMailSink, type DemoMailSink } from '../src/communications/email/demo-mail-sink.js';
import { demoPortalAccess } from '../src/demo/portal.js';
import { lastMailedCode, portalSessionOf, signPlanOnPortal } from '../test/support/portal.js';
import { expectNoAxeViolations, newPhoneContext, screenshot, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const IBAN = 'FR7630006000011234567890189';

let mailDir = '';
let sink: DemoMailSink | undefined;
// Started before the server, which sends its codes to it.
beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'accord-e2e-portal-mandate-mail-'));
  sink = await startDemoMailSink({ dir: mailDir, port: 0 });
});
const fixture = useAccordAndBrowser({
  config: () => ({
    SMTP_URL: `smtp://127.0.0.1:${sink!.port}`,
    MAIL_FROM: 'Accord <contact@accord.example.fr>',
    PUBLIC_URL: 'https://accord.example.fr',
    SEPA_CREDITOR_NAME: 'Accord Recouvrement SAS',
    SEPA_CREDITOR_ID: 'FR62ZZZ8A4F21',
    SEPA_CREDITOR_IBAN: 'FR7630006000010001234560183',
  }),
});
afterAll(async () => {
  await closeTransports(fixture.server.deps.config);
  await sink?.close();
  await rm(mailDir, { recursive: true, force: true });
});

describe('a direct debit on the debtor portal, on a phone', () => {
  it('a debtor with a plan signs the mandate, sees the IBAN masked and answers the survey; axe on every page', async () => {
    const { deps, url: base, app } = fixture.server;
    // A person reached by e-mail with this one open case, no budget, no plan, no hold and no mandate: they sign a plan
    // on the portal as the plan's browser test does (here through the API), then come for the direct debit.
    const free = await sql<{ case_id: string; debtor_id: string; balance_cents: string }>`
      select c.id as case_id, c.debtor_id, c.balance_cents from cases c
      where c.status = 'open' and c.stage = 'amicable' and c.balance_cents between 30000 and 800000
        and (select count(*) from cases o where o.debtor_id = c.debtor_id and o.status <> 'closed') = 1
        and not exists (select 1 from plans p where p.case_id = c.id)
        and not exists (select 1 from holds h where h.debtor_id = c.debtor_id)
        and not exists (select 1 from debtor_assessments a where a.debtor_id = c.debtor_id)
        and not exists (select 1 from sepa_mandates m where m.case_id = c.id)`.execute(deps.db);
    const cases = new Map(free.rows.map((row) => [row.case_id, row]));
    const access = (await demoPortalAccess(deps, 40)).find((a) => a.channel === 'email' && cases.has(a.caseId));
    expect(access).toBeDefined();
    const found = cases.get(access!.caseId)!;
    const caseId = found.case_id;
    await signPlanOnPortal(app, await portalSessionOf(deps, found.debtor_id), caseId, Number(found.balance_cents));

    const context = await newPhoneContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/portal`);
      await waitForPage(page);
      await page.getByLabel('Code d’accès').fill(access!.accessCode);
      await page.getByLabel('Date de naissance').fill(access!.birthDate);
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('radio', { name: /^Par e-mail à / }).check();
      await page.getByRole('button', { name: 'Recevoir le code' }).click();
      await page.getByLabel('Code reçu (6 chiffres)').waitFor();
      await page.getByLabel('Code reçu (6 chiffres)').fill(await lastMailedCode(mailDir));
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();

      await page.locator(`a[href="/portal/cases/${caseId}"]`).click();
      await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal/cases/:id with a plan (phone)');
      await page.getByRole('link', { name: 'Payer mon plan par prélèvement' }).click();

      await page.getByRole('heading', { name: 'Payer votre plan par prélèvement' }).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/mandate (phone)');
      await page.getByLabel('Titulaire du compte (prénom et nom)').fill('Camille Martin');
      // A digit wrong: said on the page before the mandate is read, nothing sent.
      await page.getByLabel('IBAN', { exact: true }).fill('FR76 3000 6000 0112 3456 7890 188');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByText('Cet IBAN n’est pas valide').waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/mandate with a wrong IBAN (phone)');
      await page.getByLabel('IBAN', { exact: true }).fill('fr76 3000 6000 0112 3456 7890 189');
      await page.getByRole('button', { name: 'Continuer' }).click();

      await page.getByRole('heading', { name: 'Lisez et signez le mandat' }).waitFor();
      expect(await page.getByTestId('portal-mandate-account').textContent()).toContain('FR76 •••• •••• 0189');
      expect(await page.getByText(/Référence unique du mandat : ACP-/).count()).toBe(1);
      await expectNoAxeViolations(page, '/portal/cases/:id/mandate read and sign (phone)');
      const sign = page.getByRole('button', { name: 'Signer le mandat' });
      expect(await sign.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: /J’ai lu le mandat/ }).check();
      await screenshot(page, 'portal-mandate-phone');
      await sign.click();

      await page.getByRole('heading', { name: 'Votre prélèvement est en place' }).waitFor();
      expect(await page.getByTestId('portal-mandate-signed').textContent()).toContain('FR76 •••• •••• 0189');
      expect(await page.content()).not.toContain(IBAN);
      await page.getByRole('heading', { name: 'Une question' }).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/mandate signed, the survey (phone)');
      await page.getByRole('radio', { name: /^4 – / }).check();
      await page.getByLabel('Un commentaire (facultatif)').fill('Rapide et clair.');
      await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
      await page.getByText('Merci, votre réponse est enregistrée.').waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/mandate survey answered (phone)');
      const noSideScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(noSideScroll).toBe(true);

      // Back on the page later: the mandate in force, masked, and the way to stop it.
      await page.reload();
      await page.getByTestId('portal-mandate-current').waitFor();
      expect(await page.getByTestId('portal-mandate-current').textContent()).toContain('FR76 •••• •••• 0189');
      expect(await page.content()).not.toContain(IBAN);
      await expectNoAxeViolations(page, '/portal/cases/:id/mandate in force (phone)');

      const mandate = await deps.db
        .selectFrom('sepa_mandates')
        .select(['id', 'signed_via', 'status', 'debtor_iban'])
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(mandate).toMatchObject({ signed_via: 'portal', status: 'active', debtor_iban: IBAN });
      const answer = await deps.db
        .selectFrom('satisfaction_answers as a')
        .innerJoin('satisfaction_invitations as i', 'i.id', 'a.invitation_id')
        .select(['a.score', 'i.channel'])
        .where('i.interaction_id', '=', mandate.id)
        .executeTakeFirstOrThrow();
      expect(answer).toEqual({ score: 4, channel: 'portal' });
    } finally {
      await context.close();
    }
  });
});
